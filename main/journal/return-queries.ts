// Read side for returns (migration 0130). A return counts against its sale's lines unless every refund it made
// failed (then no money went back, and its lines can be returned again); one with nothing to refund (all of it
// rounded away in cash, or credited to an exchange's new sale) counts.
import type { Journal } from './database.js';
import type { TaxCode } from '../shared/sales-tax.js';

/** The SQL test for "this return (alias r) counts". */
export const RETURN_COUNTS = `(r.credit_cents > 0 OR NOT EXISTS (SELECT 1 FROM return_refunds rr WHERE rr.return_id = r.id)
  OR EXISTS (SELECT 1 FROM return_refunds rr JOIN refunds f ON f.id = rr.refund_id WHERE rr.return_id = r.id AND f.state <> 'failed'))`;

export interface ReturnedLineView {
  lineNo: number;
  quantity: number;
  /** What the customer got for these units: net + tax (tax-inclusive prices: the net). */
  amountCents: number;
}

export interface ReturnRecord {
  id: number;
  saleId: number | null;
  kind: 'receipt' | 'no-receipt';
  currency: string;
  valueCents: number;
  taxCents: number;
  cashValueCents: number;
  cashBackCents: number;
  reason: string;
  approvedBy: string;
  createdAt: number;
  lines: Array<ReturnedLineView & { sku: string; name: string; netCents: number; taxCents: number; taxes: Array<{ code: TaxCode; amountCents: number }> }>;
  refundIds: number[];
}

/** Units of each line of a sale that counting returns took back, by line number. */
export function returnedQuantities(journal: Journal, saleId: number): Map<number, number> {
  const rows = journal
    .statement(`SELECT l.line_no AS lineNo, sum(l.quantity) AS q FROM returns r JOIN return_lines l ON l.return_id = r.id
      WHERE r.sale_id = ? AND ${RETURN_COUNTS} GROUP BY l.line_no`)
    .all(saleId) as Array<{ lineNo: number; q: number }>;
  return new Map(rows.map((r) => [r.lineNo, r.q]));
}

/** What counting returns of a sale paid back in cash, before the 5¢ rounding (rule 3 of return-amounts.ts). */
export function cashValueReturned(journal: Journal, saleId: number): number {
  const row = journal.statement(`SELECT coalesce(sum(cash_value_cents), 0) AS c FROM returns r WHERE r.sale_id = ? AND ${RETURN_COUNTS}`).get(saleId) as { c: number };
  return row.c;
}

type ReturnRow = { id: number; sale_id: number | null; kind: 'receipt' | 'no-receipt'; currency: string; value_cents: number; tax_cents: number; cash_value_cents: number; cash_back_cents: number; reason: string; approved_by: string; created_at: number };

export function getReturn(journal: Journal, id: number): ReturnRecord | undefined {
  const r = journal.statement('SELECT * FROM returns WHERE id = ?').get(id) as ReturnRow | undefined;
  if (!r) return undefined;
  const pricesIncludeTax = r.sale_id !== null && (journal.statement('SELECT prices_include_tax AS p FROM sales WHERE id = ?').get(r.sale_id) as { p: number }).p === 1;
  const lines = (journal.statement('SELECT * FROM return_lines WHERE return_id = ? ORDER BY line_no').all(id) as Array<{ line_no: number; sku: string; name: string; quantity: number; net_cents: number; tax_cents: number }>).map((l) => ({
    lineNo: l.line_no, sku: l.sku, name: l.name, quantity: l.quantity, netCents: l.net_cents, taxCents: l.tax_cents,
    amountCents: pricesIncludeTax ? l.net_cents : l.net_cents + l.tax_cents,
    taxes: journal.statement('SELECT code, amount_cents AS amountCents FROM return_line_taxes WHERE return_id = ? AND line_no = ? ORDER BY code').all(id, l.line_no) as Array<{ code: TaxCode; amountCents: number }>,
  }));
  const refundIds = (journal.statement('SELECT refund_id AS id FROM return_refunds WHERE return_id = ? ORDER BY refund_id').all(id) as Array<{ id: number }>).map((x) => x.id);
  return {
    id: r.id, saleId: r.sale_id, kind: r.kind, currency: r.currency, valueCents: r.value_cents, taxCents: r.tax_cents, cashValueCents: r.cash_value_cents,
    cashBackCents: r.cash_back_cents, reason: r.reason, approvedBy: r.approved_by, createdAt: r.created_at, lines, refundIds,
  };
}

/** The return a refund pays back, if it pays one back (a plain amount refund does not). */
export function returnIdOfRefund(journal: Journal, refundId: number): number | null {
  const row = journal.statement('SELECT return_id AS id FROM return_refunds WHERE refund_id = ?').get(refundId) as { id: number } | undefined;
  return row?.id ?? null;
}

/** What exchanges credited to a sale from returned lines: it pays the sale like a tender (journal/sale-balance.ts). */
export function creditToSale(journal: Journal, saleId: number): number {
  const row = journal.statement('SELECT coalesce(sum(credit_cents), 0) AS c FROM returns WHERE credit_sale_id = ?').get(saleId) as { c: number };
  return row.c;
}

/** What exchanges drew from a paid attempt as credit for a new sale: no longer refundable on it. */
export function creditedFromAttempt(journal: Journal, attemptId: number): number {
  const row = journal.statement('SELECT coalesce(sum(amount_cents), 0) AS c FROM return_credits WHERE attempt_id = ?').get(attemptId) as { c: number };
  return row.c;
}

/** Each exchange credit that pays a sale, oldest first: the return, the sale its lines came from, the amount. */
export function creditsToSale(journal: Journal, saleId: number): Array<{ returnId: number; fromSaleId: number; amountCents: number }> {
  return journal
    .statement('SELECT id AS returnId, sale_id AS fromSaleId, credit_cents AS amountCents FROM returns WHERE credit_sale_id = ? AND credit_cents > 0 AND sale_id IS NOT NULL ORDER BY id')
    .all(saleId) as Array<{ returnId: number; fromSaleId: number; amountCents: number }>;
}

/** What of a return's value an exchange credited to a new sale, and which: null for a plain return. */
export function exchangeCreditOf(journal: Journal, returnId: number): { saleId: number; amountCents: number } | null {
  const row = journal.statement('SELECT credit_sale_id AS saleId, credit_cents AS amountCents FROM returns WHERE id = ? AND credit_cents > 0 AND credit_sale_id IS NOT NULL').get(returnId) as { saleId: number; amountCents: number } | undefined;
  return row ?? null;
}
