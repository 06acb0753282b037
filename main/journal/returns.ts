// Return writes (docs/register.md "Returns and exchanges"). A receipt return is priced, capped and written in ONE
// IMMEDIATE transaction with the refunds that pay it back, so two managers returning the same line from two
// screens cannot both succeed: no line is ever returned more often than it was sold, and refunds never pass what
// a tender paid (createRefund checks that inside the same transaction). Sending the refunds is the payment
// engine's job (main/payments/returns.ts), after this commits.
import { isSettledRefundState } from './attempt-states.js';
import { attemptsForSale } from './attempt-queries.js';
import type { Journal } from './database.js';
import { JournalInputError, RefundExceedsPaidError, SaleStateError } from './errors.js';
import { appendEvent } from './events.js';
import { assertText } from './money.js';
import { openPeriod } from './periods.js';
import { createRefund, refundableCents } from './refunds.js';
import { cashBack, largestRemainder, lineShares, returnedPart, type ReturnedPart, type SaleTaxAmount } from './return-amounts.js';
import { ReturnExceedsSoldError, ReturnLinesError } from './return-errors.js';
import { cashValueReturned, getReturn, returnedQuantities, type ReturnRecord } from './return-queries.js';
import { paysSale } from './sale-balance.js';
import { getSaleRecord, saleTaxRules } from './sales.js';
import type { RefundRecord } from './payment-records.js';
import type { TaxClass, TaxCode } from '../shared/sales-tax.js';

export interface ReturnLineRequest {
  lineNo: number;
  quantity: number;
}

export interface NewReceiptReturn {
  saleId: number;
  lines: readonly ReturnLineRequest[];
  reason: string;
  /** Who approved it (the manager's session, or the PIN typed at the till). */
  approvedBy: string;
}

/** One tender's part of a return: what of the return's value it pays back, and the money it moves. */
export interface TenderPart {
  attemptId: number;
  cash: boolean;
  valueCents: number;
  amountCents: number;
}

export interface TenderRoom {
  attemptId: number;
  cash: boolean;
  /** Money still refundable on it (journal/sale-balance.ts refundableCents). */
  refundableCents: number;
}

export interface ReturnQuote {
  saleId: number;
  currency: string;
  pricesIncludeTax: boolean;
  parts: Array<ReturnedPart & { sku: string; name: string; taxClass: TaxClass }>;
  /** Codes of the sale's taxes, in its order (parts' taxCents follow it). */
  taxCodes: TaxCode[];
  valueCents: number;
  taxCents: number;
  tenders: TenderPart[];
  /** What of the value goes back in cash, before rounding, and the cash given for it. */
  cashValueCents: number;
  cashBackCents: number;
  /** The sale's tenders and what was refundable on each before this return; earlier returns' cash value (rule 3). */
  rooms: TenderRoom[];
  cashValueBefore: number;
}

/**
 * Which tenders pay a return back: cards and wallets first (oldest first), each up to what is still refundable on
 * it, to the cent; whatever is left goes back in cash, 5¢-rounded cumulatively over the sale's returns (rule 3 of
 * return-amounts.ts). Cards first because money that came in on a card goes back to that card, never out of the
 * drawer. Null when the tenders cannot hold it (earlier amount refunds took the money).
 */
export function allocateTenders(valueCents: number, tenders: readonly TenderRoom[], cashValueBefore: number, currency: string): { tenders: TenderPart[]; cashValueCents: number; cashBackCents: number } | null {
  let left = valueCents;
  const parts: TenderPart[] = [];
  for (const t of tenders.filter((x) => !x.cash)) {
    const take = Math.min(left, t.refundableCents);
    if (take > 0) parts.push({ attemptId: t.attemptId, cash: false, valueCents: take, amountCents: take });
    left -= take;
  }
  const cashValueCents = left;
  let money = cashBack(cashValueBefore, cashValueCents, currency);
  const cashBackCents = money;
  let value = cashValueCents;
  for (const t of tenders.filter((x) => x.cash)) {
    const take = Math.min(money, t.refundableCents);
    if (take > 0) {
      const takeValue = take === money ? value : Math.min(value, take);
      parts.push({ attemptId: t.attemptId, cash: true, valueCents: takeValue, amountCents: take });
      value -= takeValue;
    }
    money -= take;
  }
  if (money > 0 || (cashValueCents > 0 && !tenders.some((t) => t.cash))) return null;
  return { tenders: parts, cashValueCents, cashBackCents };
}

export function validateRequest(lines: readonly ReturnLineRequest[]): void {
  if (lines.length === 0) throw new ReturnLinesError('a return takes back at least one line');
  const seen = new Set<number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.lineNo) || l.lineNo <= 0 || !Number.isSafeInteger(l.quantity) || l.quantity <= 0) throw new ReturnLinesError(`line ${l.lineNo} × ${l.quantity} is not a line and a quantity`);
    if (seen.has(l.lineNo)) throw new ReturnLinesError(`line ${l.lineNo} is named twice`);
    seen.add(l.lineNo);
  }
}

type LineRow = { line_no: number; sku: string; name: string; quantity: number; line_total_cents: number; discount_cents: number | null; tax_class: TaxClass };

/** What returning these lines of a paid sale would pay back, and on which tenders. Read-only; run it inside the write to act on it. */
export function quoteReturn(journal: Journal, saleId: number, request: readonly ReturnLineRequest[]): ReturnQuote {
  validateRequest(request);
  const sale = getSaleRecord(journal, saleId);
  if (sale.status !== 'paid') throw new SaleStateError(saleId, `is ${sale.status}; only a paid sale takes returns`);
  const rows = journal.statement('SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no').all(saleId) as LineRow[];
  const rules = saleTaxRules(journal, saleId);
  const taxes: SaleTaxAmount[] = rules.map((r) => ({ code: r.code, ratePer100k: r.ratePer100k, classes: r.classes, amountCents: r.amountCents }));
  const shares = lineShares(rows.map((l) => ({ lineNo: l.line_no, quantity: l.quantity, lineTotalCents: l.line_total_cents, discountCents: l.discount_cents ?? 0, taxClass: l.tax_class })), taxes, sale.pricesIncludeTax);
  const returned = returnedQuantities(journal, saleId);
  const parts = request.map((want) => {
    const i = rows.findIndex((l) => l.line_no === want.lineNo);
    const row = rows[i];
    const share = shares[i];
    if (!row || !share) throw new ReturnLinesError(`sale ${saleId} has no line ${want.lineNo}`);
    const before = returned.get(want.lineNo) ?? 0;
    if (before + want.quantity > row.quantity) throw new ReturnExceedsSoldError(saleId, want.lineNo, want.quantity, row.quantity - before);
    return { ...returnedPart(share, before, want.quantity, sale.pricesIncludeTax), sku: row.sku, name: row.name, taxClass: row.tax_class };
  });
  const valueCents = parts.reduce((s, p) => s + p.valueCents, 0);
  const taxCents = parts.reduce((s, p) => s + p.taxCents.reduce((a, b) => a + b, 0), 0);
  const attempts = attemptsForSale(journal, saleId).filter((a) => paysSale(a));
  const rooms = attempts.map((a) => ({ attemptId: a.id, cash: a.tender === 'cash', refundableCents: Math.max(0, refundableCents(journal, a.id)) }));
  const cashValueBefore = cashValueReturned(journal, saleId);
  const allocation = allocateTenders(valueCents, rooms, cashValueBefore, sale.currency);
  if (!allocation) throw new RefundExceedsPaidError(attempts[0]?.id ?? 0, valueCents, rooms.reduce((s, r) => s + r.refundableCents, 0));
  return { saleId, currency: sale.currency, pricesIncludeTax: sale.pricesIncludeTax, parts, taxCodes: rules.map((r) => r.code), valueCents, taxCents, ...allocation, rooms, cashValueBefore };
}

/** Sums a part's taxes by code (Ontario's HST 13% and HST 5% are one HST). */
export function byCode(codes: readonly TaxCode[], cents: readonly number[]): Map<TaxCode, number> {
  const out = new Map<TaxCode, number>();
  codes.forEach((c, i) => out.set(c, (out.get(c) ?? 0) + (cents[i] ?? 0)));
  return out;
}

export interface ReturnWritten {
  returned: ReturnRecord;
  refunds: RefundRecord[];
  /** What was priced inside the write: the amounts and tenders the return holds. */
  quote: ReturnQuote;
}

/** Writes a receipt return and its refunds (state `created`), in one transaction with its `return.created` event. */
export function createReceiptReturn(journal: Journal, input: NewReceiptReturn): ReturnWritten {
  assertText('reason', input.reason, 500);
  assertText('approvedBy', input.approvedBy);
  return journal.write(() => {
    const q = quoteReturn(journal, input.saleId, input.lines);
    const now = journal.clock.now();
    const { lastInsertRowid } = journal
      .statement(`INSERT INTO returns (sale_id, kind, currency, value_cents, tax_cents, cash_value_cents, cash_back_cents, reason, approved_by, created_at)
        VALUES (?, 'receipt', ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(q.saleId, q.currency, q.valueCents, q.taxCents, q.cashValueCents, q.cashBackCents, input.reason, input.approvedBy, now);
    const id = Number(lastInsertRowid);
    const lines = writeQuotedLines(journal, id, q);
    // Each refund carries its part of every tax, largest remainder over the refunds' values, so the parts add up.
    const { refunds, refundFields } = writeTenderRefunds(journal, id, lines, q.tenders, [], input);
    appendEvent(journal, {
      kind: 'return.created', entity: 'return', entityId: id,
      payload: {
        saleId: q.saleId, kind: 'receipt', currency: q.currency, valueCents: q.valueCents, taxCents: q.taxCents, cashValueCents: q.cashValueCents,
        cashBackCents: q.cashBackCents, reason: input.reason, approvedBy: input.approvedBy, createdAt: now, lines, refunds: refundFields,
      },
    });
    return { returned: getReturn(journal, id) as ReturnRecord, refunds, quote: q };
  });
}

export type WrittenLine = { lineNo: number; sku: string; name: string; taxClass: TaxClass; quantity: number; netCents: number; taxes: Array<{ code: TaxCode; amountCents: number }> };

/** The refund fields a `return.created` event carries (rebuild.ts reads them back). */
export type RefundField = { refundId: number; attemptId: number; amountCents: number; valueCents: number; taxes: Array<{ code: TaxCode; amountCents: number }> };

/** Writes a receipt return's quoted parts as its lines, each with its taxes by code; returns them for the event. */
export function writeQuotedLines(journal: Journal, returnId: number, q: Pick<ReturnQuote, 'parts' | 'taxCodes'>): WrittenLine[] {
  const lines = q.parts.map((p) => ({ lineNo: p.lineNo, sku: p.sku, name: p.name, taxClass: p.taxClass, quantity: p.quantity, netCents: p.netCents, taxes: [...byCode(q.taxCodes, p.taxCents)].filter(([, c]) => c > 0).map(([code, amountCents]) => ({ code, amountCents })) }));
  writeLines(journal, returnId, lines);
  return lines;
}

/**
 * Writes one refund per tender with money to give back, linked to the return, each with its part of every tax of the
 * lines: largest remainder over `before` (shares that come first, e.g. an exchange's credit) and the tenders' values.
 */
export function writeTenderRefunds(
  journal: Journal, returnId: number, lines: readonly WrittenLine[], tenders: readonly TenderPart[], before: readonly bigint[],
  who: { reason: string; approvedBy: string },
): { refunds: RefundRecord[]; refundFields: RefundField[] } {
  const totalByCode = new Map<TaxCode, number>();
  for (const l of lines) for (const t of l.taxes) totalByCode.set(t.code, (totalByCode.get(t.code) ?? 0) + t.amountCents);
  const perCode = [...totalByCode].map(([code, cents]) => ({ code, split: largestRemainder(cents, [...before, ...tenders.map((t) => BigInt(t.valueCents))]) }));
  const refunds: RefundRecord[] = [];
  const refundFields: RefundField[] = [];
  tenders.forEach((t, i) => {
    if (t.amountCents <= 0) return;
    const taxes = perCode.map((c) => ({ code: c.code, amountCents: c.split[before.length + i] ?? 0 })).filter((x) => x.amountCents > 0);
    const refund = createRefund(journal, { attemptId: t.attemptId, amountCents: t.amountCents, reason: who.reason, approvedBy: who.approvedBy });
    journal.statement('INSERT INTO return_refunds (refund_id, return_id, value_cents, tax_cents) VALUES (?, ?, ?, ?)').run(refund.id, returnId, t.valueCents, taxes.reduce((s, x) => s + x.amountCents, 0));
    const addTax = journal.statement('INSERT INTO refund_taxes (refund_id, code, amount_cents) VALUES (?, ?, ?)');
    for (const x of taxes) addTax.run(refund.id, x.code, x.amountCents);
    refunds.push(refund);
    refundFields.push({ refundId: refund.id, attemptId: t.attemptId, amountCents: t.amountCents, valueCents: t.valueCents, taxes });
  });
  return { refunds, refundFields };
}

export function writeLines(journal: Journal, returnId: number, lines: readonly WrittenLine[]): void {
  const addLine = journal.statement('INSERT INTO return_lines (return_id, line_no, sku, name, tax_class, quantity, net_cents, tax_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const addTax = journal.statement('INSERT INTO return_line_taxes (return_id, line_no, code, amount_cents) VALUES (?, ?, ?, ?)');
  for (const l of lines) {
    addLine.run(returnId, l.lineNo, l.sku, l.name, l.taxClass, l.quantity, l.netCents, l.taxes.reduce((s, t) => s + t.amountCents, 0));
    for (const t of l.taxes) addTax.run(returnId, l.lineNo, t.code, t.amountCents);
  }
}

export interface NoReceiptLine {
  sku: string;
  name: string;
  taxClass: TaxClass;
  unitPriceCents: number;
  quantity: number;
}

export interface NewNoReceiptReturn {
  currency: string;
  lines: readonly NoReceiptLine[];
  /** The taxes those lines owe as one sale would (main/shared/sales-tax.ts computeSaleTax), in its rule order. */
  taxes: readonly SaleTaxAmount[];
  pricesIncludeTax: boolean;
  reason: string;
  approvedBy: string;
}

/**
 * A return without a receipt: catalog items at their current price and tax class, taxed as one sale of them would
 * be, paid back in cash at once (no tender to refund: IOTPay refunds only name an original order, docs/iotpay-api.md
 * §3.8 and §4.10), 5¢-rounded. Final when written, so it belongs to the Z period open now.
 */
export function createNoReceiptReturn(journal: Journal, input: NewNoReceiptReturn): ReturnRecord {
  assertText('reason', input.reason, 500);
  assertText('approvedBy', input.approvedBy);
  if (input.lines.length === 0) throw new ReturnLinesError('a return takes back at least one line');
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0 || !Number.isSafeInteger(l.unitPriceCents) || l.unitPriceCents < 0) throw new JournalInputError('lines', `${l.sku}: not a quantity and a price`);
  }
  return journal.write(() => {
    const rows = input.lines.map((l, i) => ({ lineNo: i + 1, quantity: l.quantity, lineTotalCents: l.unitPriceCents * l.quantity, discountCents: 0, taxClass: l.taxClass }));
    const shares = lineShares(rows, input.taxes, input.pricesIncludeTax);
    const codes = input.taxes.map((t) => t.code);
    const lines = shares.map((s, i) => {
      const l = input.lines[i] as NoReceiptLine;
      return { lineNo: s.lineNo, sku: l.sku, name: l.name, taxClass: l.taxClass, quantity: s.quantity, netCents: s.netCents, taxes: [...byCode(codes, s.taxCents)].filter(([, c]) => c > 0).map(([code, amountCents]) => ({ code, amountCents })) };
    });
    const taxCents = input.taxes.reduce((s, t) => s + t.amountCents, 0);
    const netCents = rows.reduce((s, r) => s + r.lineTotalCents, 0);
    const valueCents = input.pricesIncludeTax ? netCents : netCents + taxCents;
    const cashBackCents = cashBack(0, valueCents, input.currency);
    const now = journal.clock.now();
    const period = openPeriod(journal);
    const { lastInsertRowid } = journal
      .statement(`INSERT INTO returns (sale_id, kind, currency, value_cents, tax_cents, cash_value_cents, cash_back_cents, reason, approved_by, created_at, period)
        VALUES (NULL, 'no-receipt', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.currency, valueCents, taxCents, valueCents, cashBackCents, input.reason, input.approvedBy, now, period);
    const id = Number(lastInsertRowid);
    writeLines(journal, id, lines);
    appendEvent(journal, {
      kind: 'return.created', entity: 'return', entityId: id,
      payload: { saleId: null, kind: 'no-receipt', currency: input.currency, valueCents, taxCents, cashValueCents: valueCents, cashBackCents, reason: input.reason, approvedBy: input.approvedBy, createdAt: now, period, lines, refunds: [] },
    });
    return getReturn(journal, id) as ReturnRecord;
  });
}

/** Whether every refund of a return is final (for the screens: "done" or "in progress"). */
export function returnSettled(refunds: readonly RefundRecord[]): boolean {
  return refunds.every((r) => isSettledRefundState(r.state));
}
