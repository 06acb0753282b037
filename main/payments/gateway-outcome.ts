// Turns what the gateway says about an order into the attempt's next state. Used by every flow's polling
// and by the reconciler, so "what counts as paid" is decided in exactly one place.
import { OrderNotFoundError } from '../iotpay/errors.js';
import type { CardTransaction } from '../iotpay/cards.js';
import type { QueriedOrder } from '../iotpay/orders.js';
import { getAttempt } from '../journal/attempt-queries.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { isSettledAttemptState } from '../journal/attempt-states.js';
import { moveAttempt, type Observer } from './attempt-moves.js';
import { cardFaceOf, type CardFace } from './card-face.js';
import type { PaymentContext } from './payment-context.js';

type Seen = {
  kind: 'paid' | 'cancelled' | 'waiting' | 'unclear'; amountCents: number; currency: string; payOrderId?: string; channelOrderNo?: string;
  /** Why it was cancelled, as a journal failure code (main/payments/attempt-reasons.ts). */
  cancelCode?: string;
  /** False when the answer carried no signature (IOTPay documents none on query answers, signature-policy.ts). */
  signed: boolean;
  /** A card's brand and last 4 (never more of the PAN), journaled with the success for the receipt (docs/printing.md). */
  card?: CardFace;
};

function fromV1(q: QueriedOrder): Seen {
  const kind = q.state === 'paid' ? 'paid' : q.state === 'cancelled' ? 'cancelled' : q.state === 'unrecognised' ? 'unclear' : 'waiting';
  // Status 9 is the customer cancelling in the wallet; 4 the gateway closing the order (docs/iotpay-api.md §3.5).
  const cancelCode = q.status === 9 ? 'CANCELLED_BY_CUSTOMER' : 'CLOSED_BY_GATEWAY';
  return { kind, amountCents: q.amountCents, currency: q.currency, payOrderId: q.payOrderId, channelOrderNo: q.channelOrderNo, cancelCode, signed: q.signed };
}

function fromV3(t: CardTransaction): Seen {
  const kind = t.state === 'succeeded' ? 'paid' : t.state === 'failed' ? 'cancelled' : t.state === 'pending' ? 'waiting' : 'unclear';
  return { kind, amountCents: t.amountCents, currency: t.currency, payOrderId: t.payOrderId, cancelCode: 'DECLINED', signed: t.signed, card: cardFaceOf(t) };
}

/**
 * Asks the gateway about the attempt (v1 or v3 by tender) and applies the answer. Errors are returned, not thrown.
 * `by` says whether a till flow is still waiting for this answer or the reconciler asks on nobody's behalf.
 */
export async function checkAttempt(ctx: PaymentContext, attempt: AttemptRecord, by: Observer = 'till'): Promise<AttemptRecord> {
  return (await askAboutAttempt(ctx, attempt, by)).attempt;
}

/** As checkAttempt, saying also whether the gateway answered at all (a failed query proves nothing). */
export async function askAboutAttempt(ctx: PaymentContext, attempt: AttemptRecord, by: Observer): Promise<{ attempt: AttemptRecord; answered: boolean }> {
  let seen: Seen;
  try {
    seen = attempt.tender === 'card'
      ? fromV3(await ctx.client.cards.query({ mchOrderNo: attempt.mchOrderNo }))
      : fromV1(await ctx.client.orders.query({ mchOrderNo: attempt.mchOrderNo }));
    ctx.connectivity.observe(seen);
  } catch (err) {
    ctx.connectivity.observe(err);
    if (err instanceof OrderNotFoundError) return { attempt: notFound(ctx, attempt), answered: true };
    ctx.logger.warn('query failed; will ask again', { mchOrderNo: attempt.mchOrderNo, error: String(err) });
    return { attempt, answered: false };
  }
  return { attempt: applySeen(ctx, getAttempt(ctx.journal, attempt.id), seen, by), answered: true };
}

function applySeen(ctx: PaymentContext, attempt: AttemptRecord, seen: Seen, by: Observer): AttemptRecord {
  if (isSettledAttemptState(attempt.state)) return attempt;
  // transitionAttempt writes `{from, to, ...update}` as the journal event: an unsigned answer is recorded there.
  const ids = { payOrderId: seen.payOrderId, channelOrderNo: seen.channelOrderNo, ...(seen.signed ? {} : { gatewaySigned: false as const }) };
  switch (seen.kind) {
    case 'paid':
      // "Succeeded" means the gateway's amount and currency are ours too (docs/architecture.md §3).
      if (seen.amountCents !== attempt.amountCents || seen.currency !== attempt.currency) {
        return moveAttempt(ctx, attempt.id, 'succeeded', {
          ...ids, ...seen.card, needsAction: true, failureCode: 'AMOUNT_MISMATCH',
          failureMessage: `gateway reports ${seen.amountCents} ${seen.currency}, journal has ${attempt.amountCents} ${attempt.currency}`,
        });
      }
      // The card's brand and last 4 ride in the success event's payload, as gatewaySigned does (card-face.ts).
      return moveAttempt(ctx, attempt.id, 'succeeded', { ...ids, ...seen.card });
    case 'cancelled':
      return moveAttempt(ctx, attempt.id, 'failed', { ...ids, failureCode: seen.cancelCode ?? 'CLOSED_BY_GATEWAY', failureMessage: 'the payment was cancelled or closed' });
    case 'waiting':
      // Nobody waits at the till for a checking attempt the reconciler asks about: it stays checking (it still
      // holds its sale) rather than looking like a payment the customer is making right now.
      if (attempt.state === 'unknown' && by === 'reconciler') return attempt;
      return attempt.state === 'sent' || attempt.state === 'unknown' || attempt.state === 'created' ? moveAttempt(ctx, attempt.id, 'pending', ids) : attempt;
    case 'unclear':
      ctx.logger.warn('gateway status not understood; will ask again', { mchOrderNo: attempt.mchOrderNo });
      return attempt;
  }
}

/**
 * The gateway has no such order. A `created` attempt never left, so it failed for sure. After a lost
 * create_order the order may still appear (a slow gateway), so believe "not found" only once the gateway has
 * said so for a grace period, measured on the monotonic clock from its first such answer (never from the
 * attempt's wall-clock age, which a clock jump would fake).
 */
function notFound(ctx: PaymentContext, attempt: AttemptRecord): AttemptRecord {
  if (attempt.state !== 'created' && ctx.schedule.notFoundFor(attempt.id) < ctx.timings.notFoundGraceMs) return attempt;
  return moveAttempt(ctx, attempt.id, 'failed', { failureCode: 'NEVER_CREATED', failureMessage: 'the gateway never received this payment' });
}
