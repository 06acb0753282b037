// Returns as the screens see them (preload/return-schemas.ts): what a refund pays back, and how many units of each
// sale line came back. The refund slip (main/receipts/) reads `returnId` and `lines` from the refund view.
import type { Journal } from '../journal/database.js';
import { exchangeCreditOf, getReturn, returnIdOfRefund, returnedQuantities } from '../journal/return-queries.js';
import type { ReturnQuote } from '../journal/returns.js';
import type { NoReceiptQuote } from '../checkout/returns-without-receipt.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import type { TaxCode } from '../shared/sales-tax.js';

/** The refund view's return fields: null and no lines for a plain amount refund. */
export function refundReturnFields(journal: Journal, refundId: number): { returnId: number | null; lines: Array<{ lineNo: number; quantity: number; amountCents: number }>; credit: { saleId: number; amountCents: number } | null } {
  const returnId = returnIdOfRefund(journal, refundId);
  const ret = returnId === null ? undefined : getReturn(journal, returnId);
  return { returnId, lines: ret ? ret.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, amountCents: l.amountCents })) : [], credit: returnId === null ? null : exchangeCreditOf(journal, returnId) };
}

export function returnedByLine(journal: Journal, saleId: number): Map<number, number> {
  return returnedQuantities(journal, saleId);
}

export function quoteView(q: ReturnQuote, attempts: readonly AttemptRecord[]) {
  return {
    currency: q.currency, pricesIncludeTax: q.pricesIncludeTax, valueCents: q.valueCents, taxCents: q.taxCents, cashValueCents: q.cashValueCents, cashBackCents: q.cashBackCents,
    lines: q.parts.map((p) => {
      const byCode = new Map<TaxCode, number>();
      p.taxCents.forEach((c, i) => {
        const code = q.taxCodes[i];
        if (code && c > 0) byCode.set(code, (byCode.get(code) ?? 0) + c);
      });
      return { lineNo: p.lineNo, sku: p.sku, name: p.name, quantity: p.quantity, netCents: p.netCents, taxes: [...byCode].map(([code, amountCents]) => ({ code, amountCents })), amountCents: p.valueCents };
    }),
    tenders: q.tenders.filter((t) => t.amountCents > 0).map((t) => ({ attemptId: t.attemptId, tender: attempts.find((a) => a.id === t.attemptId)?.tender ?? 'cash', amountCents: t.amountCents })),
  };
}

export function noReceiptQuoteView(q: NoReceiptQuote) {
  return {
    currency: q.currency, pricesIncludeTax: q.pricesIncludeTax, valueCents: q.valueCents, taxCents: q.taxCents, cashValueCents: q.valueCents, cashBackCents: q.cashBackCents,
    lines: q.lines, tenders: q.cashBackCents > 0 ? [{ attemptId: null, tender: 'cash' as const, amountCents: q.cashBackCents }] : [],
  };
}
