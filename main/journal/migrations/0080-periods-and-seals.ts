// Z periods and Z seals (docs/journal.md "Z periods" and "Seals").
// - A Z closes the open period; what comes after belongs to the next one. Until now a Z covered a store day by the
//   wall clock, one per date: a sale after the close, or with the clock set back, landed in no Z or in a closed one.
//   Now sales, attempts and refunds carry the `period` (the number of the Z that will count them) in which they
//   became final, stamped from the journal, never from the clock. UNIQUE(store_day, terminal_id) goes: a second
//   close on the same date closes the second period.
// - Each Z records the event count and head hash it was sealed at (they were inside totals_json), so a printed Z
//   shows a truncated chain end.
// - events_by_at: the newest event's time, for the clock check at start (main/app/clock-watch.ts).
// - meta.journal_id: settings.json remembers it, so a journal that disappeared is refused, not recreated empty.
// Rows already final are given the period of the old Z whose day (before its close) holds them; the rest (days
// never closed, or after a close) go to the open period, so the next Z counts them: best effort, see docs/journal.md.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';
import { storeDayRange } from '../store-day.js';

const GENESIS = '0'.repeat(64);

function rebuildDayCloses(db: Database.Database): void {
  db.exec(`
    CREATE TABLE day_closes_v80 (
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
      event_count INTEGER NOT NULL CHECK (event_count >= 0),
      head_hash TEXT NOT NULL CHECK (length(head_hash) = 64)
    ) STRICT;

    INSERT INTO day_closes_v80
      SELECT z_number, store_day, time_zone, terminal_id, closed_at, closed_by, cash_currency, expected_cash_cents,
        counted_cash_cents, difference_cents, totals_json,
        coalesce(json_extract(totals_json, '$.chainHead.seq'), 0),
        coalesce(json_extract(totals_json, '$.chainHead.hash'), '${GENESIS}')
      FROM day_closes;

    DROP TABLE day_closes;
    ALTER TABLE day_closes_v80 RENAME TO day_closes;
    CREATE INDEX day_closes_by_store_day ON day_closes (store_day);

    CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes
    BEGIN SELECT RAISE(ABORT, 'day closes are immutable'); END;

    CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes
    BEGIN SELECT RAISE(ABORT, 'day closes are immutable'); END;
  `);
}

const PERIOD_TARGETS = [
  { table: 'attempts', at: 'finalized_at', final: `state IN ('succeeded', 'failed')` },
  { table: 'refunds', at: 'finalized_at', final: `state IN ('succeeded', 'failed')` },
  { table: 'sales', at: 'closed_at', final: `status IN ('paid', 'voided')` },
] as const;

function backfillPeriods(db: Database.Database): void {
  const closes = db.prepare('SELECT z_number, store_day, time_zone, closed_at FROM day_closes ORDER BY z_number').all() as
    Array<{ z_number: number; store_day: string; time_zone: string; closed_at: number }>;
  for (const z of closes) {
    let range: { startMs: number; endMs: number };
    try {
      range = storeDayRange(z.store_day, z.time_zone);
    } catch {
      continue; // a zone this app cannot read: its rows go to the open period below
    }
    const end = Math.min(range.endMs, z.closed_at);
    for (const t of PERIOD_TARGETS) {
      db.prepare(`UPDATE ${t.table} SET period = ? WHERE period IS NULL AND ${t.final} AND ${t.at} >= ? AND ${t.at} < ?`).run(z.z_number, range.startMs, end);
    }
  }
  const open = (closes.at(-1)?.z_number ?? 0) + 1;
  for (const t of PERIOD_TARGETS) db.prepare(`UPDATE ${t.table} SET period = ? WHERE period IS NULL AND ${t.final}`).run(open);
}

export const addPeriodsAndSeals: Migration = {
  version: 80,
  name: 'periods-and-seals',
  up(db) {
    rebuildDayCloses(db);
    db.exec(`
      ALTER TABLE sales ADD COLUMN period INTEGER CHECK (period IS NULL OR period > 0);
      ALTER TABLE attempts ADD COLUMN period INTEGER CHECK (period IS NULL OR period > 0);
      ALTER TABLE refunds ADD COLUMN period INTEGER CHECK (period IS NULL OR period > 0);
    `);
    backfillPeriods(db);
    db.exec(`
      -- A Z's totals: a covering scan over one period's succeeded attempts, like attempts_succeeded_by_day.
      CREATE INDEX attempts_succeeded_by_period
        ON attempts (period, channel, currency, cashier, amount_cents) WHERE state = 'succeeded';
      CREATE INDEX refunds_succeeded_by_period ON refunds (period) WHERE state = 'succeeded';
      CREATE INDEX sales_by_period ON sales (period, status) WHERE period IS NOT NULL;
      CREATE INDEX events_by_at ON events (at);
    `);
    db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('journal_id', ?)`).run(randomBytes(16).toString('hex'));
  },
};
