// Z reports. Numbered, one per store day and terminal, and immutable: triggers refuse UPDATE and DELETE,
// and the CHECK keeps the stored difference honest.
import type { Migration } from '../migrate.js';

export const createDayCloses: Migration = {
  version: 50,
  name: 'create-day-closes',
  up(db) {
    db.exec(`
      CREATE TABLE day_closes (
        z_number INTEGER PRIMARY KEY CHECK (z_number > 0),
        store_day TEXT NOT NULL CHECK (store_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        time_zone TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        closed_at INTEGER NOT NULL,
        closed_by TEXT NOT NULL,
        cash_currency TEXT NOT NULL CHECK (length(cash_currency) = 3),
        expected_cash_cents INTEGER NOT NULL,
        counted_cash_cents INTEGER NOT NULL CHECK (counted_cash_cents >= 0),
        difference_cents INTEGER NOT NULL CHECK (difference_cents = counted_cash_cents - expected_cash_cents),
        totals_json TEXT NOT NULL CHECK (json_valid(totals_json)),
        UNIQUE (store_day, terminal_id)
      ) STRICT;

      CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
      BEGIN SELECT RAISE(ABORT, 'day closes are immutable'); END;

      CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
      BEGIN SELECT RAISE(ABORT, 'day closes are immutable'); END;
    `);
  },
};
