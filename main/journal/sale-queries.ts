// A sale with everything hanging off it, for the cashier screen, receipts and the manager.
import { attemptsForSale } from './attempt-queries.js';
import type { Journal } from './database.js';
import type { AttemptRecord, RefundRecord } from './payment-records.js';
import { refundsForAttempt } from './refund-queries.js';
import { toSaleLine, type SaleLineRecord, type SaleLineRow, type SaleRecord } from './sale-records.js';
import { getSaleRecord } from './sales.js';

export interface SaleDetails {
  sale: SaleRecord;
  lines: SaleLineRecord[];
  attempts: AttemptRecord[];
  refunds: RefundRecord[];
}

export function getSale(journal: Journal, saleId: number): SaleDetails {
  const sale = getSaleRecord(journal, saleId);
  const lines = (
    journal.statement('SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no').all(saleId) as SaleLineRow[]
  ).map(toSaleLine);
  const attempts = attemptsForSale(journal, saleId);
  const refunds = attempts.flatMap((a) => refundsForAttempt(journal, a.id));
  return { sale, lines, attempts, refunds };
}
