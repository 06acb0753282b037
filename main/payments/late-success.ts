// A manager's decision on a late success (ARCHITECTURE.md §3): a wallet or card payment that succeeded
// after the till stopped waiting, or that did not fit its sale. The money is real either way; the decision is
// whether it pays its sale. Refusals are typed so the manager screen can say why.
import { getAttempt } from '../journal/attempt-queries.js';
import { isFinalRefundState } from '../journal/attempt-states.js';
import { clearNeedsAction } from '../journal/attempts.js';
import { paysSale, type AttemptRecord } from '../journal/payment-records.js';
import { refundableCents } from '../journal/refunds.js';
import { refundsForAttempt } from '../journal/refund-queries.js';
import { getSale } from '../journal/sale-queries.js';
import { emitAttempt, trySettle } from './attempt-moves.js';
import type { PaymentContext } from './payment-context.js';
import { LateSuccessError } from './payment-errors.js';

export type LateSuccessResolution = 'attached-to-sale' | 'refunded' | 'kept-as-unattached';

export function resolveLateSuccess(ctx: PaymentContext, attemptId: number, resolution: LateSuccessResolution, by: string): AttemptRecord {
  const attempt = getAttempt(ctx.journal, attemptId);
  if (!attempt.needsAction) throw new LateSuccessError(`payment ${attemptId} needs no decision`);
  if (resolution === 'attached-to-sale') {
    const { sale, attempts } = getSale(ctx.journal, attempt.saleId);
    if (sale.status !== 'open') throw new LateSuccessError(`sale ${sale.id} is already ${sale.status}; refund the payment or keep it unattached`);
    const paid = attempts.filter(paysSale).reduce((sum, a) => sum + a.amountCents, 0);
    if (paid + attempt.amountCents > sale.totalCents) {
      throw new LateSuccessError(`sale ${sale.id} owes ${sale.totalCents - paid} cents, less than this payment; refund it or keep it unattached`);
    }
  }
  if (resolution === 'refunded') {
    const settled = refundsForAttempt(ctx.journal, attemptId).every((r) => isFinalRefundState(r.state));
    if (refundableCents(ctx.journal, attemptId) > 0 || !settled) {
      throw new LateSuccessError('refund the full amount first, and wait until the refund succeeds, then mark it refunded');
    }
  }
  const resolved = clearNeedsAction(ctx.journal, attemptId, by, resolution, resolution === 'attached-to-sale');
  emitAttempt(ctx, resolved);
  if (resolved.attached) trySettle(ctx, resolved.saleId);
  return resolved;
}
