// `journal verify` for returns (migration 0130): the rows of returns, return_lines, return_line_taxes,
// return_refunds, refund_taxes and return_credits rebuilt from each `return.created` event alone (main/journal/returns.ts writes
// everything the rows hold into it), for rebuild.ts to compare with the tables.
type Value = string | number | null;

interface RowLike {
  values: Record<string, Value>;
}

export interface ReturnTables<R extends RowLike> {
  returns: Map<string, R>;
  returnLines: Map<string, R>;
  returnLineTaxes: Map<string, R>;
  returnRefunds: Map<string, R>;
  refundTaxes: Map<string, R>;
  returnCredits: Map<string, R>;
}

type Payload = Record<string, unknown>;
const num = (v: unknown): Value => (typeof v === 'number' ? v : null);
const str = (v: unknown): Value => (typeof v === 'string' ? v : null);
const list = (v: unknown): Payload[] => (Array.isArray(v) ? v.filter((x): x is Payload => typeof x === 'object' && x !== null) : []);

export const RETURN_TABLES = [
  { table: 'returns', state: 'returns', key: (r: Record<string, Value>) => String(r.id), order: 'id', label: 'return' },
  { table: 'return_lines', state: 'returnLines', key: (r: Record<string, Value>) => `${String(r.return_id)}/${String(r.line_no)}`, order: 'return_id, line_no', label: 'returned line' },
  { table: 'return_line_taxes', state: 'returnLineTaxes', key: (r: Record<string, Value>) => `${String(r.return_id)}/${String(r.line_no)}/${String(r.code)}`, order: 'return_id, line_no, code', label: 'returned line tax' },
  { table: 'return_refunds', state: 'returnRefunds', key: (r: Record<string, Value>) => String(r.refund_id), order: 'refund_id', label: 'return refund' },
  { table: 'refund_taxes', state: 'refundTaxes', key: (r: Record<string, Value>) => `${String(r.refund_id)}/${String(r.code)}`, order: 'refund_id, code', label: 'refund tax' },
  { table: 'return_credits', state: 'returnCredits', key: (r: Record<string, Value>) => `${String(r.return_id)}/${String(r.attempt_id)}`, order: 'return_id, attempt_id', label: 'exchange credit' },
] as const;

export function onReturn<R extends RowLike>(
  st: ReturnTables<R>,
  e: { seq: number; kind: string; entity_id: string },
  p: Payload,
  make: (values: Record<string, Value>, createdBy: number) => R,
  known: { sale: (id: string) => boolean; refund: (id: string) => boolean },
  inconsistent: (detail: string) => void,
): void {
  if (e.kind !== 'return.created') return inconsistent('unknown return event');
  const id = e.entity_id;
  const kind = str(p.kind);
  st.returns.set(id, make({
    id: Number(id), sale_id: num(p.saleId), kind, currency: str(p.currency), value_cents: num(p.valueCents), tax_cents: num(p.taxCents),
    cash_value_cents: num(p.cashValueCents), cash_back_cents: num(p.cashBackCents), reason: str(p.reason), approved_by: str(p.approvedBy),
    created_at: num(p.createdAt), period: num(p.period),
    // An exchange (docs/register.md "Returns and exchanges"): what of the value paid the new sale, and which sale.
    credit_cents: typeof p.creditCents === 'number' ? p.creditCents : 0, credit_sale_id: num(p.creditSaleId),
  }, e.seq));
  for (const c of list(p.credits)) {
    st.returnCredits.set(`${id}/${String(c.attemptId)}`, make({ return_id: Number(id), attempt_id: num(c.attemptId), amount_cents: num(c.amountCents) }, e.seq));
  }
  if (typeof p.creditSaleId === 'number' && !known.sale(String(p.creditSaleId))) inconsistent(`credits sale ${p.creditSaleId}, which no event created`);
  if (kind === 'receipt' && !known.sale(String(p.saleId))) inconsistent(`returns lines of sale ${String(p.saleId)}, which no event created`);
  let tax = 0;
  for (const l of list(p.lines)) {
    const taxes = list(l.taxes);
    const lineTax = taxes.reduce((s, t) => s + (typeof t.amountCents === 'number' ? t.amountCents : 0), 0);
    tax += lineTax;
    st.returnLines.set(`${id}/${String(l.lineNo)}`, make({
      return_id: Number(id), line_no: num(l.lineNo), sku: str(l.sku), name: str(l.name), tax_class: str(l.taxClass), quantity: num(l.quantity),
      net_cents: num(l.netCents), tax_cents: lineTax,
    }, e.seq));
    for (const t of taxes) {
      st.returnLineTaxes.set(`${id}/${String(l.lineNo)}/${String(t.code)}`, make({ return_id: Number(id), line_no: num(l.lineNo), code: str(t.code), amount_cents: num(t.amountCents) }, e.seq));
    }
  }
  if (typeof p.taxCents === 'number' && p.taxCents !== tax) inconsistent(`says its tax is ${p.taxCents}, its lines' taxes add up to ${tax}`);
  for (const r of list(p.refunds)) {
    const refundId = String(r.refundId);
    if (!known.refund(refundId)) inconsistent(`is paid back by refund ${refundId}, which no event created`);
    const taxes = list(r.taxes);
    st.returnRefunds.set(refundId, make({ refund_id: num(r.refundId), return_id: Number(id), value_cents: num(r.valueCents), tax_cents: taxes.reduce((s, t) => s + (typeof t.amountCents === 'number' ? t.amountCents : 0), 0) }, e.seq));
    for (const t of taxes) st.refundTaxes.set(`${refundId}/${String(t.code)}`, make({ refund_id: num(r.refundId), code: str(t.code), amount_cents: num(t.amountCents) }, e.seq));
  }
}
