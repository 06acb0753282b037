// Each refund's split into refunded net and refunded tax per code, computed by the pushing terminal with the rules of
// its own register totals (main/reports/register-totals.ts), so the store's "tax refunded" equals the sum of the
// terminals': a refund that pays back returned lines carries its exact tax (return_refunds / refund_taxes, journal
// migration 0130); any other refund of a paid sale is apportioned over that sale's subtotal and each of its taxes
// (`apportion`: largest remainder, integer cents), and what a refund holds above the sale's total is net. Travels with
// the refund row (store migration 0040).
import type { Journal } from '../journal/database.js';
import type { StoreRow } from '../journal/store-outbox.js';
import { apportion } from '../reports/register-totals.js';
import { TAX_CODES, type TaxCode } from '../shared/sales-tax.js';

export interface RefundTaxSplit {
  netCents: number;
  /** Cents per tax code, only codes with something refunded. */
  taxes: Partial<Record<TaxCode, number>>;
}

const EXACT = 'SELECT t.code, t.amount_cents AS cents FROM return_refunds rr LEFT JOIN refund_taxes t ON t.refund_id = rr.refund_id WHERE rr.refund_id = ?';
const SALE = 'SELECT s.subtotal_cents AS subtotal, s.total_cents AS total FROM attempts a JOIN sales s ON s.id = a.sale_id WHERE a.id = ?';
const SALE_TAXES = 'SELECT t.code, t.amount_cents AS cents FROM attempts a JOIN sale_taxes t ON t.sale_id = a.sale_id WHERE a.id = ?';

export function refundTaxSplit(journal: Journal, refund: { id: number; attemptId: number; amountCents: number }): RefundTaxSplit {
  const exact = journal.statement(EXACT).all(refund.id) as Array<{ code: TaxCode | null; cents: number | null }>;
  if (exact.length > 0) {
    const taxes: Partial<Record<TaxCode, number>> = {};
    let taxed = 0;
    for (const x of exact) {
      if (x.code === null || x.cents === null) continue;
      taxes[x.code] = (taxes[x.code] ?? 0) + x.cents;
      taxed += x.cents;
    }
    return { netCents: refund.amountCents - taxed, taxes };
  }
  const sale = journal.statement(SALE).get(refund.attemptId) as { subtotal: number; total: number } | undefined;
  if (!sale) return { netCents: refund.amountCents, taxes: {} };
  const byCode = new Map<TaxCode, number>();
  for (const x of journal.statement(SALE_TAXES).all(refund.attemptId) as Array<{ code: TaxCode; cents: number }>) byCode.set(x.code, (byCode.get(x.code) ?? 0) + x.cents);
  const codes = TAX_CODES.filter((c) => byCode.has(c));
  const [net, ...shares] = apportion(refund.amountCents, [sale.subtotal, ...codes.map((c) => byCode.get(c) ?? 0)]);
  const taxes: Partial<Record<TaxCode, number>> = {};
  codes.forEach((c, i) => {
    if ((shares[i] ?? 0) > 0) taxes[c] = shares[i];
  });
  return { netCents: (net ?? 0) + Math.max(0, refund.amountCents - sale.total), taxes };
}

/** The batch's refund rows with their split (columns refunded_net_cents, refunded_taxes). */
export function withRefundSplits(journal: Journal, refunds: StoreRow[]): StoreRow[] {
  return refunds.map((r) => {
    const split = refundTaxSplit(journal, { id: Number(r.id), attemptId: Number(r.attempt_id), amountCents: Number(r.amount_cents) });
    return { ...r, refunded_net_cents: split.netCents, refunded_taxes: JSON.stringify(split.taxes) };
  });
}
