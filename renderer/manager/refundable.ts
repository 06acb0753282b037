// How much of an attempt can still be refunded: what it took minus refunds not known to have failed.
// Main enforces the real limit; this only pre-fills the field and greys out spent attempts.
import type { AttemptView, SaleView } from '../../preload/contract.js';

export function refundableCents(sale: SaleView, attempt: AttemptView): number {
  if (attempt.phase !== 'paid') return 0;
  const refunded = sale.refunds
    .filter((r) => r.attemptId === attempt.id && r.state !== 'failed')
    .reduce((sum, r) => sum + r.amountCents, 0);
  return Math.max(0, attempt.amountCents - refunded);
}
