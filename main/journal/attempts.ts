// Payment attempt writes. Journal first (docs/architecture.md §3): createAttempt commits the attempt and its
// mchOrderNo before any request leaves; every later change goes through transitionAttempt, validated by the
// state machine, with its event in the same transaction.
import { canTransition, isSettledAttemptState, type AttemptState } from './attempt-states.js';
import type { Journal } from './database.js';
import { IllegalTransitionError, JournalInputError, PaymentCodeReusedError, SaleStateError } from './errors.js';
import { appendEvent } from './events.js';
import { assertCents, assertCurrency, assertText } from './money.js';
import { mintOrderNumber } from './order-numbers.js';
import { openPeriod } from './periods.js';
import { getAttempt } from './attempt-queries.js';
import { codeFingerprint, codeLast4 } from './payment-code.js';
import { TENDERS, toAttempt, type AttemptRecord, type AttemptRow, type Tender } from './payment-records.js';
import { getSaleRecord } from './sales.js';

export interface NewAttempt {
  saleId: number;
  tender: Tender;
  channel: string;
  amountCents: number;
  currency: string;
  cashier: string;
  /** The scanned wallet code; only its last 4 and a keyed fingerprint are stored. */
  paymentCode?: string;
  cashTenderedCents?: number;
  changeCents?: number;
  /** Cash only: what the 5¢ rounding added to the cash taken, −2…2 (AttemptRecord.roundingCents). */
  roundingCents?: number;
  nextCheckAt?: number;
}

export interface AttemptUpdate {
  payOrderId?: string;
  channelOrderNo?: string;
  failureCode?: string;
  failureMessage?: string;
  /** Set on a late success the sale can no longer absorb; a manager attaches or refunds it. */
  needsAction?: boolean;
  nextCheckAt?: number | null;
}

function validateNewAttempt(input: NewAttempt): void {
  if (!TENDERS.includes(input.tender)) throw new JournalInputError('tender', `unknown tender '${input.tender}'`);
  assertText('channel', input.channel, 32);
  assertText('cashier', input.cashier);
  assertCurrency(input.currency);
  // 0¢ only for the cash remainder of a split: 1¢ or 2¢ due that cash rounds to nothing (migration 0145).
  const remainder = input.tender === 'cash' && input.amountCents === 0 && (input.roundingCents ?? 0) < 0;
  assertCents('amountCents', input.amountCents, { positive: !remainder });
  if (input.cashTenderedCents !== undefined) assertCents('cashTenderedCents', input.cashTenderedCents);
  if (input.changeCents !== undefined) assertCents('changeCents', input.changeCents);
  const rounding = input.roundingCents ?? 0;
  if (!Number.isInteger(rounding) || Math.abs(rounding) > 2 || (rounding !== 0 && input.tender !== 'cash')) {
    throw new JournalInputError('roundingCents', `must be −2 to 2 cents, on cash only; got ${rounding} on ${input.tender}`);
  }
}

function refuseReusedCode(journal: Journal, fingerprint: string, last4: string): void {
  const seen = journal.statement('SELECT 1 FROM attempts WHERE code_fingerprint = ?').get(fingerprint);
  if (seen) throw new PaymentCodeReusedError(last4);
}

export function createAttempt(journal: Journal, input: NewAttempt): AttemptRecord {
  validateNewAttempt(input);
  const last4 = input.paymentCode === undefined ? null : codeLast4(input.paymentCode);
  const fingerprint = input.paymentCode === undefined ? null : codeFingerprint(journal, input.paymentCode);
  return journal.write(() => {
    const sale = getSaleRecord(journal, input.saleId);
    if (sale.status !== 'open') throw new SaleStateError(sale.id, `is ${sale.status}, not open`);
    if (sale.currency !== input.currency) throw new SaleStateError(sale.id, `is in ${sale.currency}, not ${input.currency}`);
    if (fingerprint && last4) refuseReusedCode(journal, fingerprint, last4);
    const now = journal.clock.now();
    const row = {
      sale_id: input.saleId, tender: input.tender, channel: input.channel, amount_cents: input.amountCents,
      currency: input.currency, mch_order_no: mintOrderNumber(journal, 'P'), code_last4: last4,
      code_fingerprint: fingerprint, cash_tendered_cents: input.cashTenderedCents ?? null,
      change_cents: input.changeCents ?? null, rounding_cents: input.roundingCents ?? 0, cashier: input.cashier, now, next_check_at: input.nextCheckAt ?? null,
    };
    const inserted = journal
      .statement(
        `INSERT INTO attempts (sale_id, tender, channel, amount_cents, currency, mch_order_no, state, code_last4,
           code_fingerprint, cash_tendered_cents, change_cents, rounding_cents, cashier, created_at, updated_at, next_check_at)
         VALUES (@sale_id, @tender, @channel, @amount_cents, @currency, @mch_order_no, 'created', @code_last4,
           @code_fingerprint, @cash_tendered_cents, @change_cents, @rounding_cents, @cashier, @now, @now, @next_check_at)
         RETURNING *`,
      )
      .get(row) as AttemptRow;
    // The fingerprint stays out of the chain (it keys the replay guard); everything else the row holds goes in.
    const { code_fingerprint: _fp, now: _now, ...fields } = row;
    appendEvent(journal, { kind: 'attempt.created', entity: 'attempt', entityId: inserted.id, payload: { ...fields, created_at: now } });
    return toAttempt(inserted);
  });
}

export function transitionAttempt(journal: Journal, id: number, to: AttemptState, update: AttemptUpdate = {}): AttemptRecord {
  return journal.write(() => {
    const current = getAttempt(journal, id);
    if (!canTransition(current.state, to)) throw new IllegalTransitionError('attempt', id, current.state, to);
    const now = journal.clock.now();
    const final = isSettledAttemptState(to);
    // A final attempt belongs to the Z period open now (docs/journal.md "Z periods").
    const period = final ? openPeriod(journal) : null;
    const fields = {
      id, state: to, now, finalized_at: final ? now : null, period,
      pay_order_id: update.payOrderId ?? null, channel_order_no: update.channelOrderNo ?? null,
      failure_code: update.failureCode ?? null, failure_message: update.failureMessage ?? null,
      needs_action: update.needsAction === undefined ? null : Number(update.needsAction),
      // A final attempt leaves the reconciler's work list.
      keep_next_check: update.nextCheckAt === undefined && !final ? 1 : 0,
      next_check_at: final ? null : (update.nextCheckAt ?? null),
    };
    const updated = journal
      .statement(
        `UPDATE attempts SET state = @state, updated_at = @now, finalized_at = @finalized_at,
           pay_order_id = coalesce(@pay_order_id, pay_order_id),
           channel_order_no = coalesce(@channel_order_no, channel_order_no),
           failure_code = coalesce(@failure_code, failure_code),
           failure_message = coalesce(@failure_message, failure_message),
           needs_action = coalesce(@needs_action, needs_action),
           next_check_at = CASE WHEN @keep_next_check = 1 THEN next_check_at ELSE @next_check_at END,
           period = coalesce(@period, period)
         WHERE id = @id RETURNING *`,
      )
      .get(fields) as AttemptRow;
    const payload = { from: current.state, to, ...update, updatedAt: now, ...(period === null ? {} : { period }) };
    appendEvent(journal, { kind: 'attempt.transition', entity: 'attempt', entityId: id, payload });
    return toAttempt(updated);
  });
}

/** The reconciler's "look again at": bookkeeping, not a state change, so it records no event. */
export function scheduleAttemptCheck(journal: Journal, id: number, nextCheckAt: number): void {
  journal.write(() => {
    const current = getAttempt(journal, id);
    if (isSettledAttemptState(current.state)) return;
    journal.statement('UPDATE attempts SET next_check_at = ? WHERE id = ?').run(nextCheckAt, id);
  });
}

/**
 * A manager decided a late success: attached to its sale (it pays the sale), or refunded / kept apart
 * (`attached` false: the money is in the day's totals but never pays the sale). `resolution` is for the audit trail.
 */
export function clearNeedsAction(journal: Journal, id: number, resolvedBy: string, resolution: string, attached: boolean): AttemptRecord {
  assertText('resolvedBy', resolvedBy);
  assertText('resolution', resolution);
  return journal.write(() => {
    const current = getAttempt(journal, id);
    if (!current.needsAction) throw new JournalInputError('needsAction', `attempt ${id} needs no action`);
    const now = journal.clock.now();
    journal.statement('UPDATE attempts SET needs_action = 0, attached = ?, updated_at = ? WHERE id = ?').run(Number(attached), now, id);
    const payload = { resolvedBy, resolution, attached, updatedAt: now };
    appendEvent(journal, { kind: 'attempt.action_resolved', entity: 'attempt', entityId: id, payload });
    return getAttempt(journal, id);
  });
}

/**
 * A manager lets the attempt's sale take another tender while the attempt is still in flight (migration 0070).
 * The attempt itself is unchanged and still reconciled; `by` and `reason` go into the hash chain.
 */
export function releaseAttempt(journal: Journal, id: number, by: string, reason: string): AttemptRecord {
  assertText('by', by);
  assertText('reason', reason, 200);
  return journal.write(() => {
    const current = getAttempt(journal, id);
    if (isSettledAttemptState(current.state)) throw new JournalInputError('attemptId', `attempt ${id} is already ${current.state}`);
    if (current.released) return current;
    const now = journal.clock.now();
    journal.statement('UPDATE attempts SET released = 1, updated_at = ? WHERE id = ?').run(now, id);
    appendEvent(journal, { kind: 'attempt.released', entity: 'attempt', entityId: id, payload: { by, reason, state: current.state, updatedAt: now } });
    return getAttempt(journal, id);
  });
}
