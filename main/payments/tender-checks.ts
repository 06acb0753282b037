// Checks shared by every tender before anything is journaled: the sale is open, the amount fits what is
// still due, only one wallet/card payment waits at a time, and wallets need the gateway to be reachable.
import { getSaleRecord } from '../journal/sales.js';
import { dueCents } from './attempt-moves.js';
import { AmountExceedsDueError, OfflineError, PaymentInProgressError } from './payment-errors.js';
import type { PaymentContext } from './payment-context.js';

export function amountToCharge(ctx: PaymentContext, saleId: number, requested: number | undefined, opts: { needsGateway: boolean }): number {
  if (opts.needsGateway && !ctx.connectivity.isOnline()) throw new OfflineError();
  getSaleRecord(ctx.journal, saleId);
  const { due, inFlight } = dueCents(ctx, saleId);
  if (inFlight) throw new PaymentInProgressError(inFlight.id);
  const amount = requested ?? due;
  if (amount > due) throw new AmountExceedsDueError(amount, due);
  return amount;
}
