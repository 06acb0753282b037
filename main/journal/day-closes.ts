// Stored Z reports. Written once (triggers refuse UPDATE/DELETE); the report itself is built in
// main/reports/day-close.ts, inside the same transaction as this insert. Z n closes period n (docs/journal.md
// "Z periods"): several Zs may share a store day. Each is sealed with the event count and head hash it saw.
import { createHash } from 'node:crypto';
import type { Journal } from './database.js';
import { JournalNotFoundError } from './errors.js';
import { appendEvent } from './events.js';
import { openPeriod } from './periods.js';

export interface DayCloseRecord {
  zNumber: number;
  storeDay: string;
  timeZone: string;
  terminalId: string;
  closedAt: number;
  closedBy: string;
  cashCurrency: string;
  expectedCashCents: number;
  countedCashCents: number;
  differenceCents: number;
  totalsJson: string;
  /** The seal: how many events the chain had when this Z was taken, and the last one's hash. */
  eventCount: number;
  headHash: string;
}

export type NewDayClose = Omit<DayCloseRecord, 'zNumber' | 'closedAt' | 'terminalId' | 'differenceCents'>;

/** Hash of a Z's stored totals, carried in its event so `journal verify` sees them edited. */
export function totalsHash(totalsJson: string): string {
  return createHash('sha256').update(totalsJson).digest('hex');
}

const SELECT = `SELECT z_number AS zNumber, store_day AS storeDay, time_zone AS timeZone, terminal_id AS terminalId,
  closed_at AS closedAt, closed_by AS closedBy, cash_currency AS cashCurrency,
  expected_cash_cents AS expectedCashCents, counted_cash_cents AS countedCashCents,
  difference_cents AS differenceCents, totals_json AS totalsJson, event_count AS eventCount, head_hash AS headHash FROM day_closes`;

/** The latest Z taken for this store day on this terminal, if any. */
export function findDayClose(journal: Journal, storeDay: string): DayCloseRecord | undefined {
  return journal
    .statement(`${SELECT} WHERE store_day = ? AND terminal_id = ? ORDER BY z_number DESC LIMIT 1`)
    .get(storeDay, journal.terminalId) as DayCloseRecord | undefined;
}

export function lastDayClose(journal: Journal): DayCloseRecord | undefined {
  return journal.statement(`${SELECT} ORDER BY z_number DESC LIMIT 1`).get() as DayCloseRecord | undefined;
}

export function getDayClose(journal: Journal, zNumber: number): DayCloseRecord {
  const row = journal.statement(`${SELECT} WHERE z_number = ?`).get(zNumber) as DayCloseRecord | undefined;
  if (!row) throw new JournalNotFoundError('day close', zNumber);
  return row;
}

export function listDayCloses(journal: Journal): DayCloseRecord[] {
  return journal.statement(`${SELECT} ORDER BY z_number`).all() as DayCloseRecord[];
}

/** Inserts the next Z: it closes the open period. The date checks are the caller's (main/reports/day-close.ts). */
export function insertDayClose(journal: Journal, input: NewDayClose): DayCloseRecord {
  return journal.write(() => {
    const next = openPeriod(journal);
    const record: DayCloseRecord = {
      ...input,
      zNumber: next,
      terminalId: journal.terminalId,
      closedAt: journal.clock.now(),
      differenceCents: input.countedCashCents - input.expectedCashCents,
    };
    journal
      .statement(
        `INSERT INTO day_closes (z_number, store_day, time_zone, terminal_id, closed_at, closed_by, cash_currency,
           expected_cash_cents, counted_cash_cents, difference_cents, totals_json, event_count, head_hash)
         VALUES (@zNumber, @storeDay, @timeZone, @terminalId, @closedAt, @closedBy, @cashCurrency,
           @expectedCashCents, @countedCashCents, @differenceCents, @totalsJson, @eventCount, @headHash)`,
      )
      .run(record);
    const { totalsJson, ...fields } = record;
    appendEvent(journal, { kind: 'day.closed', entity: 'day_close', entityId: next, payload: { ...fields, totalsHash: totalsHash(totalsJson) } });
    return record;
  });
}
