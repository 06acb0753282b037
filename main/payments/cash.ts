// Cash is a tender too, recorded locally with what was handed over and the change, so the shop keeps
// selling when IOTPay is unreachable. What it pays is rounded to 5¢ (CAD; docs/register.md "Cash rounding"): the
// attempt's amount is the cash taken and its rounding what the rounding added, so it pays its sale exactly the part
// asked for. A split rounds only its cash part; a remainder of 1¢ or 2¢ rounds to a 0¢ attempt that pays it.
import { roundCashCents } from '../../preload/money-limits.js';
import { createAttempt } from '../journal/attempts.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { balanceOf, moveAttempt } from './attempt-moves.js';
import { CashRoundsToNothingError, InsufficientCashError } from './payment-errors.js';
import type { PaymentContext } from './payment-context.js';
import { amountToCharge } from './tender-checks.js';

export interface CashPayment {
  saleId: number;
  cashier: string;
  /** What the customer handed over, in cents. */
  tenderedCents: number;
  /** Part of the sale to pay in cash (split tender), before rounding; defaults to everything still due. */
  amountCents?: number;
}

export function payCash(ctx: PaymentContext, payment: CashPayment): AttemptRecord {
  const paysCents = amountToCharge(ctx, payment.saleId, payment.amountCents, { needsGateway: false });
  const amountCents = roundCashCents(paysCents, ctx.currency);
  // The last 1¢ or 2¢ of a sale round to nothing in cash, and that pays them: a 0¢ cash attempt whose rounding line is
  // −1¢ or −2¢ (docs/register.md "Cash rounding"). A typed part of 1¢ or 2¢ while more is due pays nothing toward the
  // rest, so it is still refused: the cashier means some other amount.
  if (amountCents === 0 && (paysCents === 0 || paysCents < balanceOf(ctx, payment.saleId).dueCents)) throw new CashRoundsToNothingError(paysCents);
  if (!Number.isSafeInteger(payment.tenderedCents) || payment.tenderedCents < amountCents) {
    throw new InsufficientCashError(payment.tenderedCents, amountCents);
  }
  const attempt = createAttempt(ctx.journal, {
    saleId: payment.saleId, tender: 'cash', channel: 'CASH', amountCents, currency: ctx.currency, cashier: payment.cashier,
    cashTenderedCents: payment.tenderedCents, changeCents: payment.tenderedCents - amountCents, roundingCents: amountCents - paysCents,
  });
  return moveAttempt(ctx, attempt.id, 'succeeded');
}
