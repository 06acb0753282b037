// A drawer's shift (docs/staff.md "Shifts and the drawer"): opened with the float counted by denomination, pay-ins
// and pay-outs during it (each with a reason and a person), closed by counting the drawer again. Expected cash is
//   float + cash sales (after 5¢ rounding) − cash refunds + pay-ins − pay-outs
// with the cash figures from main/reports/drawer-cash.ts over the shift's time; variance = counted − expected. A
// variance beyond the store's threshold (either way) needs a manager's approval (cash-variance), journaled with who.
import { countedCents, type DenominationCounts } from '../../preload/cash-denominations.js';
import type { ErrorCode } from '../../preload/error-codes.js';
import type { Journal } from '../journal/database.js';
import { cashMovements, closeShiftRecord, getShift, insertCashMovement, insertShift, openShiftRecord, type CashMovementRecord, type ShiftRecord } from '../journal/staff-records.js';
import { drawerCash } from '../reports/drawer-cash.js';

export class ShiftError extends Error {
  readonly varianceCents?: number;
  constructor(readonly code: Extract<ErrorCode, 'SHIFT_NOT_OPEN' | 'SHIFT_ALREADY_OPEN' | 'CASH_VARIANCE_NEEDS_APPROVAL' | 'INVALID_REQUEST'>, message: string, varianceCents?: number) {
    super(message);
    if (varianceCents !== undefined) this.varianceCents = varianceCents;
    this.name = 'ShiftError';
  }
}

export interface ShiftSummary extends ShiftRecord {
  cashSalesCents: number;
  cashRefundsCents: number;
  payInsCents: number;
  payOutsCents: number;
  /** As of now for an open shift; as kept at the close for a closed one. */
  expectedCents: number;
  movements: CashMovementRecord[];
}

/** The cash counted: by denomination (the screens), or as one total in cents (the command line, `totalCents`). */
function total(counts: DenominationCounts, totalCents?: number): number {
  if (totalCents !== undefined && Object.keys(counts).length === 0) {
    if (!Number.isSafeInteger(totalCents) || totalCents < 0) throw new ShiftError('INVALID_REQUEST', 'A cash total is a whole number of cents.');
    return totalCents;
  }
  const cents = countedCents(counts);
  if (cents === null) throw new ShiftError('INVALID_REQUEST', 'Counts must be whole numbers of Canadian coins and notes.');
  return cents;
}

export function summarize(journal: Journal, shift: ShiftRecord): ShiftSummary {
  const end = shift.closedAt ?? journal.clock.now();
  // The end is included: an attempt finalized in the same millisecond as the close counted toward this drawer.
  const cash = drawerCash(journal, shift.currency, shift.openedAt, end + 1);
  const movements = cashMovements(journal, shift.id);
  const sum = (kind: CashMovementRecord['kind']) => movements.filter((m) => m.kind === kind).reduce((n, m) => n + m.amountCents, 0);
  const payInsCents = sum('pay_in');
  const payOutsCents = sum('pay_out');
  const expected = shift.floatCents + cash.cashSalesCents - cash.cashRefundsCents + payInsCents - payOutsCents;
  return { ...shift, ...cash, payInsCents, payOutsCents, expectedCents: shift.expectedCents ?? expected, movements };
}

export function currentShift(journal: Journal): ShiftSummary | undefined {
  const open = openShiftRecord(journal);
  return open ? summarize(journal, open) : undefined;
}

export function openShift(journal: Journal, input: { openedBy: string; currency: string; counts: DenominationCounts; totalCents?: number }): ShiftSummary {
  if (openShiftRecord(journal)) throw new ShiftError('SHIFT_ALREADY_OPEN', 'A shift is already open on this till.');
  return summarize(journal, insertShift(journal, { openedBy: input.openedBy, currency: input.currency, floatCents: total(input.counts, input.totalCents), floatCounts: input.counts }));
}

export function moveCash(journal: Journal, input: { kind: CashMovementRecord['kind']; amountCents: number; reason: string; staffId: string }): ShiftSummary {
  const open = openShiftRecord(journal);
  if (!open) throw new ShiftError('SHIFT_NOT_OPEN', 'No shift is open. Open a shift with the float first.');
  insertCashMovement(journal, { shiftId: open.id, ...input });
  return summarize(journal, open);
}

/**
 * Closes the open shift with the drawer counted. `approve` is asked only when the variance is beyond the threshold
 * (it checks a manager's PIN for cash-variance and returns the approver's staff id); without it, such a close is
 * refused with CASH_VARIANCE_NEEDS_APPROVAL and the variance, and nothing is written.
 */
export function closeShift(
  journal: Journal,
  input: { closedBy: string; counts: DenominationCounts; totalCents?: number; thresholdCents: number; approve?: () => string },
): ShiftSummary {
  const open = openShiftRecord(journal);
  if (!open) throw new ShiftError('SHIFT_NOT_OPEN', 'No shift is open.');
  const counted = total(input.counts, input.totalCents);
  const { expectedCents } = summarize(journal, open);
  const variance = counted - expectedCents;
  let approvedBy: string | null = null;
  if (Math.abs(variance) > input.thresholdCents) {
    if (!input.approve) throw new ShiftError('CASH_VARIANCE_NEEDS_APPROVAL', 'The counted cash differs from the expected by more than the store allows. A manager must approve.', variance);
    approvedBy = input.approve();
  }
  const closed = closeShiftRecord(journal, open.id, { closedBy: input.closedBy, countedCents: counted, countedCounts: input.counts, expectedCents, varianceApprovedBy: approvedBy });
  return summarize(journal, closed);
}

/**
 * The shifts a Z covers (docs/staff.md "On the Z"): those closed since the previous Z up to this one, and any still
 * open when it was taken, oldest first.
 */
export function shiftsForZ(journal: Journal, zNumber: number): ShiftSummary[] {
  const bounds = journal.statement('SELECT (SELECT max(closed_at) FROM day_closes WHERE z_number < ?) AS since, (SELECT closed_at FROM day_closes WHERE z_number = ?) AS until').get(zNumber, zNumber) as { since: number | null; until: number | null };
  const until = bounds.until ?? journal.clock.now();
  const rows = journal
    .statement(`SELECT id FROM shifts WHERE (status = 'closed' AND closed_at > ? AND closed_at <= ?) OR (status = 'open' AND opened_at <= ?) ORDER BY id`)
    .all(bounds.since ?? -1, until, until) as Array<{ id: number }>;
  return rows.map((r) => summarize(journal, getShift(journal, r.id) as ShiftRecord));
}

/** The shifts opened in [startMs, endMs) (a store day) and any still open, oldest first: Manager → Shifts today. */
export function shiftsOfDay(journal: Journal, startMs: number, endMs: number): ShiftSummary[] {
  const rows = journal.statement(`SELECT id FROM shifts WHERE (opened_at >= ? AND opened_at < ?) OR status = 'open' ORDER BY id`).all(startMs, endMs) as Array<{ id: number }>;
  return rows.map((r) => summarize(journal, getShift(journal, r.id) as ShiftRecord));
}
