// Sales tax (docs/register.md "Sales tax"). A sale records how it is taxed when it opens (province, tax table
// version, whether prices include tax) and one `sale_taxes` row per tax rule of that version: the rule (code, rate,
// the classes it applies to) and, recomputed with every line change in the same transaction, its base and amount.
// `total_cents` becomes subtotal + taxes; each line has a tax class. Sales from before this migration had no tax:
// their subtotal is their total and they have no tax rows (tax_province NULL).
import type { Migration } from '../migrate.js';

export const addSalesTax: Migration = {
  version: 90,
  name: 'sales-tax',
  up(db) {
    db.exec(`
      ALTER TABLE sales ADD COLUMN subtotal_cents INTEGER NOT NULL DEFAULT 0 CHECK (subtotal_cents >= 0);
      UPDATE sales SET subtotal_cents = total_cents;
      ALTER TABLE sales ADD COLUMN tax_province TEXT CHECK (tax_province IS NULL OR length(tax_province) = 2);
      ALTER TABLE sales ADD COLUMN tax_table TEXT CHECK (tax_table IS NULL OR tax_table GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
      ALTER TABLE sales ADD COLUMN prices_include_tax INTEGER NOT NULL DEFAULT 0 CHECK (prices_include_tax IN (0, 1));

      ALTER TABLE sale_lines ADD COLUMN tax_class TEXT NOT NULL DEFAULT 'standard'
        CHECK (tax_class IN ('standard', 'gst-only', 'zero-rated', 'exempt'));

      CREATE TABLE sale_taxes (
        sale_id INTEGER NOT NULL REFERENCES sales (id),
        position INTEGER NOT NULL CHECK (position > 0),
        code TEXT NOT NULL CHECK (code IN ('GST', 'HST', 'PST', 'QST', 'RST')),
        rate_per_100k INTEGER NOT NULL CHECK (rate_per_100k > 0 AND rate_per_100k < 100000),
        -- The tax classes the rule applies to, comma-separated, e.g. 'standard,gst-only'.
        classes TEXT NOT NULL CHECK (length(classes) > 0),
        base_cents INTEGER NOT NULL DEFAULT 0 CHECK (base_cents >= 0),
        amount_cents INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
        PRIMARY KEY (sale_id, position)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
