// Daily totals for one store day in the store's IANA zone: by channel x currency x cashier, with roll-ups.
// Payments count on the day they succeeded, refunds on the day they succeeded (refunds are attributed to the
// original attempt's channel and cashier, so a cashier's net is what their sales kept). Both queries are
// range scans over partial indexes holding only succeeded rows, so a day costs its own rows, not the table's.
import { IN_FLIGHT_ATTEMPT_STATES, sqlStateList } from '../../preload/payment-states.js';
import type { Journal } from '../journal/database.js';
import { storeDayRange, type UtcRange } from '../journal/store-day.js';
import { registerTotalsForPeriod, registerTotalsForRange, type RegisterTotals } from './register-totals.js';

export interface TotalsLine {
  grossCents: number;
  refundCents: number;
  netCents: number;
  paymentCount: number;
  refundCount: number;
}

export interface TotalsRow extends TotalsLine {
  channel: string;
  currency: string;
  cashier: string;
}

export interface Rollup extends TotalsLine {
  key: string;
  currency: string;
}

export interface DailyTotals {
  storeDay: string;
  timeZone: string;
  range: UtcRange;
  rows: TotalsRow[];
  byChannel: Rollup[];
  byCashier: Rollup[];
  /** Money is never summed across currencies; this is the per-currency grand total. */
  byCurrency: Rollup[];
  /** Attempts created this day that are still not final (the reconciler is on them). */
  pendingCount: number;
  /** Attempts created this day flagged for a manager (late success). */
  needsActionCount: number;
  /** Per currency: net sales before tax, each tax collected and refunded, the 5¢ cash rounding (register-totals.ts). */
  register: RegisterTotals[];
}

type Grouped = { channel: string; currency: string; cashier: string; cents: number; n: number };

const PAYMENTS = `SELECT channel, currency, cashier, sum(amount_cents) AS cents, count(*) AS n FROM attempts
  WHERE state = 'succeeded' AND finalized_at >= ? AND finalized_at < ? GROUP BY channel, currency, cashier`;
const REFUNDS = `SELECT a.channel, r.currency, a.cashier, sum(r.amount_cents) AS cents, count(*) AS n
  FROM refunds r JOIN attempts a ON a.id = r.attempt_id
  WHERE r.state = 'succeeded' AND r.finalized_at >= ? AND r.finalized_at < ? GROUP BY a.channel, r.currency, a.cashier`;
const PENDING = `SELECT count(*) AS n FROM attempts
  WHERE state IN (${sqlStateList(IN_FLIGHT_ATTEMPT_STATES)}) AND created_at >= ? AND created_at < ?`;
const NEEDS_ACTION = `SELECT count(*) AS n FROM attempts WHERE needs_action = 1 AND created_at >= ? AND created_at < ?`;

/** Exported so a test can check each query's plan stays on its index. */
export const DAILY_TOTALS_SQL = { PAYMENTS, REFUNDS, PENDING, NEEDS_ACTION } as const;

// A Z period's totals (docs/journal.md "Z periods"): what became final while the period was open, by its stamped
// period, never by the clock. Pending and needs-action are what is open when the Z is taken (they land later).
const PERIOD_PAYMENTS = `SELECT channel, currency, cashier, sum(amount_cents) AS cents, count(*) AS n FROM attempts
  WHERE state = 'succeeded' AND period = ? GROUP BY channel, currency, cashier`;
const PERIOD_REFUNDS = `SELECT a.channel, r.currency, a.cashier, sum(r.amount_cents) AS cents, count(*) AS n
  FROM refunds r JOIN attempts a ON a.id = r.attempt_id
  WHERE r.state = 'succeeded' AND r.period = ? GROUP BY a.channel, r.currency, a.cashier`;
const OPEN_PENDING = `SELECT count(*) AS n FROM attempts WHERE state IN (${sqlStateList(IN_FLIGHT_ATTEMPT_STATES)})`;
const OPEN_NEEDS_ACTION = `SELECT count(*) AS n FROM attempts WHERE needs_action = 1`;
const PERIOD_SALES = `SELECT status, count(*) AS n FROM sales WHERE period = ? GROUP BY status`;

export const PERIOD_TOTALS_SQL = { PERIOD_PAYMENTS, PERIOD_REFUNDS, OPEN_PENDING, OPEN_NEEDS_ACTION, PERIOD_SALES } as const;

export interface PeriodTotals extends Omit<DailyTotals, 'storeDay' | 'timeZone' | 'range'> {
  /** The Z number that closes (or closed) this period. */
  period: number;
  /** Sales paid and voided in this period; each sale belongs to exactly one. */
  salesPaid: number;
  salesVoided: number;
}

const empty = (): TotalsLine => ({ grossCents: 0, refundCents: 0, netCents: 0, paymentCount: 0, refundCount: 0 });

function add(target: TotalsLine, source: TotalsLine): void {
  target.grossCents += source.grossCents;
  target.refundCents += source.refundCents;
  target.netCents += source.netCents;
  target.paymentCount += source.paymentCount;
  target.refundCount += source.refundCount;
}

function mergeRows(payments: Grouped[], refunds: Grouped[]): TotalsRow[] {
  const rows = new Map<string, TotalsRow>();
  const rowFor = (g: Grouped) => {
    const key = JSON.stringify([g.channel, g.currency, g.cashier]);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { channel: g.channel, currency: g.currency, cashier: g.cashier, ...empty() }));
    return row;
  };
  for (const p of payments) add(rowFor(p), { ...empty(), grossCents: p.cents, netCents: p.cents, paymentCount: p.n });
  for (const r of refunds) add(rowFor(r), { ...empty(), refundCents: r.cents, netCents: -r.cents, refundCount: r.n });
  return [...rows.values()].sort((a, b) =>
    `${a.currency}|${a.channel}|${a.cashier}`.localeCompare(`${b.currency}|${b.channel}|${b.cashier}`),
  );
}

function rollup(rows: TotalsRow[], keyOf: (row: TotalsRow) => string): Rollup[] {
  const out = new Map<string, Rollup>();
  for (const row of rows) {
    const key = keyOf(row);
    const id = JSON.stringify([key, row.currency]);
    let r = out.get(id);
    if (!r) out.set(id, (r = { key, currency: row.currency, ...empty() }));
    add(r, row);
  }
  return [...out.values()];
}

export function totalsForRange(journal: Journal, range: UtcRange): Omit<DailyTotals, 'storeDay' | 'timeZone'> {
  const bounds = [range.startMs, range.endMs];
  const rows = mergeRows(
    journal.statement(PAYMENTS).all(...bounds) as Grouped[],
    journal.statement(REFUNDS).all(...bounds) as Grouped[],
  );
  const count = (sql: string) => (journal.statement(sql).get(...bounds) as { n: number }).n;
  return {
    range,
    rows,
    byChannel: rollup(rows, (r) => r.channel),
    byCashier: rollup(rows, (r) => r.cashier),
    byCurrency: rollup(rows, (r) => r.currency),
    pendingCount: count(PENDING),
    needsActionCount: count(NEEDS_ACTION),
    register: registerTotalsForRange(journal, range),
  };
}

export function totalsForPeriod(journal: Journal, period: number): PeriodTotals {
  const rows = mergeRows(
    journal.statement(PERIOD_PAYMENTS).all(period) as Grouped[],
    journal.statement(PERIOD_REFUNDS).all(period) as Grouped[],
  );
  const sales = journal.statement(PERIOD_SALES).all(period) as Array<{ status: string; n: number }>;
  const count = (sql: string) => (journal.statement(sql).get() as { n: number }).n;
  return {
    period,
    rows,
    byChannel: rollup(rows, (r) => r.channel),
    byCashier: rollup(rows, (r) => r.cashier),
    byCurrency: rollup(rows, (r) => r.currency),
    pendingCount: count(OPEN_PENDING),
    needsActionCount: count(OPEN_NEEDS_ACTION),
    register: registerTotalsForPeriod(journal, period),
    salesPaid: sales.find((s) => s.status === 'paid')?.n ?? 0,
    salesVoided: sales.find((s) => s.status === 'voided')?.n ?? 0,
  };
}

export function dailyTotals(journal: Journal, storeDay: string, timeZone: string = journal.timeZone): DailyTotals {
  return { storeDay, timeZone, ...totalsForRange(journal, storeDayRange(storeDay, timeZone)) };
}
