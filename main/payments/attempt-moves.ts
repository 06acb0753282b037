// Every attempt state change goes through here: journal transition (with its event, one transaction), then
// the UI event, then settling the sale when it is fully paid. Also decides when a success needs a manager.
import { getAttempt } from '../journal/attempt-queries.js';
import { transitionAttempt, type AttemptUpdate } from '../journal/attempts.js';
import { isFinalAttemptState, type AttemptState } from '../journal/attempt-states.js';
import { paysSale, type AttemptRecord } from '../journal/payment-records.js';
import { settleSale } from '../journal/sale-settlement.js';
import { getSale } from '../journal/sale-queries.js';
import type { PaymentContext } from './payment-context.js';

/** May still succeed while someone is waiting for it at the till. */
export function isInFlight(a: AttemptRecord): boolean {
  return a.state === 'created' || a.state === 'sent' || a.state === 'pending';
}

/** What the sale still owes: total minus attached successes minus payments that may still succeed. */
export function dueCents(ctx: PaymentContext, saleId: number): { due: number; paid: number; inFlight?: AttemptRecord } {
  const { sale, attempts } = getSale(ctx.journal, saleId);
  const paid = attempts.filter(paysSale).reduce((s, a) => s + a.amountCents, 0);
  const inFlight = attempts.filter(isInFlight);
  const held = inFlight.reduce((s, a) => s + a.amountCents, 0);
  return { due: sale.totalCents - paid - held, paid, inFlight: inFlight[0] };
}

/**
 * Who learnt the outcome. `till`: a flow the cashier is still watching (it may have gone `unknown` and been
 * settled by the flow's own query). `reconciler`: nobody is waiting at the till.
 */
export type Observer = 'till' | 'reconciler';

/**
 * A success is attached to its sale when the sale is still open and can absorb it. Otherwise (late success
 * after the cashier gave up, an `unknown` attempt found paid when nobody was waiting, e.g. after a restart,
 * sale already paid or voided, or an amount that does not match) a manager must attach or refund it
 * (ARCHITECTURE.md §3, "Late success").
 */
function needsManager(ctx: PaymentContext, attempt: AttemptRecord, by: Observer): boolean {
  if (attempt.state === 'expired') return true;
  if (attempt.state === 'unknown' && by === 'reconciler') return true;
  const { sale, attempts } = getSale(ctx.journal, attempt.saleId);
  if (sale.status !== 'open') return true;
  const paid = attempts.filter((a) => a.id !== attempt.id && paysSale(a)).reduce((s, a) => s + a.amountCents, 0);
  return paid + attempt.amountCents > sale.totalCents;
}

/** Closes the sale as paid once its attached successes cover the total and nothing is still in flight. */
export function trySettle(ctx: PaymentContext, saleId: number): void {
  const { sale, attempts } = getSale(ctx.journal, saleId);
  if (sale.status !== 'open' || sale.totalCents === 0) return;
  const paid = attempts.filter(paysSale).reduce((s, a) => s + a.amountCents, 0);
  const busy = attempts.some(isInFlight);
  if (paid !== sale.totalCents || busy) return;
  settleSale(ctx.journal, saleId);
  ctx.events.emit({ type: 'sale', saleId, status: 'paid', paidCents: paid, dueCents: 0 });
}

/** Tells the screens an attempt changed. */
export function emitAttempt(ctx: PaymentContext, a: AttemptRecord): void {
  ctx.events.emit({
    type: 'attempt', attemptId: a.id, saleId: a.saleId, state: a.state, channel: a.channel, amountCents: a.amountCents,
    currency: a.currency, needsAction: a.needsAction, failureCode: a.failureCode ?? undefined, message: a.failureMessage ?? undefined,
  });
}

export function moveAttempt(ctx: PaymentContext, attemptId: number, to: AttemptState, update: AttemptUpdate = {}, by: Observer = 'till'): AttemptRecord {
  const before = getAttempt(ctx.journal, attemptId);
  // A till flow and the reconciler can race to the same answer; the first one to write it wins.
  if (isFinalAttemptState(before.state)) return before;
  const flagged = to === 'succeeded' && update.needsAction === undefined ? needsManager(ctx, before, by) : update.needsAction;
  const after = transitionAttempt(ctx.journal, attemptId, to, { ...update, needsAction: flagged });
  emitAttempt(ctx, after);
  if (to === 'succeeded' && !after.needsAction) trySettle(ctx, after.saleId);
  return after;
}
