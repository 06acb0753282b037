// Finding a sale to refund. A customer at the counter rarely has the order number: they have the receipt's
// sale number, or the wallet app's payment code (whose last 4 digits the journal keeps), or it was "just now".
import { findAttemptByMchOrderNo } from './attempt-queries.js';
import { parseReceiptCode } from '../../preload/receipt-code.js';
import type { Journal } from './database.js';
import { storeDayRange } from './store-day.js';

export const RECENT_SALES_LIMIT = 20;

export interface SaleSearch {
  /** Trimmed; empty means the store day's most recent paid sales. */
  query: string;
  /** Today, in the store's time zone. */
  storeDay: string;
  timeZone: string;
  limit?: number;
}

/** Sales created on `storeDay` with at least one succeeded attempt, newest first. Uses sales_by_created_at. */
export function recentPaidSaleIds(journal: Journal, storeDay: string, timeZone: string, limit = RECENT_SALES_LIMIT): number[] {
  const { startMs, endMs } = storeDayRange(storeDay, timeZone);
  const rows = journal
    .statement(
      `SELECT id FROM sales WHERE created_at >= ? AND created_at < ?
         AND EXISTS (SELECT 1 FROM attempts a WHERE a.sale_id = sales.id AND a.state = 'succeeded')
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    )
    .all(startMs, endMs, limit) as { id: number }[];
  return rows.map((r) => r.id);
}

/** Sales with an attempt whose payment code ended in these 4 digits, newest attempt first. */
export function saleIdsByCodeLast4(journal: Journal, last4: string, limit = RECENT_SALES_LIMIT): number[] {
  const rows = journal
    .statement('SELECT sale_id AS id, max(created_at) AS at FROM attempts WHERE code_last4 = ? GROUP BY sale_id ORDER BY at DESC LIMIT ?')
    .all(last4, limit) as { id: number }[];
  return rows.map((r) => r.id);
}

function saleExists(journal: Journal, saleId: number): boolean {
  return journal.statement('SELECT 1 FROM sales WHERE id = ?').get(saleId) !== undefined;
}

/**
 * Sale ids matching the query, best match first and without repeats: the merchant order number, then the
 * sale number, then (for exactly 4 digits) the payment code's last 4 digits.
 */
export function findSaleIds(journal: Journal, search: SaleSearch): number[] {
  const query = search.query.trim();
  const limit = search.limit ?? RECENT_SALES_LIMIT;
  if (query === '') return recentPaidSaleIds(journal, search.storeDay, search.timeZone, limit);
  const found: number[] = [];
  // A receipt's barcode (preload/receipt-code.ts), scanned into the search field: only this terminal's sales.
  const receipt = parseReceiptCode(query);
  if (receipt && receipt.terminalId === journal.terminalId && saleExists(journal, receipt.saleId)) found.push(receipt.saleId);
  const byOrder = findAttemptByMchOrderNo(journal, query);
  if (byOrder) found.push(byOrder.saleId);
  if (/^\d{1,12}$/.test(query) && saleExists(journal, Number(query))) found.push(Number(query));
  if (/^\d{4}$/.test(query)) found.push(...saleIdsByCodeLast4(journal, query, limit));
  return [...new Set(found)].slice(0, limit);
}
