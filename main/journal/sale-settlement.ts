// Closing a sale: paid when its attached successful attempts cover the total exactly, voided when nothing is
// paid or in flight. An attempt that turns out paid after this (late success) is flagged needs_action by the
// payments layer; this file only guards the sale's own invariants.
import type { Journal } from './database.js';
import { SaleStateError } from './errors.js';
import { appendEvent } from './events.js';
import { getSaleRecord } from './sales.js';
import type { SaleRecord } from './sale-records.js';

function paidCents(journal: Journal, saleId: number): number {
  const row = journal
    .statement(
      `SELECT coalesce(sum(amount_cents), 0) AS paid FROM attempts
       WHERE sale_id = ? AND state = 'succeeded' AND needs_action = 0 AND attached = 1`,
    )
    .get(saleId) as { paid: number };
  return row.paid;
}

function inFlightCount(journal: Journal, saleId: number): number {
  const row = journal
    .statement(`SELECT count(*) AS n FROM attempts WHERE sale_id = ? AND state IN ('created', 'sent', 'pending')`)
    .get(saleId) as { n: number };
  return row.n;
}

function close(journal: Journal, sale: SaleRecord, status: 'paid' | 'voided', kind: string): SaleRecord {
  const now = journal.clock.now();
  journal.statement('UPDATE sales SET status = ?, closed_at = ? WHERE id = ?').run(status, now, sale.id);
  appendEvent(journal, { kind, entity: 'sale', entityId: sale.id, payload: { status, totalCents: sale.totalCents } });
  return getSaleRecord(journal, sale.id);
}

export function settleSale(journal: Journal, saleId: number): SaleRecord {
  return journal.write(() => {
    const sale = getSaleRecord(journal, saleId);
    if (sale.status !== 'open') throw new SaleStateError(saleId, `is ${sale.status}, not open`);
    if (sale.totalCents === 0) throw new SaleStateError(saleId, 'has no total to pay');
    const paid = paidCents(journal, saleId);
    if (paid !== sale.totalCents) throw new SaleStateError(saleId, `paid ${paid} of ${sale.totalCents}`);
    if (inFlightCount(journal, saleId) > 0) throw new SaleStateError(saleId, 'has a payment in flight');
    return close(journal, sale, 'paid', 'sale.paid');
  });
}

export function voidSale(journal: Journal, saleId: number): SaleRecord {
  return journal.write(() => {
    const sale = getSaleRecord(journal, saleId);
    if (sale.status !== 'open') throw new SaleStateError(saleId, `is ${sale.status}, not open`);
    if (paidCents(journal, saleId) > 0) throw new SaleStateError(saleId, 'has a successful payment; refund it first');
    if (inFlightCount(journal, saleId) > 0) throw new SaleStateError(saleId, 'has a payment in flight');
    return close(journal, sale, 'voided', 'sale.voided');
  });
}
