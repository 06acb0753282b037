// The Canadian register end to end on a real journal and the real sandbox (docs/register.md): products scanned at the
// till are taxed as the store's province taxes them, each tax journaled with the line's event and recomputed with every
// change; `journal verify` rebuilds the same taxes from the events alone; one line's amount (its share of the total,
// tax included) is refunded; cash is rounded to 5¢ on its own line, a split rounds only its cash part.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain, type EventRow } from '../../main/journal/events.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { CashRoundsToNothingError } from '../../main/payments/payment-errors.js';
import { computeSaleTax } from '../../main/shared/sales-tax.js';
import type { ProductScan } from '../../main/scanners/scan-types.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { REGISTER_PRODUCTS, registerTill } from '../support/register-till.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

const PRODUCTS = REGISTER_PRODUCTS;

const tillOn = registerTill;

const scan = (gtin: string): ProductScan => ({ kind: 'product', gtin: gtin.padStart(14, '0'), format: 'EAN-13', scanned: gtin, source: 'serial', deviceId: 'pty', firstByteAt: 0, receivedAt: 0, classifiedAt: 0 });

function saleEvents(r: EngineRig, saleId: number): Array<{ kind: string; payload: Record<string, unknown> }> {
  const rows = r.journal.db.prepare(`SELECT * FROM events WHERE entity = 'sale' AND entity_id = ? ORDER BY seq`).all(String(saleId)) as EventRow[];
  return rows.map((e) => ({ kind: e.kind, payload: JSON.parse(e.payload) as Record<string, unknown> }));
}

describe('sales tax from scan to journal to a refund of one line', () => {
  it('Quebec: GST on the poutine and the book, QST on the poutine only, none on the milk; verify rebuilds it; one line refunded', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'QC');
    const handlers = till.handlers();
    for (const p of PRODUCTS) handlers.onProduct(scan(p.gtin));
    handlers.onProduct(scan(PRODUCTS[0]!.gtin)); // a second poutine: quantity 2
    const saleId = till.currentSale();
    const details = getSale(rig.journal, saleId);
    expect(details.lines.map((l) => [l.sku, l.quantity, l.taxClass])).toEqual([['POUTINE', 2, 'standard'], ['BOOK', 1, 'gst-only'], ['MILK', 1, 'zero-rated']]);
    // GST 5% of 23.98 + 15.00 = 194.9¢ → 195; QST 9.975% of 23.98 = 239.20¢ → 239. Each once, on the sale.
    expect(details.taxes.map((t) => [t.code, t.ratePer100k, t.baseCents, t.amountCents])).toEqual([['GST', 5000, 3898, 195], ['QST', 9975, 2398, 239]]);
    expect(details.sale).toMatchObject({ subtotalCents: 4187, totalCents: 4187 + 195 + 239, taxProvince: 'QC', taxTable: '2025-04-01', pricesIncludeTax: false });

    // Every line event carries the tax lines (the hash chain covers them), and the sale's creation its rules.
    const events = saleEvents(rig, saleId);
    expect(events[0]).toMatchObject({ kind: 'sale.created', payload: { tax: { province: 'QC', table: '2025-04-01', rules: [{ code: 'GST', classes: ['standard', 'gst-only'] }, { code: 'QST', classes: ['standard'] }] } } });
    expect(events.at(-1)).toMatchObject({ kind: 'sale.quantity_changed', payload: { subtotalCents: 4187, totalCents: 4621, taxes: [{ code: 'GST', amountCents: 195 }, { code: 'QST', amountCents: 239 }] } });

    // Paid by wallet, to the cent.
    const paid = await till.chargeScanned(walletScan('WX', '01'));
    expect(paid).toMatchObject({ state: 'succeeded', amountCents: 4621, roundingCents: 0 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');

    // One line's amount is what it takes off the total: the book, with the GST it bore.
    const withoutBook = computeSaleTax(details.lines.filter((l) => l.sku !== 'BOOK'), details.taxes, false).totalCents;
    const bookShare = 4621 - withoutBook;
    expect(bookShare).toBe(1500 + 75);
    const refund = await rig.engine.refund({ attemptId: paid.id, amountCents: bookShare, reason: 'book returned', approvedBy: 'manager' });
    expect(refund).toMatchObject({ state: 'succeeded', amountCents: 1575 });
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);

    // verify: the chain holds, and the taxes rebuilt from the events alone agree with the tables.
    expect(verifyChain(rig.journal)).toMatchObject({ ok: true });
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
    const db = new Database(join(rig.dataDir, 'journal.sqlite'));
    db.prepare('UPDATE sales SET total_cents = total_cents - 239 WHERE id = ?').run(saleId);
    db.prepare(`UPDATE sale_lines SET tax_class = 'zero-rated' WHERE sku = 'POUTINE'`).run();
    db.close();
    expect(rebuildAndCompare(rig.journal.db).differences.map((d) => `${d.table}.${d.column}`).sort()).toEqual(['sale_lines.tax_class', 'sales.total_cents']);
  });

  it('every edit recomputes the taxes in the same write; removing the only taxed line leaves no tax', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'ON');
    till.addProduct('POUTINE', 1);
    till.addProduct('BOOK', 1);
    const saleId = till.currentSale();
    // ON: HST 13% on the poutine, the federal 5% only on the book (point-of-sale rebate), named GST 5%.
    expect(getSale(rig.journal, saleId).taxes.map((t) => [t.code, t.ratePer100k, t.amountCents])).toEqual([['HST', 13000, 156], ['GST', 5000, 75]]);
    till.setQuantity(1, 3);
    expect(getSale(rig.journal, saleId).taxes.map((t) => t.amountCents)).toEqual([468, 75]); // 13% of 35.97 = 467.61
    till.removeLine(1);
    expect(getSale(rig.journal, saleId)).toMatchObject({ sale: { subtotalCents: 1500, totalCents: 1575 }, taxes: [{ baseCents: 0, amountCents: 0 }, { baseCents: 1500, amountCents: 75 }] });
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
  });

  it('a manager must approve an edit that takes the total, tax included, below what was paid', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'NS');
    till.addProduct('POUTINE', 2);
    const saleId = till.currentSale();
    expect(getSale(rig.journal, saleId).sale.totalCents).toBe(2398 + 336); // HST 14%: 335.72
    rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 2000, amountCents: 1500 });
    // One poutine is 1199 + 168 = 1367 < 1500 paid: below what was paid.
    expect(() => till.setQuantity(1, 1)).toThrow(/below what the customer has paid/);
    till.setQuantity(1, 1, { pin: '1234' });
    expect(getSale(rig.journal, saleId).sale.totalCents).toBe(1367);
  });

  it('prices that include tax: the lines are the total, the tax backed out once', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'BC', true);
    till.addProduct('POUTINE', 1);
    till.addProduct('BOOK', 1);
    const { sale, taxes } = getSale(rig.journal, till.currentSale());
    // 11.99 holds 12% (GST 5 + PST 7): GST 53.53¢, PST 74.94¢; the book holds 5%: GST 71.43¢. GST 124.96 → 125.
    expect(taxes.map((t) => [t.code, t.amountCents])).toEqual([['GST', 125], ['PST', 75]]);
    expect(sale).toMatchObject({ totalCents: 2699, subtotalCents: 2699 - 200, pricesIncludeTax: true });
  });
});

describe('5¢ cash rounding', () => {
  it('cash for everything due is rounded, the rounding journaled on the attempt, and the sale paid exactly', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'AB');
    till.addProduct('POUTINE', 1); // 11.99 + 5% = 12.59 (59.95¢ → 60¢)
    const saleId = till.currentSale();
    expect(getSale(rig.journal, saleId).sale.totalCents).toBe(1259);
    const cash = rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 2000 });
    expect(cash).toMatchObject({ state: 'succeeded', amountCents: 1260, roundingCents: 1, changeCents: 740 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    const created = rig.journal.db.prepare(`SELECT payload FROM events WHERE kind = 'attempt.created' AND entity_id = ?`).get(String(cash.id)) as { payload: string };
    expect(JSON.parse(created.payload)).toMatchObject({ amount_cents: 1260, rounding_cents: 1 });
  });

  it('a split rounds only its cash part; the wallet is charged to the cent', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'QC');
    till.addProduct('POUTINE', 1); // 11.99 + GST 60 + QST 119.60 → 120 = 13.79
    const saleId = till.currentSale();
    expect(getSale(rig.journal, saleId).sale.totalCents).toBe(1379);
    const wallet = await till.chargeScanned(walletScan('ALIPAY', '01'), 1000);
    expect(wallet).toMatchObject({ state: 'succeeded', amountCents: 1000, roundingCents: 0 });
    const cash = rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 500 });
    // 3.79 left: 3.80 in cash.
    expect(cash).toMatchObject({ amountCents: 380, roundingCents: 1, changeCents: 120 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
  });

  it('the last 1¢ or 2¢ of a split round to nothing in cash and pay the sale (a −2¢ rounding line); a 2¢ part with more due is refused', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'AB');
    till.addCustom('Gift', 1000); // 10.50
    const saleId = till.currentSale();
    await till.chargeScanned(walletScan('WX', '01'), 1048);
    // The cashier types a 2¢ cash part while 2¢ is all that is due: the same as leaving it empty.
    expect(rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 0 })).toMatchObject({ state: 'succeeded', amountCents: 0, roundingCents: -2, changeCents: 0 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
    // A typed 2¢ part while $10.48 is still due pays nothing toward the rest: refused, nothing journaled.
    till.newSale();
    till.addCustom('Gift', 1000);
    const next = till.currentSale();
    expect(() => rig.engine.payCash({ saleId: next, cashier: 'alice', tenderedCents: 100, amountCents: 2 })).toThrow(CashRoundsToNothingError);
    expect(getSale(rig.journal, next).attempts).toHaveLength(0);
  });

  it('voiding a sale paid in rounded cash gives back the cash taken, and the sale voids; an excess is paid back and it settles', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'AB');
    till.addCustom('Gift', 954); // 9.54 + 0.477 GST = 10.02
    const first = till.currentSale();
    expect(rig.engine.payCash({ saleId: first, cashier: 'alice', tenderedCents: 1000 })).toMatchObject({ amountCents: 1000, roundingCents: -2, changeCents: 0 });
    expect(getSale(rig.journal, first).sale.status).toBe('paid');
    // A paid sale is voided from the open one only; ring up another, pay it, then void it with the manager.
    till.newSale();
    till.addCustom('Gift', 954);
    const second = till.currentSale();
    rig.engine.payCash({ saleId: second, cashier: 'alice', tenderedCents: 500, amountCents: 498 }); // 4.98 → 5.00 cash
    expect(getSale(rig.journal, second).attempts[0]).toMatchObject({ amountCents: 500, roundingCents: 2 });
    await till.voidCurrent({ pin: '1234' });
    const voided = getSale(rig.journal, second);
    expect(voided.sale.status).toBe('voided');
    expect(voided.refunds.map((r) => [r.amountCents, r.state])).toEqual([[500, 'succeeded']]);

    // Part paid in rounded cash, then a line taken off below it: the excess goes back from the drawer and it settles.
    till.addCustom('Tea', 300);
    till.addCustom('Cake', 654);
    const third = till.currentSale();
    expect(getSale(rig.journal, third).sale.totalCents).toBe(1002);
    expect(rig.engine.payCash({ saleId: third, cashier: 'alice', tenderedCents: 1000, amountCents: 798 })).toMatchObject({ amountCents: 800, roundingCents: 2 });
    till.removeLine(1, { pin: '1234' }); // the tea: the total is now 6.54 + 0.327 = 6.87, below the 7.98 paid
    await till.refundExcess({ pin: '1234' });
    const after = getSale(rig.journal, third);
    expect(after.sale).toMatchObject({ status: 'paid', totalCents: 687 });
    expect(after.refunds.map((r) => r.amountCents)).toEqual([798 - 687]);
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
  });

  it('a partial cash amount the cashier types is rounded as its own part: 5.03 is 5.05 in cash', async () => {
    rig = await engineRig();
    const till = tillOn(rig, 'AB');
    till.addCustom('Gift', 1000); // 10.50
    const saleId = till.currentSale();
    expect(rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1000, amountCents: 503 })).toMatchObject({ amountCents: 505, roundingCents: 2, changeCents: 495 });
    const rest = rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1000 });
    expect(rest).toMatchObject({ amountCents: 545, roundingCents: -2 }); // 5.47 left → 5.45
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
  });
});
