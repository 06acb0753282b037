// Building a sale: items, custom amounts, quantities, voids, catalog search and wedge scans. Thin: the rules
// live in the checkout domain (main/checkout/till.ts).
import type { Handlers } from '../dispatch.js';
import { tillFor, type AppContext } from '../app-context.js';
import { saleView } from '../views.js';
import { saleChanged } from './sale-changed.js';
import { TillError } from '../../checkout/till.js';
import { looksLikePaymentCode } from '../../scanners/classifier.js';

type SaleHandlers = Pick<Handlers, 'sale:current' | 'sale:new' | 'sale:addItem' | 'sale:addCustom' | 'sale:setQuantity' | 'sale:removeLine' | 'sale:discountLine' | 'sale:discountSale' | 'sale:removeDiscount' | 'sale:overridePrice' | 'sale:void' | 'sale:refundExcess' | 'catalog:search' | 'scan:submit' | 'receipt:get'>;

export function saleHandlers(ctx: AppContext): SaleHandlers {
  const journal = ctx.services.journal;
  const changed = saleChanged(ctx);
  return {
    'sale:current': (_r, role) => saleView(journal, tillFor(ctx, role).shownSale()),
    'sale:new': (_r, role) => changed(tillFor(ctx, role).newSale()),
    'sale:addItem': (r, role) => changed(tillFor(ctx, role).addProduct(r.sku, r.quantity).saleId),
    'sale:addCustom': (r, role) => changed(tillFor(ctx, role).addCustom(r.name, r.amountCents)),
    'sale:setQuantity': (r, role) => changed(tillFor(ctx, role).setQuantity(r.lineNo, r.quantity, { pin: r.pin })),
    'sale:removeLine': (r, role) => changed(tillFor(ctx, role).removeLine(r.lineNo, { pin: r.pin })),
    // Discounts and price overrides (main/checkout/discounts.ts); the contract lets only the cashier call them.
    'sale:discountLine': (r, role) => changed(tillFor(ctx, role).discountLine(r.lineNo, { kind: r.kind, value: r.value, reason: r.reason }, { pin: r.pin })),
    'sale:discountSale': (r, role) => changed(tillFor(ctx, role).discountSale({ kind: r.kind, value: r.value, reason: r.reason }, { pin: r.pin })),
    'sale:removeDiscount': (r, role) => changed(tillFor(ctx, role).removeDiscount(r.lineNo, { pin: r.pin })),
    'sale:overridePrice': (r, role) => changed(tillFor(ctx, role).overridePrice(r.lineNo, r.unitPriceCents, r.reason, { pin: r.pin })),
    'sale:void': async (r, role) => {
      const { voided, next } = await tillFor(ctx, role).voidCurrent({ pin: r.pin });
      changed(voided);
      return changed(next);
    },
    'sale:refundExcess': async (r, role) => changed(await tillFor(ctx, role).refundExcess({ pin: r.pin })),
    // A payment code typed into the search box is never searched for (it would sit in logs and history).
    'catalog:search': (r) => (looksLikePaymentCode(r.query.replace(/\s/g, '')) ? [] : r.query.trim() === '' ? ctx.catalog.all().slice(0, 60) : ctx.catalog.search(r.query, 60)),
    'scan:submit': (r, role) => {
      const scanners = role === 'kiosk' ? ctx.scanners.kiosk : ctx.scanners.counter;
      const scan = scanners.submitWedgeScan(r.text, r.firstByteAt, r.receivedAt);
      const detail = scan.kind === 'payment' ? scan.wallet : scan.kind === 'product' ? scan.gtin : scan.reason;
      return { kind: scan.kind, detail };
    },
    'receipt:get': (r, role) => {
      if (!tillFor(ctx, role).owns(r.saleId)) throw new TillError('NOT_THIS_TILL', 'That sale was not rung up at this till.');
      const info = ctx.services.settings;
      const saved = ctx.savedSettings.get();
      return { storeName: saved.storeName, gstNumber: saved.gstNumber ?? null, qstNumber: saved.qstNumber ?? null, terminalId: info.terminalId, training: ctx.services.training, sale: saleView(journal, r.saleId), printedAt: ctx.clock.now() };
    },
  };
}
