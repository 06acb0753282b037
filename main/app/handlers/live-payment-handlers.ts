// Picking a payment up again after a screen (re)loads: the till's shown sale and whatever is in flight on it.
import type { Handlers } from '../dispatch.js';
import { tillFor, type AppContext } from '../app-context.js';
import type { LivePayments } from '../live-payments.js';

export function livePaymentHandlers(ctx: AppContext, live: LivePayments): Pick<Handlers, 'payment:live'> {
  return {
    // The customer display follows the counter till (tillFor); the kiosk sees only its own sale.
    'payment:live': (_r, role) => live.forSale(tillFor(ctx, role).shownSale()),
  };
}
