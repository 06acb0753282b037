// Sales and their line items, plus a small key/value `meta` table for journal-wide facts.
// Times are INTEGER milliseconds since the epoch (UTC): cheap to index and to range-scan for a store day.
import type { Migration } from '../migrate.js';

export const createSales: Migration = {
  version: 10,
  name: 'create-sales',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sales (
        id INTEGER PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        cashier TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'voided')),
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
        total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
        created_at INTEGER NOT NULL,
        closed_at INTEGER
      ) STRICT;

      CREATE TABLE sale_lines (
        sale_id INTEGER NOT NULL REFERENCES sales (id),
        line_no INTEGER NOT NULL CHECK (line_no > 0),
        sku TEXT NOT NULL,
        gtin TEXT,
        name TEXT NOT NULL,
        unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        line_total_cents INTEGER NOT NULL CHECK (line_total_cents = unit_price_cents * quantity),
        PRIMARY KEY (sale_id, line_no)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX sales_by_created_at ON sales (created_at);
    `);
  },
};
