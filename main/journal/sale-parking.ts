// Held (parked) sales in the journal (migration 0140, docs/register.md "Held sales"): parking and resuming an open
// sale are writes with their events in the hash chain, so a parked sale survives a restart and `journal verify`
// rebuilds `parked_at` / `parked_by` (rebuild.ts). The till's rules (what may be parked, what resuming does to the
// sale on screen) live in main/checkout/parked-sales.ts; this file only keeps the row and its event together.
import { IN_FLIGHT_ATTEMPT_STATES, sqlStateList } from '../../preload/payment-states.js';
import type { Journal } from './database.js';
import { SaleStateError } from './errors.js';
import { appendEvent } from './events.js';
import { assertText } from './money.js';
import { getSaleRecord } from './sales.js';

/** One parked sale, as the cashier's list and the Z show it. */
export interface ParkedSale {
  saleId: number;
  cashier: string;
  currency: string;
  totalCents: number;
  lineCount: number;
  parkedAt: number;
  parkedBy: string;
}

/** Whether the sale is parked now (open, with parked_at set). */
export function isParked(journal: Journal, saleId: number): boolean {
  const row = journal.statement("SELECT 1 FROM sales WHERE id = ? AND status = 'open' AND parked_at IS NOT NULL").get(saleId);
  return row !== undefined;
}

/** Every sale parked now, oldest first (index sales_parked). */
export function parkedSales(journal: Journal): ParkedSale[] {
  return journal
    .statement(
      `SELECT s.id AS saleId, s.cashier, s.currency, s.total_cents AS totalCents, s.parked_at AS parkedAt, s.parked_by AS parkedBy,
         (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id) AS lineCount
       FROM sales s WHERE s.parked_at IS NOT NULL AND s.status = 'open' ORDER BY s.parked_at, s.id`,
    )
    .all() as ParkedSale[];
}

/**
 * Parks an open, unparked sale. The journal itself refuses a sale with a paying or in-flight attempt, inside the write,
 * so no payment can slip in between the till's check and the park.
 */
export function parkSale(journal: Journal, saleId: number, parkedBy: string): void {
  assertText('parkedBy', parkedBy);
  journal.write(() => {
    const sale = getSaleRecord(journal, saleId);
    if (sale.status !== 'open') throw new SaleStateError(saleId, `is ${sale.status}, not open`);
    if (isParked(journal, saleId)) throw new SaleStateError(saleId, 'is already parked');
    const busy = journal
      .statement(`SELECT 1 FROM attempts WHERE sale_id = ? AND (state = 'succeeded' OR state IN (${sqlStateList(IN_FLIGHT_ATTEMPT_STATES)})) LIMIT 1`)
      .get(saleId);
    if (busy) throw new SaleStateError(saleId, 'has a payment; a sale is parked only with nothing paid and nothing in flight');
    const now = journal.clock.now();
    journal.statement('UPDATE sales SET parked_at = ?, parked_by = ? WHERE id = ?').run(now, parkedBy, saleId);
    appendEvent(journal, { kind: 'sale.parked', entity: 'sale', entityId: saleId, payload: { parkedAt: now, parkedBy, totalCents: sale.totalCents } });
  });
}

/** Takes a parked sale back to a till: it is an ordinary open sale again. */
export function resumeSale(journal: Journal, saleId: number, resumedBy: string): void {
  assertText('resumedBy', resumedBy);
  journal.write(() => {
    if (!isParked(journal, saleId)) throw new SaleStateError(saleId, 'is not parked');
    const now = journal.clock.now();
    journal.statement('UPDATE sales SET parked_at = NULL, parked_by = NULL WHERE id = ?').run(saleId);
    appendEvent(journal, { kind: 'sale.resumed', entity: 'sale', entityId: saleId, payload: { resumedAt: now, resumedBy } });
  });
}
