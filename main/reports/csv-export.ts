// CSV export of every payment attempt and refund created in a range of store days, oldest first.
// Amounts appear twice: integer minor units, and a decimal string built from those integers.
// Refund amounts are negative, so summing succeeded rows of one currency gives the net.
// The register's columns come last (old readers keep their positions): a cash attempt's 5¢ rounding; and, on the
// first succeeded attempt of a paid sale, that sale's net (before tax) and each tax, on a succeeded refund of a paid
// sale its share of them, negative (apportioned as in the reports, register-totals.ts). Summing them gives the day's.
// Then `discount_cents`: on that first succeeded attempt, what discounts took off the sale (net sales are after it).
import type { Journal } from '../journal/database.js';
import { storeDayOf, storeDaysRange } from '../journal/store-day.js';
import { csvRecord, defuseFormula, type CsvCell } from './csv-format.js';
import { formatMinorUnits } from './decimal-amount.js';
import { apportion } from './register-totals.js';

export interface CsvExportOptions {
  fromDay: string;
  toDay: string;
  timeZone?: string;
}

export const CSV_COLUMNS = [
  'record_type', 'created_at', 'store_day', 'finalized_at', 'sale_id', 'reference', 'original_reference',
  'tender', 'channel', 'state', 'needs_action', 'cashier', 'approved_by', 'currency', 'amount_cents', 'amount',
  'gateway_id', 'channel_order_no', 'code_last4', 'reason', 'failure_code',
  'rounding_cents', 'net_sales_cents', 'gst_cents', 'hst_cents', 'pst_cents', 'qst_cents', 'rst_cents',
  'discount_cents',
] as const;

interface ExportRow {
  record_type: 'payment' | 'refund';
  created_at: number;
  finalized_at: number | null;
  sale_id: number;
  reference: string;
  original_reference: string | null;
  tender: string;
  channel: string;
  state: string;
  needs_action: number;
  cashier: string;
  approved_by: string | null;
  currency: string;
  amount_cents: number;
  gateway_id: string | null;
  channel_order_no: string | null;
  code_last4: string | null;
  reason: string | null;
  failure_code: string | null;
  rounding_cents: number | null;
  tax_sale_id: number | null;
  sale_subtotal: number | null;
  sale_total: number | null;
  sale_gst: number | null;
  sale_hst: number | null;
  sale_pst: number | null;
  sale_qst: number | null;
  sale_rst: number | null;
  sale_discount: number | null;
}

const PAID_SALE = (saleId: string) => `(SELECT status FROM sales WHERE id = ${saleId}) = 'paid'`;
const taxOf = (code: string) => `(SELECT sum(t.amount_cents) FROM sale_taxes t WHERE t.sale_id = x.tax_sale_id AND t.code = '${code}')`;

const EXPORT_SQL = `
  SELECT x.*, s.subtotal_cents AS sale_subtotal, s.total_cents AS sale_total, s.discount_cents AS sale_discount, ${taxOf('GST')} AS sale_gst,
    ${taxOf('HST')} AS sale_hst, ${taxOf('PST')} AS sale_pst, ${taxOf('QST')} AS sale_qst, ${taxOf('RST')} AS sale_rst
  FROM (
    SELECT 'payment' AS record_type, created_at, finalized_at, sale_id, mch_order_no AS reference,
      NULL AS original_reference, tender, channel, state, needs_action, cashier, NULL AS approved_by, currency,
      amount_cents, pay_order_id AS gateway_id, channel_order_no, code_last4, NULL AS reason, failure_code, id AS k,
      rounding_cents,
      CASE WHEN state = 'succeeded' AND ${PAID_SALE('p.sale_id')}
        AND id = (SELECT min(f.id) FROM attempts f WHERE f.sale_id = p.sale_id AND f.state = 'succeeded') THEN sale_id END AS tax_sale_id
    FROM attempts p WHERE created_at >= @start AND created_at < @end
    UNION ALL
    SELECT 'refund', r.created_at, r.finalized_at, a.sale_id, r.mch_refund_no, a.mch_order_no, a.tender, a.channel,
      r.state, 0, a.cashier, r.approved_by, r.currency, -r.amount_cents, r.refund_order_id, NULL, NULL, r.reason,
      r.failure_code, r.id, 0,
      CASE WHEN r.state = 'succeeded' AND ${PAID_SALE('a.sale_id')} THEN a.sale_id END
    FROM refunds r JOIN attempts a ON a.id = r.attempt_id WHERE r.created_at >= @start AND r.created_at < @end
  ) x LEFT JOIN sales s ON s.id = x.tax_sale_id
  ORDER BY x.created_at, x.record_type, x.k`;

/** Net sales then GST HST PST QST RST: the sale's on its first paid attempt, a refund's share (negative) on it. */
function registerCells(row: ExportRow): CsvCell[] {
  if (row.tax_sale_id === null) return [row.rounding_cents, null, null, null, null, null, null];
  const taxes = [row.sale_gst, row.sale_hst, row.sale_pst, row.sale_qst, row.sale_rst];
  const parts = [row.sale_subtotal ?? 0, ...taxes.map((t) => t ?? 0)];
  const values = row.record_type === 'payment' ? parts : apportion(-row.amount_cents, parts).map((c) => -c);
  // A refund above its sale's total (an overpayment paid back) is net, not tax: as in the reports.
  if (row.record_type === 'refund') values[0] = (values[0] ?? 0) - Math.max(0, -row.amount_cents - (row.sale_total ?? 0));
  return [row.rounding_cents, values[0] ?? 0, ...taxes.map((t, i) => (t === null ? null : (values[i + 1] ?? 0)))];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toCells(row: ExportRow, timeZone: string): CsvCell[] {
  return [
    row.record_type, iso(row.created_at), storeDayOf(row.created_at, timeZone), iso(row.finalized_at), row.sale_id,
    row.reference, row.original_reference, row.tender, row.channel, row.state, row.needs_action,
    defuseFormula(row.cashier), defuseFormula(row.approved_by), row.currency, row.amount_cents,
    formatMinorUnits(row.amount_cents, row.currency), row.gateway_id, row.channel_order_no, row.code_last4,
    defuseFormula(row.reason), row.failure_code, ...registerCells(row),
    row.record_type === 'payment' && row.tax_sale_id !== null ? (row.sale_discount ?? 0) : null,
  ];
}

/** Streams the export record by record, so a year of orders never sits in memory at once. */
export function writeCsv(journal: Journal, options: CsvExportOptions, write: (chunk: string) => void): number {
  const timeZone = options.timeZone ?? journal.timeZone;
  const { startMs, endMs } = storeDaysRange(options.fromDay, options.toDay, timeZone);
  write(csvRecord(CSV_COLUMNS));
  let count = 0;
  const rows = journal.statement(EXPORT_SQL).iterate({ start: startMs, end: endMs }) as IterableIterator<ExportRow>;
  for (const row of rows) {
    write(csvRecord(toCells(row, timeZone)));
    count += 1;
  }
  return count;
}

export function exportCsv(journal: Journal, options: CsvExportOptions): string {
  const chunks: string[] = [];
  writeCsv(journal, options, (chunk) => chunks.push(chunk));
  return chunks.join('');
}
