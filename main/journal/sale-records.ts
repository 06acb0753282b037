// Sale and line records as the rest of the app sees them (camelCase), and their row mappers.
import type { DiscountKind } from '../shared/discount-spread.js';
import type { TaxClass, TaxCode, TaxLine, TaxRule } from '../shared/sales-tax.js';

export type SaleStatus = 'open' | 'paid' | 'voided';

export interface SaleRecord {
  id: number;
  terminalId: string;
  cashier: string;
  status: SaleStatus;
  currency: string;
  /** Before tax (migration 0090); totalCents = subtotalCents + its taxes. */
  subtotalCents: number;
  totalCents: number;
  /** Null: an untaxed sale (before migration 0090, or one opened without a province, e.g. `pos charge`). */
  taxProvince: string | null;
  taxTable: string | null;
  pricesIncludeTax: boolean;
  /** Every discount of the sale (migration 0120): Σ its lines' discountCents. subtotalCents is after it. */
  discountCents: number;
  /** The sale discount as given, spread over the lines; null: none. */
  saleDiscount: GivenDiscount | null;
  createdAt: number;
  closedAt: number | null;
}

/** A discount as given (docs/register.md "Discounts"), with what it came to and who approved it. */
export interface GivenDiscount {
  kind: DiscountKind;
  /** Hundredths of a percent for `pct` (1 000 = 10%), cents for `amount`. */
  value: number;
  /** What it took off (for a line: its own part; for the sale: the whole sale discount, before spreading). */
  cents: number;
  reason: string | null;
  /** Who approved it at the till (above the store's threshold); null: the cashier alone. */
  approvedBy: string | null;
}

/** One tax rule of a sale and what it came to (table sale_taxes). */
export interface SaleTaxRecord extends TaxRule, TaxLine {
  saleId: number;
  position: number;
  code: TaxCode;
}

export interface SaleLineRecord {
  saleId: number;
  lineNo: number;
  sku: string;
  gtin: string | null;
  name: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
  taxClass: TaxClass;
  /** The line's whole discount (its own plus its share of the sale's, migration 0120); net = lineTotal − discount. */
  discountCents: number;
  /** The line's own discount as given; null: none. */
  lineDiscount: GivenDiscount | null;
  /** Not null: the unit price was overridden, and this was the price before (the catalog's). */
  catalogPriceCents: number | null;
  priceOverride: { reason: string | null; approvedBy: string } | null;
}

export interface SaleRow {
  id: number;
  terminal_id: string;
  cashier: string;
  status: SaleStatus;
  currency: string;
  total_cents: number;
  subtotal_cents: number;
  tax_province: string | null;
  tax_table: string | null;
  prices_include_tax: number;
  discount_cents: number;
  sale_discount_kind: DiscountKind | null;
  sale_discount_value: number | null;
  sale_discount_cents: number;
  sale_discount_reason: string | null;
  sale_discount_approved_by: string | null;
  created_at: number;
  closed_at: number | null;
}

export interface SaleTaxRow {
  sale_id: number;
  position: number;
  code: TaxCode;
  rate_per_100k: number;
  classes: string;
  base_cents: number;
  amount_cents: number;
}

export interface SaleLineRow {
  sale_id: number;
  line_no: number;
  sku: string;
  gtin: string | null;
  name: string;
  unit_price_cents: number;
  quantity: number;
  line_total_cents: number;
  tax_class: TaxClass;
  discount_cents: number;
  line_discount_kind: DiscountKind | null;
  line_discount_value: number | null;
  line_discount_cents: number;
  line_discount_reason: string | null;
  line_discount_approved_by: string | null;
  catalog_price_cents: number | null;
  price_override_reason: string | null;
  price_override_approved_by: string | null;
}

export function toSale(row: SaleRow): SaleRecord {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    cashier: row.cashier,
    status: row.status,
    currency: row.currency,
    subtotalCents: row.subtotal_cents,
    totalCents: row.total_cents,
    taxProvince: row.tax_province,
    taxTable: row.tax_table,
    pricesIncludeTax: row.prices_include_tax === 1,
    discountCents: row.discount_cents ?? 0,
    saleDiscount: given(row.sale_discount_kind, row.sale_discount_value, row.sale_discount_cents, row.sale_discount_reason, row.sale_discount_approved_by),
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export function toSaleLine(row: SaleLineRow): SaleLineRecord {
  return {
    saleId: row.sale_id,
    lineNo: row.line_no,
    sku: row.sku,
    gtin: row.gtin,
    name: row.name,
    unitPriceCents: row.unit_price_cents,
    quantity: row.quantity,
    lineTotalCents: row.line_total_cents,
    taxClass: row.tax_class,
    discountCents: row.discount_cents ?? 0,
    lineDiscount: given(row.line_discount_kind, row.line_discount_value, row.line_discount_cents, row.line_discount_reason, row.line_discount_approved_by),
    catalogPriceCents: row.catalog_price_cents ?? null,
    priceOverride: row.catalog_price_cents === null || row.catalog_price_cents === undefined ? null : { reason: row.price_override_reason, approvedBy: row.price_override_approved_by ?? '' },
  };
}

function given(kind: DiscountKind | null | undefined, value: number | null | undefined, cents: number | undefined, reason: string | null | undefined, approvedBy: string | null | undefined): GivenDiscount | null {
  if (!kind || !value) return null;
  return { kind, value, cents: cents ?? 0, reason: reason ?? null, approvedBy: approvedBy ?? null };
}

export function toSaleTax(row: SaleTaxRow): SaleTaxRecord {
  return {
    saleId: row.sale_id,
    position: row.position,
    code: row.code,
    ratePer100k: row.rate_per_100k,
    classes: row.classes.split(',') as TaxClass[],
    baseCents: row.base_cents,
    amountCents: row.amount_cents,
  };
}
