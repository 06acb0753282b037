// Held (parked) sales at the counter: park the sale on screen, list the parked ones, resume one. Thin: the rules live
// in main/checkout/parked-sales.ts (docs/register.md "Held sales"). The customer display follows `sale:changed`.
import type { Handlers } from '../dispatch.js';
import { tillFor, type AppContext } from '../app-context.js';
import { saleChanged } from './sale-changed.js';
import { parkedSales } from '../../journal/sale-parking.js';

type ParkedSaleHandlers = Pick<Handlers, 'sale:park' | 'sale:parked' | 'sale:resume'>;

export function parkedSaleHandlers(ctx: AppContext): ParkedSaleHandlers {
  const journal = ctx.services.journal;
  const changed = saleChanged(ctx);
  return {
    'sale:park': (_r, role) => {
      const { parked, next } = tillFor(ctx, role).park();
      return { parked, sale: changed(next) };
    },
    // The journal keeps staff ids; the cashier reads who parked each sale by name (docs/staff.md).
    'sale:parked': () => parkedSales(journal).map((p) => ({ ...p, cashier: ctx.staff.nameOf(p.cashier) })),
    'sale:resume': (r, role) => {
      const { resumed, parked } = tillFor(ctx, role).resume(r.saleId);
      return { sale: changed(resumed), parked };
    },
  };
}
