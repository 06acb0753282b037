// Register reports (docs/register.md "In the reports"): net sales, each tax and the 5¢ cash rounding per store day
// and per Z period stay range scans over small partial indexes. Paid sales by the time they were paid (their
// sale_taxes rows are then read by primary key); rounded cash attempts by day and by period, covering.
import type { Migration } from '../migrate.js';

export const addRegisterReportIndexes: Migration = {
  version: 110,
  name: 'register-report-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX sales_paid_by_closed_at ON sales (closed_at, currency, subtotal_cents) WHERE status = 'paid';
      CREATE INDEX attempts_rounded_by_day
        ON attempts (finalized_at, currency, rounding_cents) WHERE state = 'succeeded' AND rounding_cents <> 0;
      CREATE INDEX attempts_rounded_by_period
        ON attempts (period, currency, rounding_cents) WHERE state = 'succeeded' AND rounding_cents <> 0;
    `);
  },
};
