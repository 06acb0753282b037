// Paying back money a sale holds beyond its total, with a manager's approval (docs/payments.md "A sale never
// dead-ends"): after a manager removes paid-for lines, voids a paid sale, or a late success overpays it. Cash
// is paid back first (change from the drawer, instant and offline-proof), then wallets and cards, newest first,
// each refund journaled before it is sent (main/payments/refunds.ts). Once what pays the sale equals its total,
// the sale closes as paid.
import type { Journal } from '../journal/database.js';
import { getSale, saleBalanceOf } from '../journal/sale-queries.js';
import { paysSale, refundableCents } from '../journal/sale-balance.js';
import { voidSale } from '../journal/sale-settlement.js';
import type { PaymentEngine } from '../payments/engine.js';
import { TillError } from './till-errors.js';

interface Deps {
  journal: Journal;
  engine: PaymentEngine;
}

/** Refunds `amountCents` of the sale's payments, cash first, newest first. */
async function payBack(deps: Deps, saleId: number, amountCents: number, reason: string, approvedBy: string): Promise<void> {
  const { attempts, refunds } = getSale(deps.journal, saleId);
  const order = attempts.filter(paysSale).sort((a, b) => Number(b.tender === 'cash') - Number(a.tender === 'cash') || b.id - a.id);
  let left = amountCents;
  for (const attempt of order) {
    if (left === 0) break;
    const take = Math.min(left, refundableCents(attempt, refunds));
    if (take <= 0) continue;
    await deps.engine.refund({ attemptId: attempt.id, amountCents: take, reason, approvedBy });
    left -= take;
  }
}

export async function refundExcess(deps: Deps, saleId: number, approvedBy: string): Promise<void> {
  const { totalCents, overpaidCents } = saleBalanceOf(deps.journal, saleId);
  if (overpaidCents === 0) throw new TillError('NOTHING_TO_REFUND', 'This sale holds nothing above its total.');
  await payBack(deps, saleId, overpaidCents, 'paid above the sale total', approvedBy);
  // Every line gone and everything given back: nothing was sold, so the sale is voided, not paid.
  if (totalCents === 0 && saleBalanceOf(deps.journal, saleId).paidCents === 0) voidSale(deps.journal, saleId);
  else deps.engine.settleIfPaid(saleId);
}

/** Before a paid sale is voided: every payment is refunded in full (cash: what was taken, its 5¢ rounding included). */
export async function refundAll(deps: Deps, saleId: number, approvedBy: string): Promise<void> {
  const { attempts, refunds } = getSale(deps.journal, saleId);
  const money = attempts.filter(paysSale).reduce((s, a) => s + refundableCents(a, refunds), 0);
  await payBack(deps, saleId, money, 'sale voided', approvedBy);
}
