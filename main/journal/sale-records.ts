// Sale and line records as the rest of the app sees them (camelCase), and their row mappers.

export type SaleStatus = 'open' | 'paid' | 'voided';

export interface SaleRecord {
  id: number;
  terminalId: string;
  cashier: string;
  status: SaleStatus;
  currency: string;
  totalCents: number;
  createdAt: number;
  closedAt: number | null;
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
}

export interface SaleRow {
  id: number;
  terminal_id: string;
  cashier: string;
  status: SaleStatus;
  currency: string;
  total_cents: number;
  created_at: number;
  closed_at: number | null;
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
}

export function toSale(row: SaleRow): SaleRecord {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    cashier: row.cashier,
    status: row.status,
    currency: row.currency,
    totalCents: row.total_cents,
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
  };
}
