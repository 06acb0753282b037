// Discounts and price overrides (docs/register.md "Discounts"). Each line keeps its total discount
// (`discount_cents`: its own line discount plus its share of the sale discount; net = line_total − discount) and
// what its own discount was given as (kind, value, reason, approver), so it can be shown and recomputed when the
// line changes; a price override keeps the catalog price beside the new unit price, and who approved it. A sale
// keeps its total discount (the sum of its lines') and its sale discount as given, with the cents it came to.
// Everything is recomputed from the lines in the same transaction as every line change (main/journal/sales.ts),
// journaled, and rebuilt by `journal verify` from the events. Rows from before: no discount, no override.
import type { Migration } from '../migrate.js';

export const addDiscounts: Migration = {
  version: 120,
  name: 'discounts',
  up(db) {
    db.exec(`
      ALTER TABLE sale_lines ADD COLUMN discount_cents INTEGER NOT NULL DEFAULT 0
        CHECK (discount_cents >= 0 AND discount_cents <= line_total_cents);
      -- The line's own discount as given: 'pct' in hundredths of a percent (1000 = 10%), 'amount' in cents.
      ALTER TABLE sale_lines ADD COLUMN line_discount_kind TEXT CHECK (line_discount_kind IS NULL OR line_discount_kind IN ('pct', 'amount'));
      ALTER TABLE sale_lines ADD COLUMN line_discount_value INTEGER
        CHECK ((line_discount_kind IS NULL AND line_discount_value IS NULL) OR (line_discount_value > 0 AND (line_discount_kind <> 'pct' OR line_discount_value <= 10000)));
      -- What the line's own discount came to (its part of discount_cents; the rest is its share of the sale's).
      ALTER TABLE sale_lines ADD COLUMN line_discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (line_discount_cents >= 0 AND line_discount_cents <= discount_cents);
      ALTER TABLE sale_lines ADD COLUMN line_discount_reason TEXT;
      ALTER TABLE sale_lines ADD COLUMN line_discount_approved_by TEXT;
      -- Not NULL: the unit price was overridden; this was the price before (the catalog's).
      ALTER TABLE sale_lines ADD COLUMN catalog_price_cents INTEGER CHECK (catalog_price_cents IS NULL OR catalog_price_cents >= 0);
      ALTER TABLE sale_lines ADD COLUMN price_override_reason TEXT;
      ALTER TABLE sale_lines ADD COLUMN price_override_approved_by TEXT;

      ALTER TABLE sales ADD COLUMN discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0);
      ALTER TABLE sales ADD COLUMN sale_discount_kind TEXT CHECK (sale_discount_kind IS NULL OR sale_discount_kind IN ('pct', 'amount'));
      ALTER TABLE sales ADD COLUMN sale_discount_value INTEGER
        CHECK ((sale_discount_kind IS NULL AND sale_discount_value IS NULL) OR (sale_discount_value > 0 AND (sale_discount_kind <> 'pct' OR sale_discount_value <= 10000)));
      ALTER TABLE sales ADD COLUMN sale_discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (sale_discount_cents >= 0 AND sale_discount_cents <= discount_cents);
      ALTER TABLE sales ADD COLUMN sale_discount_reason TEXT;
      ALTER TABLE sales ADD COLUMN sale_discount_approved_by TEXT;

      -- The reports' discount totals (main/reports/register-totals.ts): paid sales with a discount, by day and by Z period.
      CREATE INDEX sales_discounted_by_closed_at ON sales (closed_at, currency, discount_cents) WHERE status = 'paid' AND discount_cents > 0;
      CREATE INDEX sales_discounted_by_period ON sales (period, currency, discount_cents) WHERE status = 'paid' AND discount_cents > 0;
    `);
  },
};
