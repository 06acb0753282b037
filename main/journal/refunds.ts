// Refund writes. The cap is checked and the refund inserted in one IMMEDIATE transaction, so two refunds
// racing from two connections cannot both fit: succeeded + in-flight refunds never exceed what was paid.
import { canTransitionRefund, isSettledRefundState, type RefundState } from './attempt-states.js';
import { getAttempt } from './attempt-queries.js';
import type { Journal } from './database.js';
import { IllegalTransitionError, JournalInputError, RefundExceedsPaidError } from './errors.js';
import { appendEvent } from './events.js';
import { assertCents, assertText } from './money.js';
import { mintOrderNumber } from './order-numbers.js';
import { openPeriod } from './periods.js';
import { getRefund, refundsForAttempt } from './refund-queries.js';
import { creditedFromAttempt } from './return-queries.js';
import { refundableCents as refundableOf } from './sale-balance.js';
import type { RefundRecord } from './payment-records.js';

export interface NewRefund {
  attemptId: number;
  amountCents: number;
  reason: string;
  /** The manager who entered the PIN. */
  approvedBy: string;
}

export interface RefundUpdate {
  refundOrderId?: string;
  failureCode?: string;
  failureMessage?: string;
}

/** What is still refundable: paid minus refunds that succeeded or may still succeed (journal/sale-balance.ts). */
export function refundableCents(journal: Journal, attemptId: number): number {
  // Less what exchanges drew from it as credit for a new sale (migration 0130): that money paid the new sale.
  return refundableOf(getAttempt(journal, attemptId), refundsForAttempt(journal, attemptId)) - creditedFromAttempt(journal, attemptId);
}

export function createRefund(journal: Journal, input: NewRefund): RefundRecord {
  assertCents('amountCents', input.amountCents, { positive: true });
  assertText('reason', input.reason, 500);
  assertText('approvedBy', input.approvedBy);
  return journal.write(() => {
    const attempt = getAttempt(journal, input.attemptId);
    if (attempt.state !== 'succeeded') throw new JournalInputError('attemptId', `attempt ${attempt.id} is not paid`);
    const refundable = refundableCents(journal, attempt.id);
    if (input.amountCents > refundable) throw new RefundExceedsPaidError(attempt.id, input.amountCents, refundable);
    const now = journal.clock.now();
    const row = {
      attempt_id: attempt.id, mch_refund_no: mintOrderNumber(journal, 'R'), amount_cents: input.amountCents,
      currency: attempt.currency, reason: input.reason, approved_by: input.approvedBy, now,
    };
    const { lastInsertRowid } = journal
      .statement(
        `INSERT INTO refunds (attempt_id, mch_refund_no, amount_cents, currency, reason, state, approved_by,
           created_at, updated_at)
         VALUES (@attempt_id, @mch_refund_no, @amount_cents, @currency, @reason, 'created', @approved_by, @now, @now)`,
      )
      .run(row);
    const id = Number(lastInsertRowid);
    const { now: _now, ...fields } = row;
    appendEvent(journal, { kind: 'refund.created', entity: 'refund', entityId: id, payload: { ...fields, created_at: now } });
    return getRefund(journal, id);
  });
}

export function transitionRefund(journal: Journal, id: number, to: RefundState, update: RefundUpdate = {}): RefundRecord {
  return journal.write(() => {
    const current = getRefund(journal, id);
    if (!canTransitionRefund(current.state, to)) throw new IllegalTransitionError('refund', id, current.state, to);
    const now = journal.clock.now();
    const final = isSettledRefundState(to);
    // A final refund belongs to the Z period open now (docs/journal.md "Z periods").
    const period = final ? openPeriod(journal) : null;
    journal
      .statement(
        `UPDATE refunds SET state = @state, updated_at = @now, finalized_at = @finalized_at,
           refund_order_id = coalesce(@refund_order_id, refund_order_id),
           failure_code = coalesce(@failure_code, failure_code),
           failure_message = coalesce(@failure_message, failure_message),
           period = coalesce(@period, period)
         WHERE id = @id`,
      )
      .run({
        id, state: to, now, finalized_at: final ? now : null, period,
        refund_order_id: update.refundOrderId ?? null, failure_code: update.failureCode ?? null,
        failure_message: update.failureMessage ?? null,
      });
    const payload = { from: current.state, to, ...update, updatedAt: now, ...(period === null ? {} : { period }) };
    appendEvent(journal, { kind: 'refund.transition', entity: 'refund', entityId: id, payload });
    return getRefund(journal, id);
  });
}
