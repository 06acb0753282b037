// The Z report: closes one store day on this terminal. Numbered, immutable once written (journal triggers),
// and built in the same transaction as its insert so the totals it stores are exactly the ones it saw.
// It also records the event-chain head: a printed Z anchors the chain, so truncating the log is detectable.
import type { Journal } from '../journal/database.js';
import { insertDayClose, type DayCloseRecord } from '../journal/day-closes.js';
import { assertCents, assertCurrency, assertText } from '../journal/money.js';
import { storeDayRange, type UtcRange } from '../journal/store-day.js';
import { totalsForRange, type DailyTotals } from './daily-totals.js';

export interface CloseDayInput {
  storeDay: string;
  closedBy: string;
  countedCashCents: number;
  cashCurrency: string;
  timeZone?: string;
}

export interface ZReport extends DayCloseRecord {
  totals: DailyTotals;
  chainHead: { seq: number; hash: string } | null;
}

function cashCents(journal: Journal, range: UtcRange, currency: string): number {
  const paid = journal
    .statement(
      `SELECT coalesce(sum(amount_cents), 0) AS cents FROM attempts WHERE state = 'succeeded' AND tender = 'cash'
       AND currency = ? AND finalized_at >= ? AND finalized_at < ?`,
    )
    .get(currency, range.startMs, range.endMs) as { cents: number };
  const refunded = journal
    .statement(
      `SELECT coalesce(sum(r.amount_cents), 0) AS cents FROM refunds r JOIN attempts a ON a.id = r.attempt_id
       WHERE r.state = 'succeeded' AND a.tender = 'cash' AND r.currency = ? AND r.finalized_at >= ? AND r.finalized_at < ?`,
    )
    .get(currency, range.startMs, range.endMs) as { cents: number };
  return paid.cents - refunded.cents;
}

function chainHead(journal: Journal): { seq: number; hash: string } | null {
  const row = journal.statement('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return row ?? null;
}

export function closeDay(journal: Journal, input: CloseDayInput): ZReport {
  const timeZone = input.timeZone ?? journal.timeZone;
  assertText('closedBy', input.closedBy);
  assertCents('countedCashCents', input.countedCashCents);
  assertCurrency(input.cashCurrency);
  const range = storeDayRange(input.storeDay, timeZone);
  return journal.write(() => {
    const totals: DailyTotals = { storeDay: input.storeDay, timeZone, ...totalsForRange(journal, range) };
    const head = chainHead(journal);
    const record = insertDayClose(journal, {
      storeDay: input.storeDay,
      timeZone,
      closedBy: input.closedBy,
      cashCurrency: input.cashCurrency,
      expectedCashCents: cashCents(journal, range, input.cashCurrency),
      countedCashCents: input.countedCashCents,
      totalsJson: JSON.stringify({ totals, chainHead: head }),
    });
    return { ...record, totals, chainHead: head };
  });
}
