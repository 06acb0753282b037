// Every attempt state change goes through here: journal transition (with its event, one transaction), then
// the UI event, then settling the sale when it is fully paid. Also decides when a success needs a manager.
import { getAttempt } from '../journal/attempt-queries.js';
import { transitionAttempt, type AttemptUpdate } from '../journal/attempts.js';
import { isSettledAttemptState, type AttemptState } from '../journal/attempt-states.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { paidCents, paysCents, type SaleBalance } from '../journal/sale-balance.js';
import { settleSale } from '../journal/sale-settlement.js';
import { getSale, saleBalanceOf } from '../journal/sale-queries.js';
import { getSaleRecord } from '../journal/sales.js';
import type { PaymentContext } from './payment-context.js';

/** The sale's money as the engine and the screens see it (journal/sale-balance.ts). */
export function balanceOf(ctx: PaymentContext, saleId: number): SaleBalance {
  return saleBalanceOf(ctx.journal, saleId);
}

/**
 * Who learnt the outcome. `till`: a flow the cashier is still watching. `reconciler`: nobody is waiting at the
 * till (after a restart, or after the till's checking window).
 */
export type Observer = 'till' | 'reconciler';

/**
 * A success pays its sale whenever the sale is still open and still owes at least its amount: whoever paid meant
 * to pay this sale, even after the cashier stopped waiting (docs/payments.md "Late success"). Otherwise (sale
 * already paid or voided, or the payment would overpay it) a manager attaches or refunds it.
 */
function needsManager(ctx: PaymentContext, attempt: AttemptRecord): boolean {
  const { sale, attempts, refunds } = getSale(ctx.journal, attempt.saleId);
  if (sale.status !== 'open') return true;
  const others = attempts.filter((a) => a.id !== attempt.id);
  return paidCents(others, refunds) + paysCents(attempt) > sale.totalCents;
}

/** Closes the sale as paid once what pays it covers the total and nothing holds it. */
export function trySettle(ctx: PaymentContext, saleId: number): void {
  const sale = getSaleRecord(ctx.journal, saleId);
  if (sale.status !== 'open' || sale.totalCents === 0) return;
  const balance = saleBalanceOf(ctx.journal, saleId);
  if (balance.paidCents !== sale.totalCents || balance.holding) return;
  settleSale(ctx.journal, saleId);
  ctx.events.emit({ type: 'sale', saleId, status: 'paid', paidCents: balance.paidCents, dueCents: 0 });
}

/** Tells the screens an attempt changed. */
export function emitAttempt(ctx: PaymentContext, a: AttemptRecord): void {
  ctx.events.emit({
    type: 'attempt', attemptId: a.id, saleId: a.saleId, state: a.state, channel: a.channel, amountCents: a.amountCents,
    currency: a.currency, needsAction: a.needsAction, failureCode: a.failureCode ?? undefined, message: a.failureMessage ?? undefined,
  });
}

export function moveAttempt(ctx: PaymentContext, attemptId: number, to: AttemptState, update: AttemptUpdate = {}): AttemptRecord {
  const before = getAttempt(ctx.journal, attemptId);
  // A till flow and the reconciler can race to the same answer; the first one to write it wins.
  if (isSettledAttemptState(before.state)) return before;
  const flagged = to === 'succeeded' && update.needsAction === undefined ? needsManager(ctx, before) : update.needsAction;
  const after = transitionAttempt(ctx.journal, attemptId, to, { ...update, needsAction: flagged });
  if (isSettledAttemptState(to)) ctx.schedule.forget(attemptId);
  emitAttempt(ctx, after);
  if (to === 'succeeded' && !after.needsAction) trySettle(ctx, after.saleId);
  return after;
}
