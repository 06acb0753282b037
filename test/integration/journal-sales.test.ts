// Sales: lines only while open, total kept in step with the lines, settle and void rules, all-or-nothing writes.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { JournalInputError, JournalNotFoundError, SaleStateError } from '../../main/journal/errors.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { settleSale, voidSale } from '../../main/journal/sale-settlement.js';
import { addLine, createSale, removeLine, updateQuantity } from '../../main/journal/sales.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let journal: Journal;

beforeEach(() => {
  dir = makeTempDir('journal-sales-');
  journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock: new ManualClock(), terminalId: 'T01' });
});
afterEach(() => {
  journal.close();
  dir.remove();
});

const tea = { sku: 'TEA', gtin: '0012345678905', name: 'Tea, "green"', unitPriceCents: 250, quantity: 2 };

function payCash(saleId: number, amountCents: number): number {
  const a = createAttempt(journal, { saleId, tender: 'cash', channel: 'CASH', amountCents, currency: 'CAD', cashier: 'ann' });
  transitionAttempt(journal, a.id, 'succeeded');
  return a.id;
}

describe('sales', () => {
  it('keeps the total in step with the lines', () => {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    const one = addLine(journal, sale.id, tea);
    const two = addLine(journal, sale.id, { sku: 'BUN', name: 'Bun', unitPriceCents: 199, quantity: 1 });
    updateQuantity(journal, sale.id, one, 3);
    expect(getSale(journal, sale.id).sale.totalCents).toBe(750 + 199);
    removeLine(journal, sale.id, two);
    const details = getSale(journal, sale.id);
    expect(details.sale.totalCents).toBe(750);
    expect(details.lines).toEqual([{ saleId: sale.id, lineNo: 1, sku: 'TEA', gtin: '0012345678905', name: 'Tea, "green"', unitPriceCents: 250, quantity: 3, lineTotalCents: 750, taxClass: 'standard', discountCents: 0, lineDiscount: null, catalogPriceCents: null, priceOverride: null }]);
  });

  it('settles only when succeeded attempts cover the total exactly, then refuses line changes', () => {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    addLine(journal, sale.id, tea);
    payCash(sale.id, 300);
    expect(() => settleSale(journal, sale.id)).toThrow(SaleStateError);
    payCash(sale.id, 200);
    expect(settleSale(journal, sale.id)).toMatchObject({ status: 'paid' });
    expect(() => addLine(journal, sale.id, tea)).toThrow(SaleStateError);
    expect(() => updateQuantity(journal, sale.id, 1, 5)).toThrow(SaleStateError);
    expect(() => removeLine(journal, sale.id, 1)).toThrow(SaleStateError);
    expect(getSale(journal, sale.id).attempts).toHaveLength(2);
  });

  it('will not settle or void with a payment in flight, and will not void a paid sale', () => {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    addLine(journal, sale.id, tea);
    const inFlight = createAttempt(journal, { saleId: sale.id, tender: 'card', channel: 'PF_CC', amountCents: 500, currency: 'CAD', cashier: 'ann' });
    expect(() => voidSale(journal, sale.id)).toThrow(/in flight/);
    transitionAttempt(journal, inFlight.id, 'succeeded');
    expect(() => voidSale(journal, sale.id)).toThrow(/refund it first/);
  });

  it('voids an unpaid sale', () => {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    addLine(journal, sale.id, tea);
    expect(voidSale(journal, sale.id)).toMatchObject({ status: 'voided', closedAt: expect.any(Number) });
  });

  it('rejects bad input before writing anything', () => {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    expect(() => createSale(journal, { cashier: 'ann', currency: 'cad' })).toThrow(JournalInputError);
    expect(() => addLine(journal, sale.id, { ...tea, unitPriceCents: 2.5 })).toThrow(JournalInputError);
    expect(() => addLine(journal, sale.id, { ...tea, quantity: 0 })).toThrow(JournalInputError);
    expect(() => addLine(journal, 999, tea)).toThrow(JournalNotFoundError);
    expect(getSale(journal, sale.id).lines).toEqual([]);
  });

  it('rolls back the row when its event cannot be written (never commits on error)', () => {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    journal.db.exec(`CREATE TRIGGER fail_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    expect(() => addLine(journal, sale.id, tea)).toThrow(/disk full/);
    journal.db.exec('DROP TRIGGER fail_events');
    expect(getSale(journal, sale.id)).toMatchObject({ lines: [], sale: { totalCents: 0 } });
  });
});
