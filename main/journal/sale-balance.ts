// What a sale has been paid, what is held by payments still in flight, and what it still owes: the one place
// these sums are made (docs/payments.md "In flight" and "A sale never dead-ends"). Pure over the records, so the
// settlement guard, the tender checks, the screens' views and the reports cannot disagree.
// Cash rounding (docs/register.md "Cash rounding"): a cash attempt's amount is the cash taken, and its roundingCents
// what the 5¢ rounding added to it; what it pays toward the sale is the difference (`paysCents`). Everything here that
// counts toward the sale's total counts that; what can be refunded is the money itself.
import { roundCashCents } from '../../preload/money-limits.js';
import { isInFlightAttemptState, refundHoldsMoney } from '../../preload/payment-states.js';
import type { AttemptRecord, RefundRecord } from './payment-records.js';

/** Whether this attempt pays its sale: succeeded, no manager decision pending, and not set apart from it. */
export function paysSale(a: AttemptRecord): boolean {
  return a.state === 'succeeded' && !a.needsAction && a.attached;
}

/**
 * Whether this attempt blocks every other tender on its sale: it is in flight (working or checking; money may
 * still move) and no manager released it. Nothing about elapsed time enters here: only the gateway's final
 * answer, or a journaled manager override, lets a sale take another tender.
 */
export function holdsSale(a: AttemptRecord): boolean {
  return isInFlightAttemptState(a.state) && !a.released;
}

/** What an attempt counts toward its sale's total: its amount, less the cash rounding that amount includes. */
export function paysCents(a: AttemptRecord): number {
  return a.amountCents - a.roundingCents;
}

/** What is still refundable of a paid attempt: paid minus refunds that succeeded or may still succeed. */
export function refundableCents(attempt: AttemptRecord, refunds: readonly RefundRecord[]): number {
  if (attempt.state !== 'succeeded') return 0;
  const held = refunds.filter((r) => r.attemptId === attempt.id && refundHoldsMoney(r.state)).reduce((s, r) => s + r.amountCents, 0);
  return attempt.amountCents - held;
}

/**
 * Net paid toward the sale: what its paying attempts pay it, less what was (or may be being) refunded of them. An
 * attempt whose money was all given back pays nothing, its cash rounding included. A 0¢ cash remainder (the last 1¢
 * or 2¢ of a split rounded to nothing, docs/register.md "Cash rounding") pays its cents only beside money that is
 * still paid: once everything else is given back, it pays nothing either, so a voided sale nets to zero.
 */
export function paidCents(attempts: readonly AttemptRecord[], refunds: readonly RefundRecord[], otherPaidCents = 0): number {
  let paid = 0;
  let remainders = 0;
  for (const a of attempts.filter(paysSale)) {
    if (a.amountCents === 0) {
      remainders += paysCents(a);
      continue;
    }
    const refunded = refunds.filter((r) => r.attemptId === a.id && refundHoldsMoney(r.state)).reduce((s, r) => s + r.amountCents, 0);
    paid += refunded >= a.amountCents ? 0 : Math.max(0, paysCents(a) - refunded);
  }
  // `otherPaidCents`: money the sale holds besides its attempts (an exchange's credit), which a remainder may sit beside.
  return paid + otherPaidCents > 0 ? paid + remainders : 0;
}

export interface SaleBalance {
  totalCents: number;
  paidCents: number;
  /** What payments still in flight may yet pay. */
  heldCents: number;
  /** The newest attempt holding the sale, if any. */
  holding: AttemptRecord | undefined;
  /** total − paid − held, never below 0. */
  dueCents: number;
  /** paid above the total: to pay back as change (cash) or a refund (wallets and cards). */
  overpaidCents: number;
  /** Cash change handed back on the sale's cash tenders. */
  changeCents: number;
  /** What the 5¢ rounding added to the cash taken on the sale's paying cash tenders (receipt sign: −2 is 2¢ less). */
  roundingCents: number;
  /** What a cash tender for everything due takes: dueCents rounded to 5¢ (CAD; preload/money-limits.ts). */
  cashDueCents: number;
}

/** `creditCents`: what exchanges credited to this sale from returned lines (docs/register.md "Returns and exchanges"). */
export function saleBalance(totalCents: number, attempts: readonly AttemptRecord[], refunds: readonly RefundRecord[], currency = 'CAD', creditCents = 0): SaleBalance {
  const paid = paidCents(attempts, refunds, creditCents) + creditCents;
  const holding = attempts.filter(holdsSale);
  const held = holding.reduce((s, a) => s + a.amountCents, 0);
  const change = attempts.filter((a) => paysSale(a) && a.changeCents !== null).reduce((s, a) => s + (a.changeCents ?? 0), 0);
  const rounding = attempts.filter(paysSale).reduce((s, a) => s + a.roundingCents, 0);
  const due = Math.max(0, totalCents - paid - held);
  return {
    totalCents,
    paidCents: paid,
    heldCents: held,
    holding: holding.at(-1),
    dueCents: due,
    overpaidCents: Math.max(0, paid - totalCents),
    changeCents: change,
    roundingCents: rounding,
    cashDueCents: roundCashCents(due, currency),
  };
}
