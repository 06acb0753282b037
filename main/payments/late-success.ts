// A manager's decision on a late success (docs/architecture.md §3): a wallet or card payment that succeeded
// after the till stopped waiting, or that did not fit its sale. The money is real either way; the decision is
// whether it pays its sale. Refusals are typed so the manager screen can say why.
import { getAttempt } from '../journal/attempt-queries.js';
import { isSettledAttemptState, isSettledRefundState } from '../journal/attempt-states.js';
import { clearNeedsAction, releaseAttempt as journalRelease } from '../journal/attempts.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { refundableCents } from '../journal/refunds.js';
import { paidCents, paysCents } from '../journal/sale-balance.js';
import { refundsForAttempt } from '../journal/refund-queries.js';
import { getSale } from '../journal/sale-queries.js';
import { attemptPhase } from '../../preload/payment-states.js';
import { emitAttempt, moveAttempt, trySettle } from './attempt-moves.js';
import type { PaymentContext } from './payment-context.js';
import { LateSuccessError } from './payment-errors.js';

export type LateSuccessResolution = 'attached-to-sale' | 'refunded' | 'kept-as-unattached';

export function resolveLateSuccess(ctx: PaymentContext, attemptId: number, resolution: LateSuccessResolution, by: string): AttemptRecord {
  const attempt = getAttempt(ctx.journal, attemptId);
  if (!attempt.needsAction) throw new LateSuccessError(`payment ${attemptId} needs no decision`);
  if (resolution === 'attached-to-sale') {
    const { sale, attempts, refunds } = getSale(ctx.journal, attempt.saleId);
    if (sale.status !== 'open') throw new LateSuccessError(`sale ${sale.id} is already ${sale.status}; refund the payment or keep it unattached`);
    const paid = paidCents(attempts, refunds);
    if (paid + paysCents(attempt) > sale.totalCents) {
      throw new LateSuccessError(`sale ${sale.id} owes ${sale.totalCents - paid} cents, less than this payment; refund it or keep it unattached`);
    }
  }
  if (resolution === 'refunded') {
    const settled = refundsForAttempt(ctx.journal, attemptId).every((r) => isSettledRefundState(r.state));
    if (refundableCents(ctx.journal, attemptId) > 0 || !settled) {
      throw new LateSuccessError('refund the full amount first, and wait until the refund succeeds, then mark it refunded');
    }
  }
  const resolved = clearNeedsAction(ctx.journal, attemptId, by, resolution, resolution === 'attached-to-sale');
  emitAttempt(ctx, resolved);
  if (resolved.attached) trySettle(ctx, resolved.saleId);
  return resolved;
}

/** A manager's override at the till: the sale may take another tender although this attempt is in flight. */
export function releaseAttempt(ctx: PaymentContext, attemptId: number, by: string, reason: string): AttemptRecord {
  const attempt = getAttempt(ctx.journal, attemptId);
  if (isSettledAttemptState(attempt.state)) throw new LateSuccessError(`payment ${attemptId} is already ${attempt.state}; nothing to override`);
  // The till stops waiting on it, as a cancel would: a payment still being made is now checking.
  if (attemptPhase(attempt.state) === 'working') {
    moveAttempt(ctx, attemptId, 'expired', { failureCode: 'CANCELLED_AT_TILL', failureMessage: 'a manager let the sale take another tender' });
  }
  const released = journalRelease(ctx.journal, attemptId, by, reason);
  emitAttempt(ctx, released);
  return released;
}
