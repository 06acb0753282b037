// Returns by line, paid back on the sale's own tenders (docs/register.md "Returns and exchanges"). The journal
// prices the lines, caps them at what was sold, splits the value over the tenders (cards and wallets first, the
// rest in 5¢-rounded cash) and writes the return with its refunds in one transaction (main/journal/returns.ts);
// then each refund is sent exactly as a plain refund is (refunds.ts sendRefund: same mchRefundNo on a retry, booked
// refunded only on an explicit success, the reconciler re-sends an uncertain one).
import { getRefund } from '../journal/refund-queries.js';
import { createReceiptReturn, quoteReturn, type NewReceiptReturn, type ReturnQuote } from '../journal/returns.js';
import { createExchange, quoteExchange, type ExchangeQuote, type NewExchange } from '../journal/exchanges.js';
import type { RefundRecord } from '../journal/payment-records.js';
import type { ReturnRecord } from '../journal/return-queries.js';
import type { PaymentContext } from './payment-context.js';
import { OfflineError } from './payment-errors.js';
import { sendRefund } from './refunds.js';

export interface LineReturnResult {
  returned: ReturnRecord;
  /** Each refund as it stands after its first send (cash: succeeded). */
  refunds: RefundRecord[];
  quote: ReturnQuote;
}

export function quoteLineExchange(ctx: PaymentContext, request: Pick<NewExchange, 'saleId' | 'lines' | 'newSaleId'>): ExchangeQuote {
  return quoteExchange(ctx.journal, request);
}

export function quoteLineReturn(ctx: PaymentContext, request: Pick<NewReceiptReturn, 'saleId' | 'lines'>): ReturnQuote {
  return quoteReturn(ctx.journal, request.saleId, request.lines);
}

export async function returnLines(ctx: PaymentContext, request: NewReceiptReturn): Promise<LineReturnResult> {
  // Refused before anything is written when a card or wallet must take part and the gateway is out of reach.
  const quote = quoteReturn(ctx.journal, request.saleId, request.lines);
  if (quote.tenders.some((t) => !t.cash) && !ctx.connectivity.isOnline()) throw new OfflineError();
  const { returned, refunds, quote: written } = createReceiptReturn(ctx.journal, request);
  return { returned, refunds: await sendAll(ctx, refunds), quote: written };
}

export interface ExchangeResult extends Omit<LineReturnResult, 'quote'> {
  quote: ExchangeQuote;
}

/** An exchange: the returned value pays the open sale `newSaleId`; only what exceeds it is refunded (journal/exchanges.ts). */
export async function exchangeLines(ctx: PaymentContext, request: NewExchange): Promise<ExchangeResult> {
  const quote = quoteExchange(ctx.journal, request);
  if (quote.tenders.some((t) => !t.cash) && !ctx.connectivity.isOnline()) throw new OfflineError();
  const { returned, refunds, quote: written } = createExchange(ctx.journal, request);
  return { returned, refunds: await sendAll(ctx, refunds), quote: written };
}

async function sendAll(ctx: PaymentContext, refunds: readonly RefundRecord[]): Promise<RefundRecord[]> {
  const sent: RefundRecord[] = [];
  for (const refund of refunds) {
    try {
      sent.push(await sendRefund(ctx, refund));
    } catch (err) {
      // sendRefund journals every answer it gets; a throw here is a programming error, and the refund stays unsettled
      // for the reconciler (it re-sends with the same mchRefundNo), so the next refunds of this return still go out.
      ctx.logger.error('refund of a return could not be sent; the reconciler retries it', { refundId: refund.id, error: String(err) });
      sent.push(getRefund(ctx.journal, refund.id));
    }
  }
  return sent;
}
