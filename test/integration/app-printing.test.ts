// The composed app prints (docs/printing.md): the manager saves a network printer; a paid sale queues and prints its
// receipt, a refund its slip; a cash sale opens the drawer; "open drawer" needs a manager's PIN and is journaled with
// who and why; the cashier's queue and its fault, retry and skip; receipt:document is the paper's layout; a reprint
// from the manager arrives marked REPRINT; the updater's guard counts what waits.
import { expect, it } from 'vitest';
import { drawerOpenings } from '../../main/journal/print-jobs.js';
import { openJournal } from '../../main/journal/database.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { systemClock } from '../../main/shared/clock.js';
import { composedAppPerTest, until } from '../support/composed-app.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener } from '../support/printer-listener.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { join } from 'node:path';

const app = composedAppPerTest('app-printing-');
const { call } = app;
const text = (job: Uint8Array | undefined) => printedText(decodeEscPos(job ?? new Uint8Array())).map((l) => l.trim());

it('receipts, refund slips, reprints, faults and the drawer, through the channels', async () => {
  const printer = await startPrinterListener();
  try {
    await app.start();
    const session = (await call('manager', 'manager:unlock', { pin: '1234' })).value!.session as string;
    const saved = await call('manager', 'printer:save', { session, target: `127.0.0.1:${printer.port}`, columns: 32, codepage: 'cp863', language: 'esc-pos', cjk: false, drawer: true });
    expect(saved.value).toMatchObject({ configured: true, kind: 'tcp', target: printer.url, columns: 32, fault: null, drawerOpen: false });
    printer.clear();

    // A wallet sale: its receipt, no drawer.
    await call('cashier', 'sale:addCustom', { name: 'Gift', amountCents: 2000 });
    const attempt = await call('cashier', 'payment:chargeByScan', { code: walletCode('ALIPAY', '01') });
    const saleId = attempt.value!.saleId as number;
    const [receipt] = await printer.waitForJobs(1);
    expect(text(receipt)).toContain('RECEIPT');
    expect(text(receipt).some((l) => /^Alipay \*{4}\d{4} +\$22\.60$/.test(l))).toBe(true);
    expect(decodeEscPos(receipt as Uint8Array).commands.some((c) => c.op === 'pulse')).toBe(false);
    const doc = await call('cashier', 'receipt:document', { saleId, locale: 'fr-CA' });
    expect(doc.value).toMatchObject({ columns: 32, training: true });
    expect((doc.value!.lines as Array<{ text: string }>).some((l) => l.text.startsWith('Vente no'))).toBe(false);
    expect((doc.value!.lines as Array<{ text: string }>).some((l) => l.text.includes(`Vente no ${saleId}`))).toBe(true);

    // The refund's slip.
    printer.clear();
    await call('manager', 'refund:create', { session, attemptId: attempt.value!.id, amountCents: 500, reason: 'damaged' });
    const [slip] = await printer.waitForJobs(1);
    expect(text(slip)).toContain('REFUND');
    // 32 columns: the wallet's last 4 digits wrap onto the next line.
    expect(text(slip).join(' ')).toMatch(/Refunded · Alipay +-\$5\.00 \*{4}\d{4}/);

    // Paper out on the next sale: queued with its fault, retried and printed; the reprint is marked.
    printer.clear();
    printer.setMode('paper-out');
    await call('cashier', 'sale:new', {});
    await call('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 300 });
    const cash = await call('cashier', 'payment:payCash', { tenderedCents: 500 });
    expect(cash.value).toMatchObject({ state: 'succeeded' });
    await until(async () => ((await call('cashier', 'printer:queue', {})).value as { fault: string | null }).fault === 'paper-out', 'the paper-out fault');
    expect(app.host.inFlight?.()).toMatchObject({ printQueue: 1 });
    printer.setMode('ok');
    expect((await call('cashier', 'printer:retry', {})).value).toMatchObject({ pending: 0, fault: null });
    expect(app.host.inFlight?.()).toMatchObject({ printQueue: 0 });
    const reprint = await call('manager', 'receipt:reprint', { session, saleId });
    expect(reprint.ok).toBe(true);
    await until(() => printer.jobs().some((j) => text(j).includes('*** REPRINT ***')), 'the reprint');

    // Open drawer: a wrong PIN opens nothing; the manager's opens it, journaled with who and why.
    printer.clear();
    expect((await call('cashier', 'drawer:open', { pin: '9999', reason: 'float' })).ok).toBe(false);
    const opened = await call('cashier', 'drawer:open', { pin: '1234', reason: 'change for the float' });
    expect(opened.value).toMatchObject({ result: 'sent' });
    expect(decodeEscPos(printer.bytes()).commands.filter((c) => c.op === 'pulse')).toHaveLength(1);
    const found = await call('manager', 'receipt:find', { session, query: String(saleId) });
    expect((found.value as unknown as Array<{ saleId: number }>).map((s) => s.saleId)).toEqual([saleId]);
    expect((await call('manager', 'printer:test', { session })).ok).toBe(true);

    // The Z, printed from the day close.
    printer.clear();
    const z = await call('manager', 'report:closeDay', { session, countedCashCents: 500 });
    expect(z.ok).toBe(true);
    expect((await call('manager', 'report:printZ', { session, zNumber: 99 })).error?.code).toBe('JOURNAL_NOT_FOUND');
    expect((await call('manager', 'report:printZ', { session, zNumber: z.value!.zNumber as number })).ok).toBe(true);
    await until(() => printer.jobs().some((j) => text(j).includes('Z REPORT')), 'the Z on paper');
    const zText = text(printer.jobs().find((j) => text(j).includes('Z REPORT')));
    expect(zText.some((l) => /^Counted cash +\$5\.00$/.test(l))).toBe(true);
  } finally {
    await printer.close();
  }
  const journal = openJournal({ file: join(app.dataDir, 'journal.sqlite'), clock: systemClock, terminalId: 'T1', readOnly: true });
  try {
    const openings = drawerOpenings(journal).reverse();
    expect(openings.map((o) => [o.reason, o.result])).toEqual([['cash-sale', 'sent'], ['manager: change for the float', 'sent']]);
    expect(openings[1]?.approvedBy).toBeTruthy();
    expect(rebuildAndCompare(journal.db).differences).toEqual([]);
  } finally {
    journal.close();
  }
});
