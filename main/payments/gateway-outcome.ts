// Turns what the gateway says about an order into the attempt's next state. Used by every flow's polling
// and by the reconciler, so "what counts as paid" is decided in exactly one place.
import { OrderNotFoundError } from '../iotpay/errors.js';
import type { CardTransaction } from '../iotpay/cards.js';
import type { QueriedOrder } from '../iotpay/orders.js';
import { getAttempt } from '../journal/attempt-queries.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { isFinalAttemptState } from '../journal/attempt-states.js';
import { moveAttempt, type Observer } from './attempt-moves.js';
import type { PaymentContext } from './payment-context.js';

type Seen = { kind: 'paid' | 'cancelled' | 'waiting' | 'unclear'; amountCents: number; currency: string; payOrderId?: string; channelOrderNo?: string };

function fromV1(q: QueriedOrder): Seen {
  const kind = q.state === 'paid' ? 'paid' : q.state === 'cancelled' ? 'cancelled' : q.state === 'unrecognised' ? 'unclear' : 'waiting';
  return { kind, amountCents: q.amountCents, currency: q.currency, payOrderId: q.payOrderId, channelOrderNo: q.channelOrderNo };
}

function fromV3(t: CardTransaction): Seen {
  const kind = t.state === 'succeeded' ? 'paid' : t.state === 'failed' ? 'cancelled' : t.state === 'pending' ? 'waiting' : 'unclear';
  return { kind, amountCents: t.amountCents, currency: t.currency, payOrderId: t.payOrderId };
}

/**
 * Asks the gateway about the attempt (v1 or v3 by tender) and applies the answer. Errors are returned, not thrown.
 * `by` says whether a till flow is still waiting for this answer or the reconciler asks on nobody's behalf.
 */
export async function checkAttempt(ctx: PaymentContext, attempt: AttemptRecord, by: Observer = 'till'): Promise<AttemptRecord> {
  return (await askAboutAttempt(ctx, attempt, by)).attempt;
}

/**
 * As checkAttempt, and also says whether the gateway positively reported the order as still unpaid. Only such
 * an answer may let the reconciler give up on an attempt: a failed query proves nothing, and a payment the
 * customer completed while our queries were failing must not be closed as never paid.
 */
export async function askAboutAttempt(ctx: PaymentContext, attempt: AttemptRecord, by: Observer): Promise<{ attempt: AttemptRecord; stillUnpaid: boolean }> {
  let seen: Seen;
  try {
    seen = attempt.tender === 'card'
      ? fromV3(await ctx.client.cards.query({ mchOrderNo: attempt.mchOrderNo }))
      : fromV1(await ctx.client.orders.query({ mchOrderNo: attempt.mchOrderNo }));
    ctx.connectivity.observe(seen);
  } catch (err) {
    ctx.connectivity.observe(err);
    if (err instanceof OrderNotFoundError) return { attempt: notFound(ctx, attempt), stillUnpaid: false };
    ctx.logger.warn('query failed; will ask again', { mchOrderNo: attempt.mchOrderNo, error: String(err) });
    return { attempt, stillUnpaid: false };
  }
  return { attempt: applySeen(ctx, getAttempt(ctx.journal, attempt.id), seen, by), stillUnpaid: seen.kind === 'waiting' };
}

function applySeen(ctx: PaymentContext, attempt: AttemptRecord, seen: Seen, by: Observer): AttemptRecord {
  if (isFinalAttemptState(attempt.state)) return attempt;
  const ids = { payOrderId: seen.payOrderId, channelOrderNo: seen.channelOrderNo };
  switch (seen.kind) {
    case 'paid':
      // "Succeeded" means the gateway's amount and currency are ours too (ARCHITECTURE.md §3).
      if (seen.amountCents !== attempt.amountCents || seen.currency !== attempt.currency) {
        return moveAttempt(ctx, attempt.id, 'succeeded', {
          ...ids, needsAction: true, failureCode: 'AMOUNT_MISMATCH',
          failureMessage: `gateway reports ${seen.amountCents} ${seen.currency}, journal has ${attempt.amountCents} ${attempt.currency}`,
        });
      }
      return moveAttempt(ctx, attempt.id, 'succeeded', ids, by);
    case 'cancelled':
      return moveAttempt(ctx, attempt.id, 'failed', { ...ids, failureCode: 'CANCELLED', failureMessage: 'the payment was cancelled or closed' });
    case 'waiting':
      // The reconciler leaves an `unknown` attempt `unknown` while the customer is still paying: nobody waits
      // for it at the till, so it must not hold the sale, and its success must still reach a manager.
      if (attempt.state === 'unknown' && by === 'reconciler') return attempt;
      return attempt.state === 'sent' || attempt.state === 'unknown' || attempt.state === 'created' ? moveAttempt(ctx, attempt.id, 'pending', ids) : attempt;
    case 'unclear':
      ctx.logger.warn('gateway status not understood; will ask again', { mchOrderNo: attempt.mchOrderNo });
      return attempt;
  }
}

/**
 * The gateway has no such order. A `created` attempt never left, so it failed for sure. After a lost
 * create_order the order may still appear (a slow gateway), so believe "not found" only after a grace period.
 */
function notFound(ctx: PaymentContext, attempt: AttemptRecord): AttemptRecord {
  const age = ctx.clock.now() - attempt.createdAt;
  if (attempt.state !== 'created' && age < ctx.timings.notFoundGraceMs) return attempt;
  return moveAttempt(ctx, attempt.id, 'failed', { failureCode: 'NEVER_CREATED', failureMessage: 'the gateway never received this payment' });
}
