// Held (parked) sales (docs/register.md "Held sales"). A cashier parks an open sale with nothing paid and nothing in
// flight, serves the next customer, and resumes it later, across a restart too: `parked_at` is when it was parked
// (null: not parked, or resumed) and `parked_by` who parked it. A parked sale stays `open`; it is never counted as a
// sale until it is paid. Both columns are rebuilt from the `sale.parked` and `sale.resumed` events (rebuild.ts).
import type { Migration } from '../migrate.js';

export const addHeldSales: Migration = {
  version: 140,
  name: 'held-sales',
  up(db) {
    db.exec(`
      ALTER TABLE sales ADD COLUMN parked_at INTEGER;
      ALTER TABLE sales ADD COLUMN parked_by TEXT CHECK (parked_by IS NULL OR length(parked_by) BETWEEN 1 AND 200);
      -- The cashier's "Parked (n)" list and the Z's list of sales left parked: a scan of the few parked rows.
      CREATE INDEX sales_parked ON sales (parked_at) WHERE parked_at IS NOT NULL AND status = 'open';
    `);
  },
};
