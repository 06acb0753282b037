// CSV export of every payment attempt and refund created in a range of store days, oldest first.
// Amounts appear twice: integer minor units, and a decimal string built from those integers.
// Refund amounts are negative, so summing succeeded rows of one currency gives the net.
import type { Journal } from '../journal/database.js';
import { storeDayOf, storeDaysRange } from '../journal/store-day.js';
import { csvRecord, defuseFormula, type CsvCell } from './csv-format.js';
import { formatMinorUnits } from './decimal-amount.js';

export interface CsvExportOptions {
  fromDay: string;
  toDay: string;
  timeZone?: string;
}

export const CSV_COLUMNS = [
  'record_type', 'created_at', 'store_day', 'finalized_at', 'sale_id', 'reference', 'original_reference',
  'tender', 'channel', 'state', 'needs_action', 'cashier', 'approved_by', 'currency', 'amount_cents', 'amount',
  'gateway_id', 'channel_order_no', 'code_last4', 'reason', 'failure_code',
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
}

const EXPORT_SQL = `
  SELECT 'payment' AS record_type, created_at, finalized_at, sale_id, mch_order_no AS reference,
    NULL AS original_reference, tender, channel, state, needs_action, cashier, NULL AS approved_by, currency,
    amount_cents, pay_order_id AS gateway_id, channel_order_no, code_last4, NULL AS reason, failure_code, id AS k
  FROM attempts WHERE created_at >= @start AND created_at < @end
  UNION ALL
  SELECT 'refund', r.created_at, r.finalized_at, a.sale_id, r.mch_refund_no, a.mch_order_no, a.tender, a.channel,
    r.state, 0, a.cashier, r.approved_by, r.currency, -r.amount_cents, r.refund_order_id, NULL, NULL, r.reason,
    r.failure_code, r.id
  FROM refunds r JOIN attempts a ON a.id = r.attempt_id WHERE r.created_at >= @start AND r.created_at < @end
  ORDER BY created_at, record_type, k`;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toCells(row: ExportRow, timeZone: string): CsvCell[] {
  return [
    row.record_type, iso(row.created_at), storeDayOf(row.created_at, timeZone), iso(row.finalized_at), row.sale_id,
    row.reference, row.original_reference, row.tender, row.channel, row.state, row.needs_action,
    defuseFormula(row.cashier), defuseFormula(row.approved_by), row.currency, row.amount_cents,
    formatMinorUnits(row.amount_cents, row.currency), row.gateway_id, row.channel_order_no, row.code_last4,
    defuseFormula(row.reason), row.failure_code,
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
