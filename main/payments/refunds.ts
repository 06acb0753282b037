// Refunds, approved by a manager. Journal first with a fresh mchRefundNo (the journal enforces that refunds
// never exceed what was paid); an uncertain refund is re-sent with the SAME mchRefundNo, which IOTPay (and the
// sandbox) answer with the first refund's result, so retrying can never refund twice. A refund is booked
// refunded only on an explicit success (attempt-outcome.ts refundAnswerOutcome).
import type { CardTransaction } from '../iotpay/cards.js';
import type { Currency } from '../iotpay/wire.js';
import { getAttempt } from '../journal/attempt-queries.js';
import { getRefund } from '../journal/refund-queries.js';
import { createRefund, transitionRefund, type RefundUpdate } from '../journal/refunds.js';
import type { RefundRecord } from '../journal/payment-records.js';
import { isSettledRefundState, type RefundState } from '../journal/attempt-states.js';
import { REFUND_PROCESSING, attemptOutcome, refundAnswerOutcome, type RefundAnswer } from './attempt-outcome.js';
import type { PaymentContext } from './payment-context.js';
import { OfflineError } from './payment-errors.js';

export interface RefundRequest {
  attemptId: number;
  amountCents: number;
  reason: string;
  approvedBy: string;
}

/**
 * transitionRefund writes `{from, to, ...update}` as the event payload, so `gatewaySigned: false` lands in the
 * hash-chained journal next to the answer it describes (IOTPay documents no signature on refund answers).
 */
type JournaledUpdate = RefundUpdate & { gatewaySigned?: false };

function move(ctx: PaymentContext, refund: RefundRecord, to: RefundState, update: JournaledUpdate = {}): RefundRecord {
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

/** A v3 refund record read like a v1 refund answer: 2/3 done, 0 pending (processing), 1 the bank's answer unknown. */
function cardAnswer(tx: CardTransaction): RefundAnswer {
  const state = tx.state === 'succeeded' ? 'refunded' : tx.state === 'pending' ? 'processing' : 'unknown';
  return { state, status: tx.status, amountCents: tx.amountCents, refundOrderId: tx.payOrderId, signed: tx.signed };
}

/**
 * The refund list has no "processing" state (preload/payment-states.ts): an accepted, unfinished refund rests in
 * `sent`, which the manager's refund list words "in progress" and the reconciler re-sends every pass. The first
 * such answer is journaled as sent → unknown (REFUND_PROCESSING) → sent; repeats of it change nothing.
 */
function holdProcessing(ctx: PaymentContext, sent: RefundRecord, update: JournaledUpdate): RefundRecord {
  const current = getRefund(ctx.journal, sent.id);
  if (current.state !== 'sent' || current.failureCode === REFUND_PROCESSING) return current;
  return move(ctx, move(ctx, current, 'unknown', update), 'sent');
}

function settle(ctx: PaymentContext, sent: RefundRecord, answer: RefundAnswer): RefundRecord {
  const outcome = refundAnswerOutcome(answer, sent.amountCents);
  const update: JournaledUpdate = {
    refundOrderId: answer.refundOrderId,
    ...(outcome.failureCode ? { failureCode: outcome.failureCode, failureMessage: outcome.failureMessage } : {}),
    ...(answer.signed ? {} : { gatewaySigned: false as const }),
  };
  if (!answer.signed) ctx.logger.info('refund answer was unsigned; journaled as such', { mchRefundNo: sent.mchRefundNo, state: answer.state });
  if (outcome.to === 'processing') return holdProcessing(ctx, sent, update);
  return move(ctx, sent, outcome.to, update);
}

/**
 * Sends (or re-sends, same mchRefundNo) a refund that is not final, and journals the answer. On a re-send, an
 * error that means "this request moved no money" (offline, refused) says nothing about the earlier request,
 * which may have refunded: the refund stays uncertain and is re-sent again, never booked failed.
 */
export async function sendRefund(ctx: PaymentContext, refund: RefundRecord): Promise<RefundRecord> {
  const attempt = getAttempt(ctx.journal, refund.attemptId);
  const resend = getRefund(ctx.journal, refund.id).state !== 'created';
  const sent = move(ctx, refund, 'sent');
  if (attempt.tender === 'cash') return move(ctx, sent, 'succeeded');
  try {
    const payOrderId = attempt.payOrderId ?? '';
    const ids = { mchRefundNo: refund.mchRefundNo, payOrderId, amountCents: refund.amountCents };
    const answer = attempt.tender === 'card'
      ? cardAnswer(await ctx.client.cards.refund(ids))
      // v1 refunds carry the payment's currency: one version of IOTPay's refund page requires it (docs/iotpay-api.md §3.8).
      : await ctx.client.refunds.create({ ...ids, currency: attempt.currency as Currency });
    ctx.connectivity.observe(answer);
    return settle(ctx, sent, answer);
  } catch (err) {
    ctx.connectivity.observe(err);
    const outcome = attemptOutcome(err);
    return move(ctx, sent, resend ? 'unknown' : outcome.to, { failureCode: outcome.failureCode, failureMessage: outcome.failureMessage });
  }
}
