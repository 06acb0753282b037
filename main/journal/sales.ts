// Sales and their lines. Lines change only while the sale is open; the subtotal, each tax and the total are
// recomputed from the lines in the same transaction, so they can never drift from them (taxes: docs/register.md).
// Every change appends its event, which carries the tax lines, so the hash chain covers them.
import { MAX_CENTS } from '../../preload/money-limits.js';
import { applyDiscounts, type DiscountKind } from '../shared/discount-spread.js';
import { computeSaleTax, isTaxClass, type SaleTaxSetup, type TaxClass, type TaxLine } from '../shared/sales-tax.js';
import type { Journal } from './database.js';
import { JournalInputError, JournalNotFoundError, SaleStateError, SaleTotalTooLargeError } from './errors.js';
import { appendEvent } from './events.js';
import { assertCents, assertCurrency, assertText } from './money.js';
import { toSale, toSaleTax, type SaleRecord, type SaleRow, type SaleTaxRecord, type SaleTaxRow } from './sale-records.js';

export interface NewSale {
  cashier: string;
  currency: string;
  /** How the sale is taxed (main/checkout/tax-table.ts); absent: an untaxed sale, its total the sum of its lines. */
  tax?: SaleTaxSetup;
}

export interface NewSaleLine {
  sku: string;
  gtin?: string | null;
  name: string;
  unitPriceCents: number;
  quantity: number;
  /** Default `standard`. */
  taxClass?: TaxClass;
}

/** What every line change journals about the sale's money: the event carries it, so the chain covers each tax. */
export interface SaleTotals {
  subtotalCents: number;
  taxes: TaxLine[];
  totalCents: number;
  /** Every discount of the sale (migration 0120, docs/register.md "Discounts"); subtotal is after it. */
  discountCents: number;
}

export function getSaleRecord(journal: Journal, saleId: number): SaleRecord {
  const row = journal.statement('SELECT * FROM sales WHERE id = ?').get(saleId) as SaleRow | undefined;
  if (!row) throw new JournalNotFoundError('sale', saleId);
  return toSale(row);
}

export function openSale(journal: Journal, saleId: number): SaleRecord {
  const sale = getSaleRecord(journal, saleId);
  if (sale.status !== 'open') throw new SaleStateError(saleId, `is ${sale.status}, not open`);
  return sale;
}

export function saleTaxRules(journal: Journal, saleId: number): SaleTaxRecord[] {
  return (journal.statement('SELECT * FROM sale_taxes WHERE sale_id = ? ORDER BY position').all(saleId) as SaleTaxRow[]).map(toSaleTax);
}

type DiscountedLineRow = {
  line_no: number; line_total_cents: number; tax_class: TaxClass; line_discount_kind: DiscountKind | null; line_discount_value: number | null;
  discount_cents: number; line_discount_cents: number;
};

/**
 * Recomputes every line's discount (main/shared/discount-spread.ts: its own, then its share of the sale discount),
 * then subtotal, taxes and total from the lines' net (main/shared/sales-tax.ts), inside the caller's write.
 */
export function refreshTotal(journal: Journal, saleId: number): SaleTotals {
  const sale = getSaleRecord(journal, saleId);
  const rows = journal.statement('SELECT line_no, line_total_cents, tax_class, line_discount_kind, line_discount_value, discount_cents, line_discount_cents FROM sale_lines WHERE sale_id = ? ORDER BY line_no').all(saleId) as DiscountedLineRow[];
  const spread = applyDiscounts(
    rows.map((l) => ({ lineTotalCents: l.line_total_cents, discount: l.line_discount_kind && l.line_discount_value ? { kind: l.line_discount_kind, value: l.line_discount_value } : null })),
    sale.saleDiscount ? { kind: sale.saleDiscount.kind, value: sale.saleDiscount.value } : null,
  );
  const lines = rows.map((l, i) => ({ lineTotalCents: spread.lines[i]?.netCents ?? l.line_total_cents, taxClass: l.tax_class }));
  const setDiscount = journal.statement('UPDATE sale_lines SET discount_cents = ?, line_discount_cents = ? WHERE sale_id = ? AND line_no = ?');
  // Only the lines whose discount moved are written: a sale without discounts writes none (bench/register.bench.ts).
  rows.forEach((l, i) => {
    const d = spread.lines[i];
    if (d && (d.discountCents !== l.discount_cents || d.ownCents !== l.line_discount_cents)) setDiscount.run(d.discountCents, d.ownCents, saleId, l.line_no);
  });
  const rules = saleTaxRules(journal, saleId);
  const { subtotalCents, taxes, totalCents } = computeSaleTax(lines, rules, sale.pricesIncludeTax);
  // The lines alone are checked before anything is written (refuseTooLarge); tax can still take the total past it.
  if (totalCents > MAX_CENTS) throw new SaleTotalTooLargeError(saleId, totalCents, MAX_CENTS);
  const setTax = journal.statement('UPDATE sale_taxes SET base_cents = ?, amount_cents = ? WHERE sale_id = ? AND position = ?');
  taxes.forEach((t, i) => setTax.run(t.baseCents, t.amountCents, saleId, rules[i]?.position));
  journal.statement('UPDATE sales SET subtotal_cents = ?, total_cents = ?, discount_cents = ?, sale_discount_cents = ? WHERE id = ?').run(subtotalCents, totalCents, spread.discountCents, spread.saleDiscountCents, saleId);
  return { subtotalCents, taxes, totalCents, discountCents: spread.discountCents };
}

/**
 * Refuses a change that would take the sale past the largest total the contract carries, before any row is written:
 * otherwise the change commits and every later answer about the sale fails its response schema.
 */
export function refuseTooLarge(journal: Journal, saleId: number, replacedLineCents: number, newLineCents: number): void {
  const { total } = journal.statement('SELECT coalesce(sum(line_total_cents), 0) AS total FROM sale_lines WHERE sale_id = ?').get(saleId) as { total: number };
  const wouldBe = total - replacedLineCents + newLineCents;
  if (wouldBe > MAX_CENTS) throw new SaleTotalTooLargeError(saleId, wouldBe, MAX_CENTS);
}

function lineTotal(unitPriceCents: number, quantity: number): number {
  assertCents('unitPriceCents', unitPriceCents);
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new JournalInputError('quantity', 'must be a positive integer');
  return assertCents('lineTotalCents', unitPriceCents * quantity);
}

function assertTaxSetup(tax: SaleTaxSetup): void {
  if (!/^[A-Z]{2}$/.test(tax.province)) throw new JournalInputError('tax.province', `'${tax.province}' is not a province code`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tax.table)) throw new JournalInputError('tax.table', `'${tax.table}' is not a table date`);
  for (const rule of tax.rules) {
    if (rule.classes.length === 0 || !rule.classes.every(isTaxClass)) throw new JournalInputError('tax.rules', `${rule.code} applies to no known tax class`);
  }
}

export function createSale(journal: Journal, input: NewSale): SaleRecord {
  assertText('cashier', input.cashier);
  assertCurrency(input.currency);
  if (input.tax) assertTaxSetup(input.tax);
  const tax = input.tax;
  return journal.write(() => {
    const now = journal.clock.now();
    const { lastInsertRowid } = journal
      .statement(
        `INSERT INTO sales (terminal_id, cashier, status, currency, total_cents, subtotal_cents, tax_province, tax_table, prices_include_tax, created_at)
         VALUES (?, ?, 'open', ?, 0, 0, ?, ?, ?, ?)`,
      )
      .run(journal.terminalId, input.cashier, input.currency, tax?.province ?? null, tax?.table ?? null, Number(tax?.pricesIncludeTax ?? false), now);
    const id = Number(lastInsertRowid);
    const addRule = journal.statement('INSERT INTO sale_taxes (sale_id, position, code, rate_per_100k, classes) VALUES (?, ?, ?, ?, ?)');
    tax?.rules.forEach((r, i) => addRule.run(id, i + 1, r.code, r.ratePer100k, r.classes.join(',')));
    // Everything the row holds, so `journal verify` can rebuild it (main/journal/rebuild.ts).
    const payload = {
      cashier: input.cashier, currency: input.currency, terminalId: journal.terminalId, createdAt: now,
      ...(tax ? { tax: { province: tax.province, table: tax.table, pricesIncludeTax: tax.pricesIncludeTax, rules: tax.rules.map((r) => ({ code: r.code, ratePer100k: r.ratePer100k, classes: [...r.classes] })) } } : {}),
    };
    appendEvent(journal, { kind: 'sale.created', entity: 'sale', entityId: id, payload });
    return getSaleRecord(journal, id);
  });
}

/** Adds a line; returns its line number. */
export function addLine(journal: Journal, saleId: number, line: NewSaleLine): number {
  assertText('sku', line.sku, 64);
  assertText('name', line.name);
  const taxClass = line.taxClass ?? 'standard';
  if (!isTaxClass(taxClass)) throw new JournalInputError('taxClass', `unknown tax class '${String(taxClass)}'`);
  const total = lineTotal(line.unitPriceCents, line.quantity);
  return journal.write(() => {
    openSale(journal, saleId);
    refuseTooLarge(journal, saleId, 0, total);
    const { next } = journal
      .statement('SELECT coalesce(max(line_no), 0) + 1 AS next FROM sale_lines WHERE sale_id = ?')
      .get(saleId) as { next: number };
    journal
      .statement(
        `INSERT INTO sale_lines (sale_id, line_no, sku, gtin, name, unit_price_cents, quantity, line_total_cents, tax_class)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(saleId, next, line.sku, line.gtin ?? null, line.name, line.unitPriceCents, line.quantity, total, taxClass);
    const totals = refreshTotal(journal, saleId);
    const payload = { lineNo: next, ...line, gtin: line.gtin ?? null, taxClass, lineTotalCents: total, ...totals };
    appendEvent(journal, { kind: 'sale.line_added', entity: 'sale', entityId: saleId, payload });
    return next;
  });
}

export function updateQuantity(journal: Journal, saleId: number, lineNo: number, quantity: number): void {
  journal.write(() => {
    openSale(journal, saleId);
    const row = journal
      .statement('SELECT unit_price_cents, line_total_cents FROM sale_lines WHERE sale_id = ? AND line_no = ?')
      .get(saleId, lineNo) as { unit_price_cents: number; line_total_cents: number } | undefined;
    if (!row) throw new JournalNotFoundError('sale line', `${saleId}/${lineNo}`);
    const total = lineTotal(row.unit_price_cents, quantity);
    refuseTooLarge(journal, saleId, row.line_total_cents, total);
    journal
      // The discounts are recomputed just below (refreshTotal); zeroed first, so a smaller line never holds a larger one.
      .statement('UPDATE sale_lines SET quantity = ?, line_total_cents = ?, discount_cents = 0, line_discount_cents = 0 WHERE sale_id = ? AND line_no = ?')
      .run(quantity, total, saleId, lineNo);
    const totals = refreshTotal(journal, saleId);
    const payload = { lineNo, quantity, lineTotalCents: total, ...totals };
    appendEvent(journal, { kind: 'sale.quantity_changed', entity: 'sale', entityId: saleId, payload });
  });
}

export function removeLine(journal: Journal, saleId: number, lineNo: number): void {
  journal.write(() => {
    openSale(journal, saleId);
    const { changes } = journal.statement('DELETE FROM sale_lines WHERE sale_id = ? AND line_no = ?').run(saleId, lineNo);
    if (changes === 0) throw new JournalNotFoundError('sale line', `${saleId}/${lineNo}`);
    const totals = refreshTotal(journal, saleId);
    appendEvent(journal, { kind: 'sale.line_removed', entity: 'sale', entityId: saleId, payload: { lineNo, ...totals } });
  });
}
