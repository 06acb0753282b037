// Exchanges and returns without a receipt at the cashier screen, through the composed app (docs/register.md "Returns
// and exchanges"): the old sale found by its receipt code, the lines priced by main and credited to the sale open at
// the till, a supervisor's or manager's PIN (never the cashier's own), the credit as its own row of the sale and of
// its receipt, the difference paid in cash; a quote that never opens or changes a sale; a credited sale that refuses
// to be voided before anything moves; a return without a receipt at the till on a manager's PIN only. Then
// `journal verify` rebuilds every row from the events.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../main/app/services.js';
import { receiptCode } from '../../preload/receipt-code.js';
import { drawerOpenings } from '../../main/journal/print-jobs.js';
import { openJournal } from '../../main/journal/database.js';
import { systemClock } from '../../main/shared/clock.js';
import { composedAppPerTest, until, type ComposedApp } from '../support/composed-app.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener } from '../support/printer-listener.js';

const app = composedAppPerTest('till-exchange-');
const SUPERVISOR_PIN = '2468';

async function value<T = Record<string, unknown>>(a: ComposedApp, role: Parameters<ComposedApp['call']>[0], channel: string, payload: unknown = {}): Promise<T> {
  const r = await a.call(role, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`);
  return r.value as T;
}

type Sale = { id: number; status: string; totalCents: number; dueCents: number; paidCents: number; credits?: Array<{ returnId: number; fromSaleId: number; amountCents: number }> };

function saleCount(a: ComposedApp): number {
  const db = new Database(join(a.dataDir, JOURNAL_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function readRefunds(a: ComposedApp): number {
  const db = new Database(join(a.dataDir, JOURNAL_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM refunds').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Tea $4.50 + cake $10.00, HST 13% of $14.50 = $1.885 → $1.89 once per sale: $16.39, paid $16.40 in cash. */
async function paidSale(a: ComposedApp): Promise<Sale> {
  await value(a, 'cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
  await value(a, 'cashier', 'sale:addCustom', { name: 'Cake', amountCents: 1000 });
  await value(a, 'cashier', 'payment:payCash', { tenderedCents: 2000 });
  const sale = await value<Sale>(a, 'cashier', 'sale:current');
  expect(sale).toMatchObject({ status: 'paid', totalCents: 1639 });
  return sale;
}

async function addSupervisor(a: ComposedApp): Promise<void> {
  const { session } = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
  await value(a, 'manager', 'staff:add', { session, name: 'Sam', role: 'supervisor', pin: SUPERVISOR_PIN });
  await value(a, 'manager', 'manager:lock', { session });
}

describe('an exchange at the cashier screen', () => {
  it('the cake comes back against a dearer cake: credit row on the sale and its receipt, the difference in cash, a supervisor approves', async () => {
    const a = await app.start();
    await addSupervisor(a);
    const old = await paidSale(a);
    const terminalId = (await value<{ terminalId: string }>(a, 'cashier', 'app:info')).terminalId;

    // The receipt's code finds the sale; a code of another terminal does not.
    const found = await value<Sale & { lines: Array<{ lineNo: number; name: string }> }>(a, 'cashier', 'exchange:findSale', { query: receiptCode({ terminalId, saleId: old.id }) });
    expect(found.id).toBe(old.id);
    expect((await a.call('cashier', 'exchange:findSale', { query: receiptCode({ terminalId: `${terminalId}X`, saleId: old.id }) })).error?.code).toBe('NOT_THIS_TILL');
    expect((await a.call('cashier', 'exchange:findSale', { query: '99999' })).error?.code).toBe('EXCHANGE_SALE_NOT_FOUND');

    // Nothing rung up yet: the quote refuses and opens no sale (the till still shows the paid one).
    const before = saleCount(a);
    expect((await a.call('cashier', 'exchange:quote', { saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }] })).error?.code).toBe('EXCHANGE_NO_SALE');
    const { session } = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
    expect((await a.call('manager', 'refund:quoteExchange', { session, saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }] })).error?.code).toBe('EXCHANGE_NO_SALE');
    expect(saleCount(a)).toBe(before);
    expect((await value<Sale>(a, 'cashier', 'sale:current')).id).toBe(old.id);

    // The new item: $20.00 + 13% = $22.60.
    await value(a, 'cashier', 'sale:new');
    const next = await value<Sale>(a, 'cashier', 'sale:addCustom', { name: 'Big cake', amountCents: 2000 });
    expect(next.totalCents).toBe(2260);
    // The cake's value: $10.00 + its HST share (189 × 1000 / 1450 = 130.3 → 130): $11.30.
    const quote = await value<{ valueCents: number; creditCents: number; stillDueCents: number; newSaleId: number }>(a, 'cashier', 'exchange:quote', { saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }] });
    expect(quote).toMatchObject({ valueCents: 1130, creditCents: 1130, stillDueCents: 1130, newSaleId: next.id });
    // A quote changes nothing: same sales, the new one still owes all of it.
    expect(saleCount(a)).toBe(before + 1);
    expect((await value<Sale>(a, 'cashier', 'sale:current')).dueCents).toBe(2260);

    // The cashier's own PIN may not approve a return; a wrong PIN neither. Nothing is written.
    const request = { saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }], reason: 'wrong size' };
    expect((await a.call('cashier', 'exchange:confirm', { ...request, pin: '1111' })).error?.code).toBe('APPROVAL_NOT_ALLOWED');
    expect((await a.call('cashier', 'exchange:confirm', { ...request, pin: '8642' })).error?.code).toBe('PIN_WRONG');
    expect((await value<Sale>(a, 'cashier', 'sale:current')).dueCents).toBe(2260);

    const done = await value<{ returnId: number; creditCents: number; stillDueCents: number; refunds: unknown[] }>(a, 'cashier', 'exchange:confirm', { ...request, pin: SUPERVISOR_PIN });
    expect(done).toMatchObject({ creditCents: 1130, stillDueCents: 1130, refunds: [] });
    const credited = await value<Sale>(a, 'cashier', 'sale:current');
    expect(credited).toMatchObject({ id: next.id, status: 'open', dueCents: 1130, credits: [{ returnId: done.returnId, fromSaleId: old.id, amountCents: 1130 }] });
    // The old sale shows the cake returned; it cannot come back twice.
    expect((await a.call('cashier', 'exchange:quote', { saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }] })).error?.code).toBe('RETURN_EXCEEDS_SOLD');

    // A credited sale cannot be voided: refused before any PIN is asked or any money moves.
    expect((await a.call('cashier', 'sale:void', {})).error?.code).toBe('SALE_HAS_CREDIT');
    expect((await a.call('cashier', 'sale:void', { pin: '1234' })).error?.code).toBe('SALE_HAS_CREDIT');
    expect((await value<Sale>(a, 'cashier', 'sale:current')).status).toBe('open');
    // Nor taken below the credit (the excess would have no tender to go back to), even with a manager's PIN.
    expect((await a.call('cashier', 'sale:removeLine', { lineNo: 1, pin: '1234' })).error?.code).toBe('SALE_HAS_CREDIT');
    expect((await a.call('cashier', 'sale:discountSale', { kind: 'pct', value: 6000, reason: 'sorry', pin: '1234' })).error?.code).toBe('SALE_HAS_CREDIT');
    expect(await value<Sale>(a, 'cashier', 'sale:current')).toMatchObject({ totalCents: 2260, dueCents: 1130 });
    expect(readRefunds(a)).toBe(0);

    // The customer pays the difference, $11.30 → $11.30 in cash (already a multiple of 5¢).
    const cash = await value<{ amountCents: number; changeCents: number }>(a, 'cashier', 'payment:payCash', { tenderedCents: 2000 });
    expect(cash).toMatchObject({ amountCents: 1130, changeCents: 870 });
    expect(await value<Sale>(a, 'cashier', 'sale:current')).toMatchObject({ status: 'paid', dueCents: 0 });

    // The receipt: the credit as its own row, above the cash tender.
    const doc = await value<{ lines: Array<{ role: string; text: string }> }>(a, 'cashier', 'receipt:document', { saleId: next.id, locale: 'en-CA' });
    const credit = doc.lines.find((l) => l.role === 'credit');
    expect(credit?.text).toMatch(new RegExp(`^Exchange credit, sale #${old.id} +−\\$11\\.30$`));
    expect(doc.lines.findIndex((l) => l.role === 'credit')).toBeLessThan(doc.lines.findIndex((l) => l.role === 'tender'));
    const fr = await value<{ lines: Array<{ role: string; text: string }> }>(a, 'cashier', 'receipt:document', { saleId: next.id, locale: 'fr-CA' });
    expect(fr.lines.find((l) => l.role === 'credit')?.text).toContain(`Crédit d'échange, vente no ${old.id}`);

    const verify = await value<{ ok: boolean; differenceCount: number }>(a, 'manager', 'journal:verify', { session });
    expect(verify).toMatchObject({ ok: true, differenceCount: 0 });
  });

  it('against a cheaper item the rest comes back in cash on the old sale, and the new sale is paid by the credit alone', async () => {
    const a = await app.start();
    await addSupervisor(a);
    const old = await paidSale(a);
    await value(a, 'cashier', 'sale:new');
    // $5.00 + 13% = $5.65, less than the cake's $11.30: paid by the credit; $5.65 back, in cash rounded: $5.65.
    await value(a, 'cashier', 'sale:addCustom', { name: 'Small cake', amountCents: 500 });
    const done = await value<{ creditCents: number; stillDueCents: number; cashBackCents: number; refunds: Array<{ state: string; amountCents: number }> }>(a, 'cashier', 'exchange:confirm', { saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }], reason: 'changed mind', pin: '1234' });
    expect(done).toMatchObject({ creditCents: 565, stillDueCents: 0, cashBackCents: 565, refunds: [{ state: 'succeeded', amountCents: 565 }] });
    expect(await value<Sale>(a, 'cashier', 'sale:current')).toMatchObject({ status: 'paid', dueCents: 0, credits: [{ fromSaleId: old.id, amountCents: 565 }] });
  });
});

describe('a return without a receipt at the till', () => {
  it('a catalog item back in cash on a manager\'s PIN only; a supervisor\'s or the cashier\'s is refused', async () => {
    const a = await app.start();
    await addSupervisor(a);
    const products = await value<Array<{ sku: string; priceCents: number }>>(a, 'cashier', 'catalog:search', { query: '' });
    const item = products[0];
    if (!item) throw new Error('the training catalog is empty');
    const quote = await value<{ valueCents: number; cashBackCents: number }>(a, 'cashier', 'return:quoteNoReceipt', { items: [{ code: item.sku, quantity: 2 }] });
    expect(quote.valueCents).toBeGreaterThan(item.priceCents * 2);
    expect(quote.cashBackCents % 5).toBe(0);
    expect(Math.abs(quote.cashBackCents - quote.valueCents)).toBeLessThanOrEqual(2);
    const request = { items: [{ code: item.sku, quantity: 2 }], reason: 'no receipt, unopened' };
    expect((await a.call('cashier', 'return:noReceipt', { ...request, pin: '1111' })).error?.code).toBe('APPROVAL_NOT_ALLOWED');
    expect((await a.call('cashier', 'return:noReceipt', { ...request, pin: SUPERVISOR_PIN })).error?.code).toBe('APPROVAL_NOT_ALLOWED');
    expect((await a.call('cashier', 'return:noReceipt', { items: [{ code: 'NO-SUCH-ITEM', quantity: 1 }], reason: 'x-ray', pin: '1234' })).error?.code).toBe('UNKNOWN_PRODUCT');
    const done = await value<{ returnId: number; cashBackCents: number }>(a, 'cashier', 'return:noReceipt', { ...request, pin: '1234' });
    expect(done.cashBackCents).toBe(quote.cashBackCents);
    const db = new Database(join(a.dataDir, JOURNAL_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT kind, approved_by AS approvedBy, cash_back_cents AS cash FROM returns WHERE id = ?').get(done.returnId)).toEqual({ kind: 'no-receipt', approvedBy: 'manager', cash: quote.cashBackCents });
      // No printer is set up: nothing to kick, so no drawer opening is journaled.
      expect((db.prepare('SELECT count(*) AS n FROM drawer_openings').get() as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('cash back at the till opens the drawer, through the printing service', () => {
  it('a return without a receipt and an exchange with cash back each pulse the drawer once, journaled with who approved; the slip lists the lines', async () => {
    const printer = await startPrinterListener();
    try {
      const a = await app.start();
      const { session } = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
      await value(a, 'manager', 'printer:save', { session, target: `127.0.0.1:${printer.port}`, columns: 48, codepage: 'cp863', language: 'esc-pos', cjk: false, drawer: true });
      const old = await paidSale(a);
      await until(() => decodeEscPos(printer.bytes()).commands.some((c) => c.op === 'pulse'), 'the cash sale\'s pulse');
      printer.clear();

      const products = await value<Array<{ sku: string }>>(a, 'cashier', 'catalog:search', { query: '' });
      await value(a, 'cashier', 'return:noReceipt', { items: [{ code: products[0]?.sku ?? 'LATTE', quantity: 1 }], reason: 'no receipt', pin: '1234' });
      expect(decodeEscPos(printer.bytes()).commands.filter((c) => c.op === 'pulse')).toHaveLength(1);
      printer.clear();

      await value(a, 'cashier', 'sale:new');
      await value(a, 'cashier', 'sale:addCustom', { name: 'Small cake', amountCents: 500 });
      await value(a, 'cashier', 'exchange:confirm', { saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }], reason: 'changed mind', pin: '1234' });
      // The refund slip of the cash given back lists the cake that came back (× prints as x in cp863).
      await until(() => printer.jobs().some((j) => printedText(decodeEscPos(j)).some((l) => l.includes('Items returned'))), 'the refund slip');
      const slip = printer.jobs().find((j) => printedText(decodeEscPos(j)).some((l) => l.includes('Items returned')));
      const slipText = printedText(decodeEscPos(slip ?? new Uint8Array()));
      expect(slipText.some((l) => /^ +1 [×x] Cake +\$11\.30$/.test(l)), slipText.join('\n')).toBe(true);
      // Of the $11.30, $5.65 paid the small cake (sale 2) and $5.65 came back in cash.
      expect(slipText.some((l) => /^Credited to sale #2 +\$5\.65$/.test(l)), slipText.join('\n')).toBe(true);
      expect(slipText.some((l) => /^Refunded · Cash +-\$5\.65$/.test(l)), slipText.join('\n')).toBe(true);
      expect(decodeEscPos(printer.bytes()).commands.filter((c) => c.op === 'pulse')).toHaveLength(1);
    } finally {
      await printer.close();
    }
    const journal = openJournal({ file: join(app.dataDir, JOURNAL_FILE), clock: systemClock, terminalId: 'T1', readOnly: true });
    try {
      const openings = drawerOpenings(journal).reverse();
      expect(openings.map((o) => [o.reason, o.result, o.approvedBy])).toEqual([['cash-sale', 'sent', null], ['return-without-receipt', 'sent', 'manager'], ['exchange-cash-back', 'sent', 'manager']]);
    } finally {
      journal.close();
    }
  });
});
