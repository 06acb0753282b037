// Cash rounding (docs/register.md "Cash rounding"). A cash attempt's amount_cents is the cash taken; rounding_cents
// is what the 5¢ rounding added to it (receipt sign: −2 when $10.02 is paid with $10.00), so the attempt pays its
// sale amount_cents − rounding_cents. Only cash rounds, by at most 2¢. Attempts from before it: 0.
import type { Migration } from '../migrate.js';

export const addCashRounding: Migration = {
  version: 100,
  name: 'cash-rounding',
  up(db) {
    db.exec(`
      ALTER TABLE attempts ADD COLUMN rounding_cents INTEGER NOT NULL DEFAULT 0
        CHECK (rounding_cents BETWEEN -2 AND 2 AND (rounding_cents = 0 OR tender = 'cash'));
    `);
  },
};
