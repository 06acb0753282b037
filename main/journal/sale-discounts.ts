// Discounts and price overrides on an open sale (docs/register.md "Discounts"). Each write stores the discount as
// given (kind, value, reason, approver), then recomputes every line's discount, the subtotal, each tax and the total
// in the same transaction (sales.ts refreshTotal), and journals an event carrying all of it, so the hash chain
// covers each discount and `journal verify` rebuilds it (rebuild.ts). Who may give which discount is the till's
// rule (main/checkout/discounts.ts); the journal records who approved.
import { isDiscountSpec, type DiscountSpec } from '../shared/discount-spread.js';
import type { Journal } from './database.js';
import { JournalInputError, JournalNotFoundError } from './errors.js';
import { appendEvent } from './events.js';
import { assertCents } from './money.js';
import { openSale, refreshTotal, refuseTooLarge } from './sales.js';

export interface DiscountInput extends DiscountSpec {
  reason?: string | null;
  /** Who approved it at the till; null: the cashier gave it alone (below the store's threshold). */
  approvedBy: string | null;
}

function assertDiscount(d: DiscountInput): { reason: string | null; approvedBy: string | null } {
  if (!isDiscountSpec({ kind: d.kind, value: d.value })) throw new JournalInputError('discount', `${String(d.kind)} ${String(d.value)} is not a discount (pct 1..10000, amount > 0 cents)`);
  const reason = d.reason?.trim() ? d.reason.trim().slice(0, 200) : null;
  return { reason, approvedBy: d.approvedBy?.trim() ? d.approvedBy : null };
}

function lineOf(journal: Journal, saleId: number, lineNo: number): { unit_price_cents: number; quantity: number; line_total_cents: number; catalog_price_cents: number | null } {
  const row = journal.statement('SELECT unit_price_cents, quantity, line_total_cents, catalog_price_cents FROM sale_lines WHERE sale_id = ? AND line_no = ?').get(saleId, lineNo) as
    | { unit_price_cents: number; quantity: number; line_total_cents: number; catalog_price_cents: number | null }
    | undefined;
  if (!row) throw new JournalNotFoundError('sale line', `${saleId}/${lineNo}`);
  return row;
}

/** Gives a line its own discount (replacing the one it had); the sale discount is spread again. */
export function discountLine(journal: Journal, saleId: number, lineNo: number, discount: DiscountInput): void {
  const { reason, approvedBy } = assertDiscount(discount);
  journal.write(() => {
    openSale(journal, saleId);
    lineOf(journal, saleId, lineNo);
    journal
      .statement('UPDATE sale_lines SET line_discount_kind = ?, line_discount_value = ?, line_discount_reason = ?, line_discount_approved_by = ? WHERE sale_id = ? AND line_no = ?')
      .run(discount.kind, discount.value, reason, approvedBy, saleId, lineNo);
    const totals = refreshTotal(journal, saleId);
    appendEvent(journal, { kind: 'sale.line_discounted', entity: 'sale', entityId: saleId, payload: { lineNo, kind: discount.kind, value: discount.value, reason, approvedBy, ...totals } });
  });
}

export function removeLineDiscount(journal: Journal, saleId: number, lineNo: number): void {
  journal.write(() => {
    openSale(journal, saleId);
    lineOf(journal, saleId, lineNo);
    journal
      .statement('UPDATE sale_lines SET line_discount_kind = NULL, line_discount_value = NULL, line_discount_cents = 0, line_discount_reason = NULL, line_discount_approved_by = NULL WHERE sale_id = ? AND line_no = ?')
      .run(saleId, lineNo);
    const totals = refreshTotal(journal, saleId);
    appendEvent(journal, { kind: 'sale.line_discount_removed', entity: 'sale', entityId: saleId, payload: { lineNo, ...totals } });
  });
}

/** Gives the sale a discount (replacing the one it had), spread over its lines by largest remainder. */
export function discountSale(journal: Journal, saleId: number, discount: DiscountInput): void {
  const { reason, approvedBy } = assertDiscount(discount);
  journal.write(() => {
    openSale(journal, saleId);
    journal
      .statement('UPDATE sales SET sale_discount_kind = ?, sale_discount_value = ?, sale_discount_reason = ?, sale_discount_approved_by = ? WHERE id = ?')
      .run(discount.kind, discount.value, reason, approvedBy, saleId);
    const totals = refreshTotal(journal, saleId);
    appendEvent(journal, { kind: 'sale.discounted', entity: 'sale', entityId: saleId, payload: { kind: discount.kind, value: discount.value, reason, approvedBy, ...totals } });
  });
}

export function removeSaleDiscount(journal: Journal, saleId: number): void {
  journal.write(() => {
    openSale(journal, saleId);
    journal
      .statement('UPDATE sales SET sale_discount_kind = NULL, sale_discount_value = NULL, sale_discount_cents = 0, sale_discount_reason = NULL, sale_discount_approved_by = NULL WHERE id = ?')
      .run(saleId);
    const totals = refreshTotal(journal, saleId);
    appendEvent(journal, { kind: 'sale.discount_removed', entity: 'sale', entityId: saleId, payload: { ...totals } });
  });
}

/**
 * Sets a line's unit price; the price it had before its first override (the catalog's) is kept in
 * catalog_price_cents. Its discounts are recomputed on the new total.
 */
export function overridePrice(journal: Journal, saleId: number, lineNo: number, input: { unitPriceCents: number; reason?: string | null; approvedBy: string }): void {
  assertCents('unitPriceCents', input.unitPriceCents);
  if (!input.approvedBy.trim()) throw new JournalInputError('approvedBy', 'a price override is always approved');
  const reason = input.reason?.trim() ? input.reason.trim().slice(0, 200) : null;
  journal.write(() => {
    openSale(journal, saleId);
    const line = lineOf(journal, saleId, lineNo);
    const total = assertCents('lineTotalCents', input.unitPriceCents * line.quantity);
    refuseTooLarge(journal, saleId, line.line_total_cents, total);
    const catalogPriceCents = line.catalog_price_cents ?? line.unit_price_cents;
    journal
      .statement(`UPDATE sale_lines SET unit_price_cents = ?, line_total_cents = ?, discount_cents = 0, line_discount_cents = 0,
        catalog_price_cents = ?, price_override_reason = ?, price_override_approved_by = ? WHERE sale_id = ? AND line_no = ?`)
      .run(input.unitPriceCents, total, catalogPriceCents, reason, input.approvedBy, saleId, lineNo);
    const totals = refreshTotal(journal, saleId);
    const payload = { lineNo, unitPriceCents: input.unitPriceCents, catalogPriceCents, lineTotalCents: total, reason, approvedBy: input.approvedBy, ...totals };
    appendEvent(journal, { kind: 'sale.price_overridden', entity: 'sale', entityId: saleId, payload });
  });
}
