// Returns by line end to end on a real journal and the real sandbox (docs/register.md "Returns and exchanges"):
// products scanned at the till, paid, then lines taken back: each line's price after discount plus its share of
// the tax, refunded on the sale's own tender (5¢-rounded in cash), never more often than it was sold (refused in
// main, typed), the tax refunded exact in the register report, and `journal verify` rebuilding every return row
// from its event. Also the return without a receipt (cash, the drawer), and migration 0130 from 0120 with data.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../main/catalog/catalog.js';
import { returnWithoutReceipt, returnWithoutReceiptAtTill } from '../../main/checkout/returns-without-receipt.js';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { openJournal } from '../../main/journal/database.js';
import { verifyChain } from '../../main/journal/events.js';
import { createReceiptReturn } from '../../main/journal/returns.js';
import { systemClock } from '../../main/shared/clock.js';
import { migrate } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { ReturnExceedsSoldError } from '../../main/journal/return-errors.js';
import { getReturn, returnedQuantities } from '../../main/journal/return-queries.js';
import { getSale, saleBalanceOf } from '../../main/journal/sale-queries.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { storeDayOf, storeDayRange } from '../../main/journal/store-day.js';
import { closeDay } from '../../main/reports/day-close.js';
import { drawerCash } from '../../main/reports/drawer-cash.js';
import { registerTotalsForRange } from '../../main/reports/register-totals.js';
import type { ProductScan } from '../../main/scanners/scan-types.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { REGISTER_PRODUCTS, registerTill } from '../support/register-till.js';
import { walletScan } from '../support/sandbox-fixtures.js';
import { makeTempDir } from '../support/temp-dir.js';

let rig: EngineRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const scan = (gtin: string): ProductScan => ({ kind: 'product', gtin: gtin.padStart(14, '0'), format: 'EAN-13', scanned: gtin, source: 'serial', deviceId: 'pty', firstByteAt: 0, receivedAt: 0, classifiedAt: 0 });
const [POUTINE, BOOK, MILK] = REGISTER_PRODUCTS as unknown as [(typeof REGISTER_PRODUCTS)[0], (typeof REGISTER_PRODUCTS)[1], (typeof REGISTER_PRODUCTS)[2]];
const today = (r: EngineRig) => storeDayRange(storeDayOf(r.journal.clock.now(), 'America/Toronto'), 'America/Toronto');

describe('a return by line, from scan to journal to report', () => {
  it('Ontario, paid by wallet: the book, then the poutines one by one, then the milk: the total to the cent, never twice', async () => {
    const r = (rig = await engineRig());
    const till = registerTill(r, 'ON');
    const handlers = till.handlers();
    for (const p of [POUTINE, POUTINE, BOOK, MILK]) handlers.onProduct(scan(p.gtin));
    const saleId = till.currentSale();
    // HST 13% on 23.98 = 311.74 → 312; the book's federal 5% (coded GST) 75; the milk none. 23.98 + 15.00 + 2.89 + 3.12 + 0.75.
    expect(getSale(r.journal, saleId).sale.totalCents).toBe(4574);
    const paid = await till.chargeScanned(walletScan('WX', '01'));
    expect(paid).toMatchObject({ state: 'succeeded', amountCents: 4574 });

    // The book (line 2): its price plus its federal 5%, back on the wallet.
    const book = await r.engine.returnLines({ saleId, lines: [{ lineNo: 2, quantity: 1 }], reason: 'wrong book', approvedBy: 'Maria' });
    expect(book.quote).toMatchObject({ valueCents: 1575, taxCents: 75, cashBackCents: 0, tenders: [{ attemptId: paid.id, cash: false, amountCents: 1575 }] });
    expect(book.refunds.map((x) => [x.attemptId, x.amountCents, x.state, x.approvedBy])).toEqual([[paid.id, 1575, 'succeeded', 'Maria']]);
    expect(getReturn(r.journal, book.returned.id)).toMatchObject({ saleId, kind: 'receipt', approvedBy: 'Maria', reason: 'wrong book', lines: [{ lineNo: 2, quantity: 1, netCents: 1500, taxCents: 75, amountCents: 1575, taxes: [{ code: 'GST', amountCents: 75 }] }] });

    // One poutine of two: half of 23.98 and half of the 3.12 HST; the second gets the rest.
    const first = await r.engine.returnLines({ saleId, lines: [{ lineNo: 1, quantity: 1 }], reason: 'cold', approvedBy: 'Maria' });
    const second = await r.engine.returnLines({ saleId, lines: [{ lineNo: 1, quantity: 1 }], reason: 'cold', approvedBy: 'Maria' });
    expect([first.quote.valueCents, second.quote.valueCents]).toEqual([1199 + 156, 1199 + 156]);
    // A third is refused in main, typed, and writes nothing.
    const before = r.journal.db.prepare('SELECT count(*) AS n FROM refunds').get();
    await expect(r.engine.returnLines({ saleId, lines: [{ lineNo: 1, quantity: 1 }], reason: 'again', approvedBy: 'Maria' })).rejects.toBeInstanceOf(ReturnExceedsSoldError);
    await expect(r.engine.returnLines({ saleId, lines: [{ lineNo: 2, quantity: 1 }], reason: 'again', approvedBy: 'Maria' })).rejects.toMatchObject({ code: 'RETURN_EXCEEDS_SOLD' });
    expect(r.journal.db.prepare('SELECT count(*) AS n FROM refunds').get()).toEqual(before);

    const milk = await r.engine.returnLines({ saleId, lines: [{ lineNo: 3, quantity: 1 }], reason: 'sour', approvedBy: 'Maria' });
    expect(milk.quote).toMatchObject({ valueCents: 289, taxCents: 0 });
    expect(book.quote.valueCents + first.quote.valueCents + second.quote.valueCents + milk.quote.valueCents).toBe(4574);
    expect([...returnedQuantities(r.journal, saleId)]).toEqual([[1, 2], [2, 1], [3, 1]]);
    expect(ledgerDisagreements(r.journal, r.sandbox.ledger.snapshot())).toEqual([]);

    // The report: every tax collected came back, exactly, not apportioned.
    const [totals] = registerTotalsForRange(r.journal, today(r));
    expect(totals).toMatchObject({ currency: 'CAD', netSalesCents: 4187, taxCollectedCents: 387, taxRefundedCents: 387, refundedNetCents: 4187, taxes: [{ code: 'GST', collectedCents: 75, refundedCents: 75 }, { code: 'HST', collectedCents: 312, refundedCents: 312 }] });

    // verify rebuilds every return row from the events; a changed row is named.
    expect(verifyChain(r.journal)).toMatchObject({ ok: true });
    expect(rebuildAndCompare(r.journal.db).differences).toEqual([]);
    const db = new Database(join(r.dataDir, 'journal.sqlite'));
    db.prepare('UPDATE return_lines SET quantity = 2 WHERE return_id = ?').run(book.returned.id);
    db.prepare('UPDATE refund_taxes SET amount_cents = 0 WHERE refund_id = ?').run(book.refunds[0]!.id);
    db.close();
    expect(rebuildAndCompare(r.journal.db).differences.map((d) => `${d.table}.${d.column}`).sort()).toEqual(['refund_taxes.amount_cents', 'return_lines.quantity']);
  });

  it('in cash, rounded to 5¢ cumulatively: the drawer gives back exactly what it took; a discount comes off the line', async () => {
    const r = (rig = await engineRig());
    const till = registerTill(r, 'ON');
    till.addProduct(POUTINE.sku, 1);
    till.addProduct(MILK.sku, 1);
    const { lineNo } = till.addProduct(BOOK.sku, 1);
    till.discountLine(lineNo, { kind: 'amount', value: 500 }, { pin: '1234' });
    const saleId = till.currentSale();
    // 11.99 + 2.89 + (15.00 − 5.00) + HST 13% of 11.99 (1.56) + HST 5% of 10.00 (0.50) = 26.94 → cash 26.95.
    expect(getSale(r.journal, saleId).sale.totalCents).toBe(2694);
    const cash = r.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 3000 });
    expect(cash).toMatchObject({ amountCents: 2695, roundingCents: 1 });

    const milk = await r.engine.returnLines({ saleId, lines: [{ lineNo: 2, quantity: 1 }], reason: 'sour', approvedBy: 'Maria' });
    expect(milk.quote).toMatchObject({ valueCents: 289, cashValueCents: 289, cashBackCents: 290 });
    const book = await r.engine.returnLines({ saleId, lines: [{ lineNo: 3, quantity: 1 }], reason: 'torn', approvedBy: 'Maria' });
    // After the discount: 10.00 + 0.50; cash: round(2.89 + 10.50) − round(2.89) = 13.40 − 2.90.
    expect(book.quote).toMatchObject({ valueCents: 1050, taxCents: 50, cashBackCents: 1050 });
    const poutine = await r.engine.returnLines({ saleId, lines: [{ lineNo: 1, quantity: 1 }], reason: 'cold', approvedBy: 'Maria' });
    expect(poutine.quote).toMatchObject({ valueCents: 1355, cashBackCents: 2695 - 290 - 1050 });
    const refunded = [milk, book, poutine].flatMap((x) => x.refunds);
    expect(refunded.every((x) => x.state === 'succeeded' && x.attemptId === cash.id)).toBe(true);
    expect(refunded.reduce((s, x) => s + x.amountCents, 0)).toBe(2695);
    const [totals] = registerTotalsForRange(r.journal, today(r));
    expect(totals).toMatchObject({ taxRefundedCents: 206, refundedNetCents: 2695 - 206 });
    expect(rebuildAndCompare(r.journal.db).differences).toEqual([]);
  });

  it('two screens returning the same line at once: one journal write wins, the other is refused and writes nothing', async () => {
    const r = (rig = await engineRig());
    const till = registerTill(r, 'ON');
    till.addProduct(POUTINE.sku, 1);
    const saleId = till.currentSale();
    r.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 2000 });
    // A second connection to the same file, as a second app window or `pos refund` on the same data folder would have.
    const other = openJournal({ file: join(r.dataDir, 'journal.sqlite'), clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
    try {
      const first = createReceiptReturn(other, { saleId, lines: [{ lineNo: 1, quantity: 1 }], reason: 'cold', approvedBy: 'Ann' });
      expect(first.quote.cashBackCents).toBe(1355);
      expect(() => createReceiptReturn(r.journal, { saleId, lines: [{ lineNo: 1, quantity: 1 }], reason: 'cold', approvedBy: 'Bob' })).toThrow(ReturnExceedsSoldError);
      expect(r.journal.db.prepare('SELECT count(*) AS n FROM returns').get()).toEqual({ n: 1 });
      expect(r.journal.db.prepare('SELECT count(*) AS n FROM refunds').get()).toEqual({ n: 1 });
    } finally {
      other.close();
    }
  });

  it('an exchange: the returned line pays the new sale, the customer pays only the difference; or gets the rest back', async () => {
    const r = (rig = await engineRig());
    const till = registerTill(r, 'ON');
    till.addProduct(BOOK.sku, 1);
    till.addProduct(MILK.sku, 1);
    const oldSale = till.currentSale();
    // 15.00 + 2.89 + the book's federal 5% 0.75 = 18.64, by wallet.
    const paid = await till.chargeScanned(walletScan('WX', '01'));
    expect(paid).toMatchObject({ state: 'succeeded', amountCents: 1864 });

    // The new sale: two poutines, 23.98 + HST 3.12 = 27.10. The book (15.75 back) pays part of it.
    const next = createSale(r.journal, { cashier: 'alice', currency: 'CAD', tax: taxSetupFor('ON', '2026-11-22', false) });
    addLine(r.journal, next.id, { sku: POUTINE.sku, name: POUTINE.name, unitPriceCents: POUTINE.priceCents, quantity: 2 });
    expect(getSale(r.journal, next.id).sale.totalCents).toBe(2710);
    const ex = await r.engine.exchangeLines({ saleId: oldSale, lines: [{ lineNo: 1, quantity: 1 }], newSaleId: next.id, reason: 'exchange', approvedBy: 'Maria' });
    expect(ex.quote).toMatchObject({ valueCents: 1575, creditCents: 1575, stillDueCents: 2710 - 1575, tenders: [], credits: [{ attemptId: paid.id, amountCents: 1575 }] });
    expect(ex.refunds).toEqual([]);
    const balance = saleBalanceOf(r.journal, next.id);
    expect(balance).toMatchObject({ paidCents: 1575, dueCents: 1135 });
    // The customer pays the difference in cash: 11.35.
    const cash = r.engine.payCash({ saleId: next.id, cashier: 'alice', tenderedCents: 1135 });
    expect(cash).toMatchObject({ state: 'succeeded', amountCents: 1135 });
    expect(getSale(r.journal, next.id).sale.status).toBe('paid');
    // What the credit drew from the wallet is no longer refundable there: 18.64 − 15.75 = 2.89 left (the milk).
    await expect(r.engine.refund({ attemptId: paid.id, amountCents: 290, reason: 'too much', approvedBy: 'Maria' })).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAID' });
    // The book cannot come back again.
    await expect(r.engine.returnLines({ saleId: oldSale, lines: [{ lineNo: 1, quantity: 1 }], reason: 'again', approvedBy: 'Maria' })).rejects.toMatchObject({ code: 'RETURN_EXCEEDS_SOLD' });

    // The other way: the milk (2.89) against a new sale of one cookie-priced custom line of 1.50: 1.50 credited,
    // the paid sale closed by the credit, 1.39 back on the wallet.
    const small = createSale(r.journal, { cashier: 'alice', currency: 'CAD' });
    addLine(r.journal, small.id, { sku: 'COOKIE', name: 'Cookie', unitPriceCents: 150, quantity: 1 });
    const back = await r.engine.exchangeLines({ saleId: oldSale, lines: [{ lineNo: 2, quantity: 1 }], newSaleId: small.id, reason: 'exchange', approvedBy: 'Maria' });
    expect(back.quote).toMatchObject({ valueCents: 289, creditCents: 150, stillDueCents: 0 });
    expect(back.refunds.map((x) => [x.attemptId, x.amountCents, x.state])).toEqual([[paid.id, 139, 'succeeded']]);
    expect(getSale(r.journal, small.id).sale.status).toBe('paid');
    expect(ledgerDisagreements(r.journal, r.sandbox.ledger.snapshot())).toEqual([]);

    // The tax stays gross: the book's 0.75 refunded (as the exchange's credit), the poutines' 3.12 collected.
    const [totals] = registerTotalsForRange(r.journal, today(r));
    expect(totals?.taxes).toEqual([{ code: 'GST', collectedCents: 75, refundedCents: 75 }, { code: 'HST', collectedCents: 312, refundedCents: 0 }]);
    expect(totals).toMatchObject({ refundedNetCents: 1500 + 289 });
    expect(rebuildAndCompare(r.journal.db).differences).toEqual([]);
  });

  it('without a receipt: catalog items at today’s price and tax, in cash, out of the drawer, journaled with who and why', async () => {
    const r = (rig = await engineRig());
    const catalog = new Catalog();
    for (const p of REGISTER_PRODUCTS) catalog.add(p);
    const deps = { journal: r.journal, catalog, currency: 'CAD', tax: () => taxSetupFor('ON', '2026-11-22', false) };
    const back = returnWithoutReceipt(deps, [{ code: POUTINE.sku, quantity: 1 }, { code: MILK.gtin, quantity: 2 }], 'gift, no receipt', 'Maria');
    // 11.99 + HST 1.56 + 2 × 2.89 = 19.33 → 19.35 in cash.
    expect(back).toMatchObject({ kind: 'no-receipt', saleId: null, valueCents: 1933, taxCents: 156, cashBackCents: 1935, approvedBy: 'Maria', reason: 'gift, no receipt' });
    expect(() => returnWithoutReceipt(deps, [{ code: 'NOPE', quantity: 1 }], 'gift', 'Maria')).toThrow(expect.objectContaining({ code: 'UNKNOWN_PRODUCT' }));
    const [totals] = registerTotalsForRange(r.journal, today(r));
    expect(totals).toMatchObject({ taxRefundedCents: 156, refundedNetCents: 1935 - 156 });
    expect(rebuildAndCompare(r.journal.db).differences).toEqual([]);
    // At a till: the manager's PIN approves 'return-without-receipt'; a refused PIN writes nothing.
    const asked: string[] = [];
    const approve = (pin: string, action: string) => {
      asked.push(action);
      if (pin !== '1234') throw Object.assign(new Error('wrong PIN'), { code: 'PIN_WRONG' });
      return 'Maria (till)';
    };
    expect(() => returnWithoutReceiptAtTill({ ...deps, approve }, '0000', [{ code: MILK.sku, quantity: 1 }], 'no receipt')).toThrow(/wrong PIN/);
    expect(r.journal.db.prepare(`SELECT count(*) AS n FROM returns`).get()).toEqual({ n: 1 });
    expect(returnWithoutReceiptAtTill({ ...deps, approve }, '1234', [{ code: MILK.sku, quantity: 1 }], 'no receipt')).toMatchObject({ approvedBy: 'Maria (till)', cashBackCents: 290 });
    expect(asked).toEqual(['return-without-receipt', 'return-without-receipt']);
    const z = closeDay(r.journal, { storeDay: storeDayOf(r.journal.clock.now(), 'America/Toronto'), closedBy: 'Maria', countedCashCents: 0, cashCurrency: 'CAD', timeZone: 'America/Toronto' });
    expect(z.expectedCashCents).toBe(-1935 - 290);
    // A shift's drawer counts the same cash going out (docs/staff.md "Expected cash"): one rule for the Z and the shift.
    const day = storeDayRange(storeDayOf(r.journal.clock.now(), 'America/Toronto'), 'America/Toronto');
    expect(drawerCash(r.journal, 'CAD', day.startMs, day.endMs)).toEqual({ cashSalesCents: 0, cashRefundsCents: 1935 + 290 });
  });
});

describe('migration 0130 (returns), from 0120 with data present', () => {
  it('keeps sales, lines, attempts and refunds; a return row keeps its rules', () => {
    const dir = makeTempDir('journal-0130-');
    const db = new Database(join(dir.path, 'journal.sqlite'));
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, journalMigrations, { target: 120 });
      db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 1130, 1000, 1000, 2000)`).run();
      db.prepare(`INSERT INTO sale_lines (sale_id, line_no, sku, gtin, name, unit_price_cents, quantity, line_total_cents, discount_cents) VALUES (1, 1, 'SKU1', NULL, 'Tea', 500, 2, 1000, 0)`).run();
      db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at)
        VALUES (1, 1, 'wallet_scan', 'WX_MICROPAY', 1130, 'CAD', 'T01P2601011234000000001', 'succeeded', 'ann', 1000, 1000, 1000)`).run();
      db.prepare(`INSERT INTO refunds (id, attempt_id, mch_refund_no, amount_cents, currency, reason, state, approved_by, created_at, updated_at) VALUES (1, 1, 'T01R1', 100, 'CAD', 'goodwill', 'succeeded', 'mgr', 1500, 1500)`).run();
      expect(migrate(db, journalMigrations, { target: 130 })).toEqual([130]);
      const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      expect([count('sales'), count('sale_lines'), count('attempts'), count('refunds'), count('returns')]).toEqual([1, 1, 1, 1, 0]);
      db.prepare(`INSERT INTO returns (id, sale_id, kind, currency, value_cents, tax_cents, cash_value_cents, cash_back_cents, reason, approved_by, created_at) VALUES (1, 1, 'receipt', 'CAD', 565, 65, 0, 0, 'cold', 'mgr', 3000)`).run();
      db.prepare(`INSERT INTO return_lines VALUES (1, 1, 'SKU1', 'Tea', 'standard', 1, 500, 65)`).run();
      db.prepare(`INSERT INTO return_line_taxes VALUES (1, 1, 'HST', 65)`).run();
      db.prepare(`INSERT INTO return_refunds VALUES (1, 1, 565, 65)`).run();
      // A receipt return names its sale; one without a receipt has a period and no sale; tax codes are known ones.
      expect(() => db.prepare(`INSERT INTO returns (sale_id, kind, currency, value_cents, tax_cents, cash_value_cents, cash_back_cents, reason, approved_by, created_at) VALUES (NULL, 'receipt', 'CAD', 1, 0, 0, 0, 'x', 'm', 1)`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO returns (sale_id, kind, currency, value_cents, tax_cents, cash_value_cents, cash_back_cents, reason, approved_by, created_at) VALUES (NULL, 'no-receipt', 'CAD', 1, 0, 1, 0, 'x', 'm', 1)`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO return_line_taxes VALUES (1, 1, 'VAT', 1)`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO return_lines VALUES (1, 2, 'SKU1', 'Tea', 'standard', 0, 500, 65)`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
