// Cash is a tender too, recorded locally with what was handed over and the change, so the shop keeps
// selling when IOTPay is unreachable.
import { createAttempt } from '../journal/attempts.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { moveAttempt } from './attempt-moves.js';
import { InsufficientCashError } from './payment-errors.js';
import type { PaymentContext } from './payment-context.js';
import { amountToCharge } from './tender-checks.js';

export interface CashPayment {
  saleId: number;
  cashier: string;
  /** What the customer handed over, in cents. */
  tenderedCents: number;
  /** Part of the sale to pay in cash (split tender); defaults to everything still due. */
  amountCents?: number;
}

export function payCash(ctx: PaymentContext, payment: CashPayment): AttemptRecord {
  const amountCents = amountToCharge(ctx, payment.saleId, payment.amountCents, { needsGateway: false });
  if (!Number.isSafeInteger(payment.tenderedCents) || payment.tenderedCents < amountCents) {
    throw new InsufficientCashError(payment.tenderedCents, amountCents);
  }
  const attempt = createAttempt(ctx.journal, {
    saleId: payment.saleId, tender: 'cash', channel: 'CASH', amountCents, currency: ctx.currency, cashier: payment.cashier,
    cashTenderedCents: payment.tenderedCents, changeCents: payment.tenderedCents - amountCents,
  });
  return moveAttempt(ctx, attempt.id, 'succeeded');
}
