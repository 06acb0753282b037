// Sale and line records as the rest of the app sees them (camelCase), and their row mappers.
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
  createdAt: number;
  closedAt: number | null;
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
  };
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
