// Stored Z reports. Written once (triggers refuse UPDATE/DELETE); the report itself is built in
// main/reports/day-close.ts, inside the same transaction as this insert.
import type { Journal } from './database.js';
import { DayAlreadyClosedError, JournalNotFoundError } from './errors.js';
import { appendEvent } from './events.js';

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
}

export type NewDayClose = Omit<DayCloseRecord, 'zNumber' | 'closedAt' | 'terminalId' | 'differenceCents'>;

const SELECT = `SELECT z_number AS zNumber, store_day AS storeDay, time_zone AS timeZone, terminal_id AS terminalId,
  closed_at AS closedAt, closed_by AS closedBy, cash_currency AS cashCurrency,
  expected_cash_cents AS expectedCashCents, counted_cash_cents AS countedCashCents,
  difference_cents AS differenceCents, totals_json AS totalsJson FROM day_closes`;

export function findDayClose(journal: Journal, storeDay: string): DayCloseRecord | undefined {
  return journal
    .statement(`${SELECT} WHERE store_day = ? AND terminal_id = ?`)
    .get(storeDay, journal.terminalId) as DayCloseRecord | undefined;
}

export function getDayClose(journal: Journal, zNumber: number): DayCloseRecord {
  const row = journal.statement(`${SELECT} WHERE z_number = ?`).get(zNumber) as DayCloseRecord | undefined;
  if (!row) throw new JournalNotFoundError('day close', zNumber);
  return row;
}

export function listDayCloses(journal: Journal): DayCloseRecord[] {
  return journal.statement(`${SELECT} ORDER BY z_number`).all() as DayCloseRecord[];
}

/** Inserts the next Z. Refuses a second close of the same store day on this terminal. */
export function insertDayClose(journal: Journal, input: NewDayClose): DayCloseRecord {
  return journal.write(() => {
    const existing = findDayClose(journal, input.storeDay);
    if (existing) throw new DayAlreadyClosedError(input.storeDay, journal.terminalId, existing.zNumber);
    const { next } = journal.statement('SELECT coalesce(max(z_number), 0) + 1 AS next FROM day_closes').get() as {
      next: number;
    };
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
           expected_cash_cents, counted_cash_cents, difference_cents, totals_json)
         VALUES (@zNumber, @storeDay, @timeZone, @terminalId, @closedAt, @closedBy, @cashCurrency,
           @expectedCashCents, @countedCashCents, @differenceCents, @totalsJson)`,
      )
      .run(record);
    const { totalsJson: _totals, ...payload } = record;
    appendEvent(journal, { kind: 'day.closed', entity: 'day_close', entityId: next, payload });
    return record;
  });
}
