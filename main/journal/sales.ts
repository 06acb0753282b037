// Sales and their lines. Lines change only while the sale is open; the total is recomputed from the lines in
// the same transaction, so it can never drift from them. Every change appends its event.
import type { Journal } from './database.js';
import { JournalInputError, JournalNotFoundError, SaleStateError } from './errors.js';
import { appendEvent } from './events.js';
import { assertCents, assertCurrency, assertText } from './money.js';
import { toSale, type SaleRecord, type SaleRow } from './sale-records.js';

export interface NewSale {
  cashier: string;
  currency: string;
}

export interface NewSaleLine {
  sku: string;
  gtin?: string | null;
  name: string;
  unitPriceCents: number;
  quantity: number;
}

export function getSaleRecord(journal: Journal, saleId: number): SaleRecord {
  const row = journal.statement('SELECT * FROM sales WHERE id = ?').get(saleId) as SaleRow | undefined;
  if (!row) throw new JournalNotFoundError('sale', saleId);
  return toSale(row);
}

function openSale(journal: Journal, saleId: number): SaleRecord {
  const sale = getSaleRecord(journal, saleId);
  if (sale.status !== 'open') throw new SaleStateError(saleId, `is ${sale.status}, not open`);
  return sale;
}

function refreshTotal(journal: Journal, saleId: number): number {
  journal
    .statement(
      `UPDATE sales SET total_cents = (SELECT coalesce(sum(line_total_cents), 0) FROM sale_lines WHERE sale_id = @id)
       WHERE id = @id`,
    )
    .run({ id: saleId });
  return getSaleRecord(journal, saleId).totalCents;
}

function lineTotal(unitPriceCents: number, quantity: number): number {
  assertCents('unitPriceCents', unitPriceCents);
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new JournalInputError('quantity', 'must be a positive integer');
  return assertCents('lineTotalCents', unitPriceCents * quantity);
}

export function createSale(journal: Journal, input: NewSale): SaleRecord {
  assertText('cashier', input.cashier);
  assertCurrency(input.currency);
  return journal.write(() => {
    const now = journal.clock.now();
    const { lastInsertRowid } = journal
      .statement(
        `INSERT INTO sales (terminal_id, cashier, status, currency, total_cents, created_at)
         VALUES (?, ?, 'open', ?, 0, ?)`,
      )
      .run(journal.terminalId, input.cashier, input.currency, now);
    const id = Number(lastInsertRowid);
    appendEvent(journal, { kind: 'sale.created', entity: 'sale', entityId: id, payload: { ...input } });
    return getSaleRecord(journal, id);
  });
}

/** Adds a line; returns its line number. */
export function addLine(journal: Journal, saleId: number, line: NewSaleLine): number {
  assertText('sku', line.sku, 64);
  assertText('name', line.name);
  const total = lineTotal(line.unitPriceCents, line.quantity);
  return journal.write(() => {
    openSale(journal, saleId);
    const { next } = journal
      .statement('SELECT coalesce(max(line_no), 0) + 1 AS next FROM sale_lines WHERE sale_id = ?')
      .get(saleId) as { next: number };
    journal
      .statement(
        `INSERT INTO sale_lines (sale_id, line_no, sku, gtin, name, unit_price_cents, quantity, line_total_cents)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(saleId, next, line.sku, line.gtin ?? null, line.name, line.unitPriceCents, line.quantity, total);
    const totalCents = refreshTotal(journal, saleId);
    const payload = { lineNo: next, ...line, gtin: line.gtin ?? null, lineTotalCents: total, totalCents };
    appendEvent(journal, { kind: 'sale.line_added', entity: 'sale', entityId: saleId, payload });
    return next;
  });
}

export function updateQuantity(journal: Journal, saleId: number, lineNo: number, quantity: number): void {
  journal.write(() => {
    openSale(journal, saleId);
    const row = journal
      .statement('SELECT unit_price_cents FROM sale_lines WHERE sale_id = ? AND line_no = ?')
      .get(saleId, lineNo) as { unit_price_cents: number } | undefined;
    if (!row) throw new JournalNotFoundError('sale line', `${saleId}/${lineNo}`);
    const total = lineTotal(row.unit_price_cents, quantity);
    journal
      .statement('UPDATE sale_lines SET quantity = ?, line_total_cents = ? WHERE sale_id = ? AND line_no = ?')
      .run(quantity, total, saleId, lineNo);
    const totalCents = refreshTotal(journal, saleId);
    const payload = { lineNo, quantity, lineTotalCents: total, totalCents };
    appendEvent(journal, { kind: 'sale.quantity_changed', entity: 'sale', entityId: saleId, payload });
  });
}

export function removeLine(journal: Journal, saleId: number, lineNo: number): void {
  journal.write(() => {
    openSale(journal, saleId);
    const { changes } = journal.statement('DELETE FROM sale_lines WHERE sale_id = ? AND line_no = ?').run(saleId, lineNo);
    if (changes === 0) throw new JournalNotFoundError('sale line', `${saleId}/${lineNo}`);
    const totalCents = refreshTotal(journal, saleId);
    appendEvent(journal, { kind: 'sale.line_removed', entity: 'sale', entityId: saleId, payload: { lineNo, totalCents } });
  });
}
