// A sale with everything hanging off it, for the cashier screen, receipts and the manager.
import { attemptsForSale } from './attempt-queries.js';
import type { Journal } from './database.js';
import type { AttemptRecord, RefundRecord } from './payment-records.js';
import { refundsForAttempt } from './refund-queries.js';
import { toSaleLine, type SaleLineRecord, type SaleLineRow, type SaleRecord, type SaleTaxRecord } from './sale-records.js';
import { saleBalance, type SaleBalance } from './sale-balance.js';
import { creditToSale } from './return-queries.js';
import { getSaleRecord, saleTaxRules } from './sales.js';

export interface SaleDetails {
  sale: SaleRecord;
  lines: SaleLineRecord[];
  /** Every tax rule of the sale with its base and amount, in receipt order (empty for an untaxed sale). */
  taxes: SaleTaxRecord[];
  attempts: AttemptRecord[];
  refunds: RefundRecord[];
}

/** The sale's money (journal/sale-balance.ts), read once from the journal: the one way every layer asks. */
export function saleBalanceOf(journal: Journal, saleId: number): SaleBalance {
  const { sale, attempts, refunds } = getSale(journal, saleId);
  return saleBalance(sale.totalCents, attempts, refunds, sale.currency, creditToSale(journal, saleId));
}

export function getSale(journal: Journal, saleId: number): SaleDetails {
  const sale = getSaleRecord(journal, saleId);
  const lines = (
    journal.statement('SELECT * FROM sale_lines WHERE sale_id = ? ORDER BY line_no').all(saleId) as SaleLineRow[]
  ).map(toSaleLine);
  const taxes = saleTaxRules(journal, saleId);
  const attempts = attemptsForSale(journal, saleId);
  const refunds = attempts.flatMap((a) => refundsForAttempt(journal, a.id));
  return { sale, lines, taxes, attempts, refunds };
}
