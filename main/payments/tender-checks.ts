// Checks shared by every tender before anything is journaled: the sale is open, the amount fits what is
// still due, and no other payment holds the sale (working or checking: money may still move, so a second
// tender could charge the customer twice; docs/payments.md "In flight"). Wallets need the gateway reachable.
import { getSaleRecord } from '../journal/sales.js';
import { balanceOf } from './attempt-moves.js';
import { AmountExceedsDueError, OfflineError, PaymentInProgressError } from './payment-errors.js';
import type { PaymentContext } from './payment-context.js';

export function amountToCharge(ctx: PaymentContext, saleId: number, requested: number | undefined, opts: { needsGateway: boolean }): number {
  if (opts.needsGateway && !ctx.connectivity.isOnline()) throw new OfflineError();
  getSaleRecord(ctx.journal, saleId);
  const { dueCents, holding } = balanceOf(ctx, saleId);
  if (holding) throw new PaymentInProgressError(holding.id);
  const amount = requested ?? dueCents;
  if (amount > dueCents) throw new AmountExceedsDueError(amount, dueCents);
  return amount;
}
