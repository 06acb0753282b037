// Returns by line on the manager screen (docs/register.md "Returns and exchanges"): quote, then return, with the
// receipt (the sale's own tenders) or without it (catalog items, cash). Who approved is the holder of the PIN
// session the door checked (preload/contract.ts `staff`); every amount is main's, the screen only shows it.
import type { Handlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { noReceiptQuoteView, quoteView, refundReturnFields } from '../return-views.js';
import { quoteNoReceipt, returnWithoutReceipt, type NoReceiptDeps } from '../../checkout/returns-without-receipt.js';
import { attemptsForSale } from '../../journal/attempt-queries.js';
import type { RefundRecord } from '../../journal/payment-records.js';
import type { Caller } from '../manager-sessions.js';
import type { ExchangeQuote } from '../../journal/exchanges.js';
import { getSaleRecord } from '../../journal/sales.js';
import { saleView } from '../views.js';
import { TillReturnError } from './till-return-handlers.js';

type ReturnHandlers = Pick<Handlers, 'refund:quote' | 'refund:returnLines' | 'refund:quoteExchange' | 'refund:exchange' | 'refund:quoteNoReceipt' | 'refund:noReceipt'>;

/** Journaled as who approved: the session holder's staff id (reports look the name up), as every approval is. */
const approver = (caller: Caller | undefined) => caller?.staffId ?? 'manager';

export function returnHandlers(ctx: AppContext): ReturnHandlers {
  const { journal, engine, settings } = ctx.services;
  const noReceipt: NoReceiptDeps = {
    journal, catalog: ctx.catalog, currency: settings.currency,
    // Today's taxes, with the manager's rate overrides in force (docs/register.md "Rate overrides").
    tax: () => ctx.taxNow(),
  };
  const exchangeView = (q: ExchangeQuote) => ({
    ...quoteView(q, attemptsForSale(journal, q.saleId)), newSaleId: q.newSaleId, newSaleTotalCents: getSaleRecord(journal, q.newSaleId).totalCents,
    creditCents: q.creditCents, stillDueCents: q.stillDueCents,
  });
  // The counter's open sale, read only: a quote never opens or changes a sale (Till.openSale, not shownSale).
  const counterSale = (): number => {
    const id = ctx.tills.counter.openSale();
    if (id === undefined) throw new TillReturnError('EXCHANGE_NO_SALE', 'Ring up the new items at the counter first: an exchange pays the sale on its screen.');
    return id;
  };
  const refundView = (r: RefundRecord) => ({ id: r.id, attemptId: r.attemptId, mchRefundNo: r.mchRefundNo, amountCents: r.amountCents, state: r.state, reason: r.reason, createdAt: r.createdAt, ...refundReturnFields(journal, r.id) });
  return {
    'refund:quote': (r) => quoteView(engine.quoteReturn({ saleId: r.saleId, lines: r.lines }), attemptsForSale(journal, r.saleId)),
    'refund:returnLines': async (r, _role, caller) => {
      const done = await engine.returnLines({ saleId: r.saleId, lines: r.lines, reason: r.reason, approvedBy: approver(caller) });
      return { ...quoteView(done.quote, attemptsForSale(journal, r.saleId)), returnId: done.returned.id, refunds: done.refunds.map(refundView) };
    },
    // An exchange pays the sale on the counter's screen: the cashier rang up the new items there.
    'refund:quoteExchange': (r) => exchangeView(engine.quoteExchange({ saleId: r.saleId, lines: r.lines, newSaleId: counterSale() })),
    'refund:exchange': async (r, _role, caller) => {
      const done = await engine.exchangeLines({ saleId: r.saleId, lines: r.lines, newSaleId: counterSale(), reason: r.reason, approvedBy: approver(caller) });
      // The cashier and the customer display see the credit at once (the sale paid, when it covers it).
      ctx.emit('sale:changed', saleView(journal, done.quote.newSaleId));
      return { ...exchangeView(done.quote), returnId: done.returned.id, refunds: done.refunds.map(refundView) };
    },
    'refund:quoteNoReceipt': (r) => noReceiptQuoteView(quoteNoReceipt(noReceipt, r.items)),
    'refund:noReceipt': (r, _role, caller) => {
      const quote = quoteNoReceipt(noReceipt, r.items);
      const done = returnWithoutReceipt(noReceipt, r.items, r.reason, approver(caller));
      return { ...noReceiptQuoteView(quote), returnId: done.id, refunds: [] };
    },
  };
}
