// Exchanges and returns without a receipt at the cashier screen (docs/register.md "Returns and exchanges"). The
// cashier finds the old sale by its receipt's code or number, picks the lines coming back, and a supervisor or
// manager types their PIN at the till (TillDeps.approve, action `refund`; without a receipt a manager, action
// `return-without-receipt`). The new sale is the one open at this till: a quote only reads it (Till.openSale), it never
// opens or changes a sale. Cash given back opens the drawer through the printing service when a printer is set up.
import type { Handlers } from '../dispatch.js';
import { cashierOf, type AppContext } from '../app-context.js';
import type { PrintingService } from '../printing-service.js';
import { noReceiptQuoteView, quoteView, refundReturnFields } from '../return-views.js';
import { saleView } from '../views.js';
import { quoteNoReceipt, returnWithoutReceiptAtTill, type NoReceiptDeps } from '../../checkout/returns-without-receipt.js';
import { attemptsForSale } from '../../journal/attempt-queries.js';
import type { ExchangeQuote } from '../../journal/exchanges.js';
import type { RefundRecord } from '../../journal/payment-records.js';
import { findSaleIds } from '../../journal/sale-search.js';
import { saleBalanceOf } from '../../journal/sale-queries.js';
import { getSaleRecord } from '../../journal/sales.js';
import { storeDayOf } from '../../journal/store-day.js';
import { parseReceiptCode } from '../../../preload/receipt-code.js';

type TillReturnHandlers = Pick<Handlers, 'exchange:findSale' | 'exchange:quote' | 'exchange:confirm' | 'return:quoteNoReceipt' | 'return:noReceipt'>;

type Code = 'EXCHANGE_NO_SALE' | 'EXCHANGE_SALE_NOT_FOUND' | 'NOT_THIS_TILL' | 'SALE_STATE';

/** A refusal the cashier reads (preload/error-codes.ts). */
export class TillReturnError extends Error {
  constructor(readonly code: Code, message: string) {
    super(message);
    this.name = 'TillReturnError';
  }
}

export function tillReturnHandlers(ctx: AppContext, printing: Pick<PrintingService, 'target' | 'openDrawer'>): TillReturnHandlers {
  const { journal, engine, settings } = ctx.services;
  const till = () => ctx.tills.counter;
  const noReceipt: NoReceiptDeps = {
    journal, catalog: ctx.catalog, currency: settings.currency,
    tax: () => ctx.taxNow(),
  };

  /** The sale the returned value pays: open at this till and owing something. Read only. */
  const newSale = (): number => {
    const id = till().openSale();
    if (id === undefined || saleBalanceOf(journal, id).dueCents === 0) throw new TillReturnError('EXCHANGE_NO_SALE', 'Ring up the new items first: an exchange pays the sale on screen.');
    return id;
  };

  const exchangeView = (q: ExchangeQuote) => ({
    ...quoteView(q, attemptsForSale(journal, q.saleId)), newSaleId: q.newSaleId, newSaleTotalCents: getSaleRecord(journal, q.newSaleId).totalCents,
    creditCents: q.creditCents, stillDueCents: q.stillDueCents,
  });
  const refundView = (r: RefundRecord) => ({ id: r.id, attemptId: r.attemptId, mchRefundNo: r.mchRefundNo, amountCents: r.amountCents, state: r.state, reason: r.reason, createdAt: r.createdAt, ...refundReturnFields(journal, r.id) });

  /** Cash handed back opens the drawer, journaled with who and why; only where a printer (and its drawer) is set up. */
  const kick = async (cashCents: number, approvedBy: string, reason: string, saleId: number | null) => {
    if (cashCents <= 0 || !printing.target()) return;
    try {
      await printing.openDrawer({ openedBy: cashierOf(ctx, 'cashier'), approvedBy, reason, saleId });
    } catch (error) {
      ctx.logger.error('drawer opening not journaled', { error: String(error) });
    }
  };

  return {
    'exchange:findSale': (r) => {
      const code = parseReceiptCode(r.query);
      if (code && code.terminalId !== journal.terminalId) throw new TillReturnError('NOT_THIS_TILL', 'That receipt is from another terminal.');
      const ids = findSaleIds(journal, { query: r.query, storeDay: storeDayOf(ctx.clock.now(), settings.storeTimeZone), timeZone: settings.storeTimeZone, limit: 5 });
      const saleId = ids.find((id) => getSaleRecord(journal, id).status === 'paid');
      if (saleId === undefined) throw new TillReturnError('EXCHANGE_SALE_NOT_FOUND', 'No paid sale with that receipt or number on this terminal.');
      return saleView(journal, saleId);
    },
    'exchange:quote': (r) => exchangeView(engine.quoteExchange({ saleId: r.saleId, lines: r.lines, newSaleId: newSale() })),
    'exchange:confirm': async (r) => {
      const newSaleId = newSale();
      // Everything the exchange would refuse is refused before the PIN is spent.
      engine.quoteExchange({ saleId: r.saleId, lines: r.lines, newSaleId });
      const approvedBy = till().approve(r.pin, 'refund');
      const done = await engine.exchangeLines({ saleId: r.saleId, lines: r.lines, newSaleId, reason: r.reason, approvedBy });
      ctx.emit('sale:changed', saleView(journal, newSaleId));
      const cash = done.refunds.filter((f) => f.state === 'succeeded' && done.quote.tenders.some((t) => t.cash && t.attemptId === f.attemptId)).reduce((s, f) => s + f.amountCents, 0);
      await kick(cash, approvedBy, 'exchange-cash-back', r.saleId);
      return { ...exchangeView(done.quote), returnId: done.returned.id, refunds: done.refunds.map(refundView) };
    },
    'return:quoteNoReceipt': (r) => noReceiptQuoteView(quoteNoReceipt(noReceipt, r.items)),
    'return:noReceipt': async (r) => {
      const quote = quoteNoReceipt(noReceipt, r.items);
      const done = returnWithoutReceiptAtTill({ ...noReceipt, approve: (pin, action) => till().approve(pin, action) }, r.pin, r.items, r.reason);
      await kick(done.cashBackCents, done.approvedBy, 'return-without-receipt', null);
      return { ...noReceiptQuoteView(quote), returnId: done.id, refunds: [] };
    },
  };
}
