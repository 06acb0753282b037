// The Z report: closes the open Z period on this terminal (docs/journal.md "Z periods"). Numbered, immutable once
// written (journal triggers), and built in the same transaction as its insert so the totals it stores are exactly
// the ones it saw. It counts what became final in its period, never a clock range, so a sale after a close or with
// the clock set back lands in the next Z, not in a closed one. Its seal is the event count and head hash: a printed
// Z anchors the chain, so truncating the log is detectable (`journal verify --seal N:HASH`).
import type { Journal } from '../journal/database.js';
import { insertDayClose, lastDayClose, type DayCloseRecord } from '../journal/day-closes.js';
import { PeriodDateBeforeLastError, PeriodNotBegunError } from '../journal/errors.js';
import { GENESIS_HASH } from '../journal/events.js';
import { assertCents, assertCurrency, assertText } from '../journal/money.js';
import { openPeriod } from '../journal/periods.js';
import { parkedSales, type ParkedSale } from '../journal/sale-parking.js';
import { storeDayOf, storeDayRange } from '../journal/store-day.js';
import { totalsForPeriod, type PeriodTotals } from './daily-totals.js';

export interface CloseDayInput {
  /** The business date printed on the Z; it must have begun, and not be before the last Z's. */
  storeDay: string;
  closedBy: string;
  countedCashCents: number;
  cashCurrency: string;
  timeZone?: string;
}

export interface ZReport extends DayCloseRecord {
  totals: PeriodTotals & { storeDay: string; timeZone: string };
  chainHead: { seq: number; hash: string } | null;
  /** Sales still parked when it was taken: listed (stored with its totals), never counted as sales. */
  parkedSales: ParkedSale[];
}

function cashCents(journal: Journal, period: number, currency: string): number {
  const paid = journal
    .statement(
      `SELECT coalesce(sum(amount_cents), 0) AS cents FROM attempts WHERE state = 'succeeded' AND tender = 'cash'
       AND currency = ? AND period = ?`,
    )
    .get(currency, period) as { cents: number };
  const refunded = journal
    .statement(
      `SELECT coalesce(sum(r.amount_cents), 0) AS cents FROM refunds r JOIN attempts a ON a.id = r.attempt_id
       WHERE r.state = 'succeeded' AND a.tender = 'cash' AND r.currency = ? AND r.period = ?`,
    )
    .get(currency, period) as { cents: number };
  // Returns without a receipt pay cash out of the drawer at once (migration 0130, docs/register.md "Returns and exchanges").
  const returned = journal
    .statement(`SELECT coalesce(sum(cash_back_cents), 0) AS cents FROM returns WHERE kind = 'no-receipt' AND period = ? AND currency = ?`)
    .get(period, currency) as { cents: number };
  return paid.cents - refunded.cents - returned.cents;
}

function chainHead(journal: Journal): { seq: number; hash: string } | null {
  const row = journal.statement('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return row ?? null;
}

/** A period cannot be closed for a date that has not begun, nor for one before the last Z's. */
function checkDate(journal: Journal, storeDay: string, timeZone: string): void {
  const now = journal.clock.now();
  if (storeDayRange(storeDay, timeZone).startMs > now) throw new PeriodNotBegunError(storeDay, storeDayOf(now, timeZone));
  const last = lastDayClose(journal);
  if (last && storeDay < last.storeDay) throw new PeriodDateBeforeLastError(storeDay, last.storeDay, last.zNumber);
}

export function closeDay(journal: Journal, input: CloseDayInput): ZReport {
  const timeZone = input.timeZone ?? journal.timeZone;
  assertText('closedBy', input.closedBy);
  assertCents('countedCashCents', input.countedCashCents);
  assertCurrency(input.cashCurrency);
  storeDayRange(input.storeDay, timeZone); // a real date, in a real zone
  return journal.write(() => {
    checkDate(journal, input.storeDay, timeZone);
    const period = openPeriod(journal);
    const totals = { storeDay: input.storeDay, timeZone, ...totalsForPeriod(journal, period) };
    const head = chainHead(journal);
    const parked = parkedSales(journal);
    const record = insertDayClose(journal, {
      storeDay: input.storeDay,
      timeZone,
      closedBy: input.closedBy,
      cashCurrency: input.cashCurrency,
      expectedCashCents: cashCents(journal, period, input.cashCurrency),
      countedCashCents: input.countedCashCents,
      totalsJson: JSON.stringify({ totals, chainHead: head, period, parkedSales: parked }),
      eventCount: head?.seq ?? 0,
      headHash: head?.hash ?? GENESIS_HASH,
    });
    return { ...record, totals, chainHead: head, parkedSales: parked };
  });
}
