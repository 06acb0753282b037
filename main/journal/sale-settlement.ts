// Closing a sale: paid when what pays it (journal/sale-balance.ts) covers the total exactly and nothing holds
// it, voided when nothing is paid (net of refunds) or holding it. An attempt that turns out paid after this (a
// late success) is flagged needs_action by the payments layer; this file only guards the sale's own invariants.
import type { Journal } from './database.js';
import { SaleStateError } from './errors.js';
import { appendEvent } from './events.js';
import { openPeriod } from './periods.js';
import { saleBalanceOf } from './sale-queries.js';
import { getSaleRecord } from './sales.js';
import type { SaleRecord } from './sale-records.js';


function close(journal: Journal, sale: SaleRecord, status: 'paid' | 'voided', kind: string): SaleRecord {
  const now = journal.clock.now();
  // The sale belongs to the Z period open now, whatever the clock says (docs/journal.md "Z periods").
  const period = openPeriod(journal);
  journal.statement('UPDATE sales SET status = ?, closed_at = ?, period = ? WHERE id = ?').run(status, now, period, sale.id);
  appendEvent(journal, { kind, entity: 'sale', entityId: sale.id, payload: { status, totalCents: sale.totalCents, closedAt: now, period } });
  return getSaleRecord(journal, sale.id);
}

export function settleSale(journal: Journal, saleId: number): SaleRecord {
  return journal.write(() => {
    const sale = getSaleRecord(journal, saleId);
    if (sale.status !== 'open') throw new SaleStateError(saleId, `is ${sale.status}, not open`);
    if (sale.totalCents === 0) throw new SaleStateError(saleId, 'has no total to pay');
    const balance = saleBalanceOf(journal, saleId);
    if (balance.paidCents !== sale.totalCents) throw new SaleStateError(saleId, `paid ${balance.paidCents} of ${sale.totalCents}`);
    if (balance.holding) throw new SaleStateError(saleId, 'has a payment in flight');
    return close(journal, sale, 'paid', 'sale.paid');
  });
}

export function voidSale(journal: Journal, saleId: number): SaleRecord {
  return journal.write(() => {
    const sale = getSaleRecord(journal, saleId);
    if (sale.status !== 'open') throw new SaleStateError(saleId, `is ${sale.status}, not open`);
    const balance = saleBalanceOf(journal, saleId);
    if (balance.paidCents > 0) throw new SaleStateError(saleId, 'has a successful payment; refund it first');
    if (balance.holding) throw new SaleStateError(saleId, 'has a payment in flight');
    return close(journal, sale, 'voided', 'sale.voided');
  });
}
