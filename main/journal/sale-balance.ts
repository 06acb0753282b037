// What a sale has been paid, what is held by payments still in flight, and what it still owes: the one place
// these sums are made (docs/payments.md "In flight" and "A sale never dead-ends"). Pure over the records, so the
// settlement guard, the tender checks, the screens' views and the reports cannot disagree.
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

/** What is still refundable of a paid attempt: paid minus refunds that succeeded or may still succeed. */
export function refundableCents(attempt: AttemptRecord, refunds: readonly RefundRecord[]): number {
  if (attempt.state !== 'succeeded') return 0;
  const held = refunds.filter((r) => r.attemptId === attempt.id && refundHoldsMoney(r.state)).reduce((s, r) => s + r.amountCents, 0);
  return attempt.amountCents - held;
}

/** Net paid toward the sale: its paying attempts, less what was (or may be being) refunded of them. */
export function paidCents(attempts: readonly AttemptRecord[], refunds: readonly RefundRecord[]): number {
  const paying = attempts.filter(paysSale);
  const gross = paying.reduce((s, a) => s + a.amountCents, 0);
  const ids = new Set(paying.map((a) => a.id));
  const refunded = refunds.filter((r) => ids.has(r.attemptId) && refundHoldsMoney(r.state)).reduce((s, r) => s + r.amountCents, 0);
  return gross - refunded;
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
}

export function saleBalance(totalCents: number, attempts: readonly AttemptRecord[], refunds: readonly RefundRecord[]): SaleBalance {
  const paid = paidCents(attempts, refunds);
  const holding = attempts.filter(holdsSale);
  const held = holding.reduce((s, a) => s + a.amountCents, 0);
  const change = attempts.filter((a) => paysSale(a) && a.changeCents !== null).reduce((s, a) => s + (a.changeCents ?? 0), 0);
  return {
    totalCents,
    paidCents: paid,
    heldCents: held,
    holding: holding.at(-1),
    dueCents: Math.max(0, totalCents - paid - held),
    overpaidCents: Math.max(0, paid - totalCents),
    changeCents: change,
  };
}
