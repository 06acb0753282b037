// Refunds, approved by a manager. Journal first with a fresh mchRefundNo (the journal enforces that refunds
// never exceed what was paid); an uncertain refund is re-sent with the SAME mchRefundNo, which IOTPay (and the
// sandbox) answer with the first refund's result, so retrying can never refund twice.
import { getAttempt } from '../journal/attempt-queries.js';
import { getRefund } from '../journal/refund-queries.js';
import { createRefund, transitionRefund } from '../journal/refunds.js';
import type { RefundRecord } from '../journal/payment-records.js';
import { isSettledRefundState, type RefundState } from '../journal/attempt-states.js';
import { attemptOutcome } from './attempt-outcome.js';
import type { PaymentContext } from './payment-context.js';
import { OfflineError } from './payment-errors.js';

export interface RefundRequest {
  attemptId: number;
  amountCents: number;
  reason: string;
  approvedBy: string;
}

function move(ctx: PaymentContext, refund: RefundRecord, to: RefundState, update: Parameters<typeof transitionRefund>[3] = {}): RefundRecord {
  // Re-read: the reconciler and a manager's retry may both be settling this refund; the journal decides.
  const current = getRefund(ctx.journal, refund.id);
  if (current.state === to || isSettledRefundState(current.state)) return current;
  const after = transitionRefund(ctx.journal, refund.id, to, update);
  ctx.events.emit({ type: 'refund', refundId: after.id, attemptId: after.attemptId, state: after.state, amountCents: after.amountCents });
  return after;
}

export async function refundPayment(ctx: PaymentContext, request: RefundRequest): Promise<RefundRecord> {
  const attempt = getAttempt(ctx.journal, request.attemptId);
  if (attempt.tender !== 'cash' && !ctx.connectivity.isOnline()) throw new OfflineError();
  const refund = createRefund(ctx.journal, request);
  return sendRefund(ctx, refund);
}

/** Sends (or re-sends, same mchRefundNo) a refund that is not final, and journals the answer. */
export async function sendRefund(ctx: PaymentContext, refund: RefundRecord): Promise<RefundRecord> {
  const attempt = getAttempt(ctx.journal, refund.attemptId);
  const sent = move(ctx, refund, 'sent');
  if (attempt.tender === 'cash') return move(ctx, sent, 'succeeded');
  try {
    const payOrderId = attempt.payOrderId ?? '';
    let refundOrderId: string | undefined;
    let done: boolean;
    if (attempt.tender === 'card') {
      const tx = await ctx.client.cards.refund({ mchRefundNo: refund.mchRefundNo, payOrderId, amountCents: refund.amountCents });
      refundOrderId = tx.payOrderId;
      done = tx.state === 'succeeded';
    } else {
      const r = await ctx.client.refunds.create({ mchRefundNo: refund.mchRefundNo, payOrderId, amountCents: refund.amountCents, currency: attempt.currency as 'CAD' });
      refundOrderId = r.refundOrderId;
      done = r.state === 'refunded';
    }
    ctx.connectivity.observe(refundOrderId);
    return move(ctx, sent, done ? 'succeeded' : 'unknown', { refundOrderId });
  } catch (err) {
    ctx.connectivity.observe(err);
    const outcome = attemptOutcome(err);
    return move(ctx, sent, outcome.to, { failureCode: outcome.failureCode, failureMessage: outcome.failureMessage });
  }
}
