// Card payments go through IOTPay's card form, so card data never touches our code: cc_purchase gives a
// secureId, the renderer mounts IOTPay's form with it, and the outcome is confirmed by cc_query (the form's
// callback is only a hint to ask now rather than at the next poll).
import { createAttempt } from '../journal/attempts.js';
import { getAttempt } from '../journal/attempt-queries.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { moveAttempt } from './attempt-moves.js';
import { attemptOutcome } from './attempt-outcome.js';
import { checkAttempt } from './gateway-outcome.js';
import { AttemptStateError } from './payment-errors.js';
import type { PaymentContext } from './payment-context.js';
import { waitForOutcome } from './polling.js';
import { amountToCharge } from './tender-checks.js';
import type { WaitSignals } from './wait-signals.js';

export interface CardCharge {
  saleId: number;
  cashier: string;
  amountCents?: number;
  /** Where IOTPay's hosted page sends the browser afterwards; the embedded form ignores it. */
  returnUrl: string;
}

export interface CardStart {
  attempt: AttemptRecord;
  secureId?: string;
  /** Resolves when the payment is final or we stop waiting at the till. */
  done: Promise<AttemptRecord>;
}

/** `track` sees the attempt as soon as it is journaled, before cc_purchase is sent (see PaymentEngine.startCard). */
export async function startCardPayment(ctx: PaymentContext, charge: CardCharge, signals: WaitSignals, track: (a: AttemptRecord) => void = () => {}): Promise<CardStart> {
  const amountCents = amountToCharge(ctx, charge.saleId, charge.amountCents, { needsGateway: true });
  const created = createAttempt(ctx.journal, {
    saleId: charge.saleId, tender: 'card', channel: 'PF_CC', amountCents, currency: ctx.currency, cashier: charge.cashier,
  });
  track(created);
  const sent = moveAttempt(ctx, created.id, 'sent');
  try {
    const session = await ctx.client.cards.purchase({
      mchOrderNo: sent.mchOrderNo, amountCents, currency: ctx.currency, channel: 'PF_CC', returnUrl: charge.returnUrl, subject: `Sale ${charge.saleId}`,
    });
    ctx.connectivity.observe(session);
    const pending = moveAttempt(ctx, sent.id, 'pending');
    ctx.events.emit({ type: 'card-form', attemptId: sent.id, saleId: charge.saleId, secureId: session.secureId, amountCents, currency: ctx.currency });
    // A card has no wallet-side close: after a cancel the till checks for minCheckMs (polling.ts).
    const waitUntil = ctx.clock.monotonic() + ctx.timings.cardFormMs;
    const done = waitForOutcome(ctx, sent.id, { everyMs: ctx.timings.qrPollMs, waitUntil, closesAt: 0, ...signals, expiredCode: 'CARD_FORM_TIMEOUT' });
    return { attempt: pending, secureId: session.secureId, done };
  } catch (err) {
    ctx.connectivity.observe(err);
    const outcome = attemptOutcome(err);
    const attempt = moveAttempt(ctx, sent.id, outcome.to, { failureCode: outcome.failureCode, failureMessage: outcome.failureMessage });
    return { attempt, done: Promise.resolve(attempt) };
  }
}

/** The card form reported back: ask IOTPay now instead of at the next poll. */
export async function confirmCard(ctx: PaymentContext, attemptId: number): Promise<AttemptRecord> {
  const attempt = getAttempt(ctx.journal, attemptId);
  if (attempt.tender !== 'card') throw new AttemptStateError(`attempt ${attemptId} is not a card payment`);
  return checkAttempt(ctx, attempt);
}
