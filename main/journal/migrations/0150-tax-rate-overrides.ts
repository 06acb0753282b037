// A manager's override of one sales tax rate (docs/register.md "Rate overrides"): from a store day, in the store's
// province, for one tax code, with who made it and why; removed (never deleted) with who and why. Sales opened on
// or after the day take it (main/checkout/tax-table.ts taxSetupFor); a sale keeps the rules it opened with. Every row
// is rebuilt from its `tax.override.set` and `tax.override.removed` events (tax-override-rebuild.ts).
import type { Migration } from '../migrate.js';

export const addTaxRateOverrides: Migration = {
  version: 150,
  name: 'tax-rate-overrides',
  up(db) {
    db.exec(`
      CREATE TABLE tax_rate_overrides (
        id INTEGER PRIMARY KEY,
        province TEXT NOT NULL CHECK (length(province) = 2),
        code TEXT NOT NULL CHECK (code IN ('GST', 'HST', 'PST', 'QST', 'RST')),
        rate_per_100k INTEGER NOT NULL CHECK (rate_per_100k BETWEEN 1 AND 25000),
        -- The table's rate that day when the override was made, shown beside it.
        table_rate_per_100k INTEGER NOT NULL CHECK (table_rate_per_100k BETWEEN 1 AND 25000),
        effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200),
        removed_at INTEGER,
        removed_by TEXT CHECK (removed_by IS NULL OR length(removed_by) BETWEEN 1 AND 200),
        removal_reason TEXT CHECK (removal_reason IS NULL OR length(removal_reason) BETWEEN 1 AND 200),
        CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removal_reason IS NULL))
      ) STRICT;
      -- taxSetupFor reads the overrides in force at every sale opened: the few rows not removed.
      CREATE INDEX tax_rate_overrides_active ON tax_rate_overrides (province, effective_from) WHERE removed_at IS NULL;
    `);
  },
};
