// How much of an attempt can still be refunded: what it took minus refunds not known to have failed; and how many
// units of a sale line can still come back. Main enforces the real limits (main/journal/refunds.ts, returns.ts);
// this only pre-fills fields and greys out what is spent.
import type { AttemptView, SaleView } from '../../preload/contract.js';

export function refundableCents(sale: SaleView, attempt: AttemptView): number {
  if (attempt.phase !== 'paid') return 0;
  const refunded = sale.refunds
    .filter((r) => r.attemptId === attempt.id && r.state !== 'failed')
    .reduce((sum, r) => sum + r.amountCents, 0);
  return Math.max(0, attempt.amountCents - refunded);
}

/** Units of a line not yet taken back by a return. */
export function returnableUnits(line: SaleView['lines'][number]): number {
  return Math.max(0, line.quantity - (line.returnedQuantity ?? 0));
}
