// The one way a till handler answers with a sale it changed: the sale's view, also sent as `sale:changed` so the
// other windows (the customer display) follow.
import type { SaleView } from '../../../preload/contract.js';
import type { AppContext } from '../app-context.js';
import { saleView } from '../views.js';

export function saleChanged(ctx: AppContext): (saleId: number) => SaleView {
  const journal = ctx.services.journal;
  return (saleId) => {
    const view = saleView(journal, saleId);
    ctx.emit('sale:changed', view);
    return view;
  };
}
