// Receipts on paper and the cash drawer through the screens (docs/printing.md), in real Chromium through the browser
// host at 1024x768, with a real TCP listener on 127.0.0.1 playing the network printer: a cash sale opens the drawer
// and prints the receipt the screen shows, line for line; paper out is told to the cashier in words, the sale stays
// paid, and "Print again" prints it once paper is back; the manager reprints a sale from Receipts (REPRINT on the
// paper) and sets the printer up in Settings with a test page.
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { decodeEscPos, indexOfOp, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener, type PrinterListener } from '../support/printer-listener.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, cad, expectNeverTechnical, inCash, MANAGER_PIN, payCash, readJournal, taxed } from './support/truth-helpers.js';

const SIZE = { width: 1024, height: 768 };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `printing-${name}.png`) });
}

async function printerForThisTest(mode: Parameters<typeof startPrinterListener>[0] = 'ok'): Promise<PrinterListener> {
  const printer = await startPrinterListener(mode);
  onTestFinished(() => printer.close());
  return printer;
}

/** The on-screen receipt's lines as the paper has them: trailing spaces off, the printer's look-alikes for − and spaces. */
async function screenLines(page: Page): Promise<string[]> {
  const lines = await page.getByTestId('receipt').locator('.receipt-paper-line').allInnerTexts();
  return lines.map((l) => l.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-').trimEnd()).filter((l) => l.trim() !== '');
}

async function unlockManager(page: Page): Promise<void> {
  await page.getByTestId('pin-input').fill(MANAGER_PIN);
  await page.getByTestId('pin-submit').click();
}

describe.skipIf(!E2E_READY)('receipts on paper and the cash drawer', () => {
  it('a cash sale opens the drawer and prints the receipt the screen shows, line for line', async () => {
    const printer = await printerForThisTest();
    const rig = await tillForThisTest({ settings: { storeName: 'Café Noël', storeAddress: '12 rue Sainte-Catherine', printer: { target: printer.url } } });
    const cashier = await rig.open('cashier', SIZE);
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    const total = taxed(latte.priceCents);
    await payCash(cashier, 2000);
    await cashier.getByTestId('receipt').getByTestId('receipt-total').waitFor({ timeout: 15_000 });
    expect(await cashier.getByTestId('receipt').getByTestId('receipt-total').innerText()).toBe(cad(total));

    const [kick, receipt] = await printer.waitForJobs(2, 15_000);
    const drawer = decodeEscPos(kick as Uint8Array);
    expect(drawer.commands.filter((c) => c.op === 'pulse')).toEqual([{ op: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);
    expect(printedText(drawer)).toEqual([]);
    const paper = decodeEscPos(receipt as Uint8Array);
    const printed = printedText(paper);
    expect(printed.some((l) => l.trim() === 'Café Noël')).toBe(true);
    expect(printed.some((l) => new RegExp(`^Change due +\\${cad(2000 - inCash(total))}$`).test(l))).toBe(true);
    expect(printed.filter((l) => l.includes('TRAINING'))).toHaveLength(2);
    expect(indexOfOp(paper, 'pulse')).toBe(-1);
    expect(paper.commands.filter((c) => c.op === 'cut')).toHaveLength(1);
    const saleId = readJournal(rig.dataDir).sales[0]?.id as number;
    const terminalId = (JSON.parse(readFileSync(join(rig.dataDir, 'settings.json'), 'utf8')) as { terminalId: string }).terminalId;
    expect(paper.commands.find((c) => c.op === 'barcode')).toMatchObject({ data: `R${terminalId}-${saleId}` });
    // One renderer: every line on the screen is on the paper, in the same order.
    expect(printed.map((l) => l.replace('×', 'x'))).toEqual((await screenLines(cashier)).map((l) => l.replace('×', 'x')));
    expect(await cashier.getByTestId('print-problem').count()).toBe(0);
    await shot(cashier, 'cash-sale-receipt-1024');
    // The screen's receipt speaks the screen's language; the paper kept the store's.
    await cashier.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => cashier.getByTestId('receipt').innerText(), { timeout: 10_000 }).toContain('Monnaie à rendre');
    await cashier.getByTestId('receipt').scrollIntoViewIfNeeded();
    await shot(cashier, 'receipt-fr-CA-1024');
    await expectNeverTechnical(cashier, 'cashier');
  }, 90_000);

  it('paper out: the cashier is told in words, the sale stays paid, and "Print again" prints it once paper is back', async () => {
    const printer = await printerForThisTest('paper-out');
    const rig = await tillForThisTest({ settings: { printer: { target: printer.url } } });
    const cashier = await rig.open('cashier', SIZE);
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await payCash(cashier, 2000);
    const problem = cashier.getByTestId('print-problem');
    await problem.waitFor({ timeout: 15_000 });
    expect(await problem.getAttribute('data-fault')).toBe('paper-out');
    expect(await cashier.getByTestId('print-fault').innerText()).toContain('out of paper');
    expect(readJournal(rig.dataDir).sales.map((s) => s.status)).toEqual(['paid']);
    await shot(cashier, 'paper-out-1024');
    // The next sale is not blocked by the slip that waits.
    await expect.poll(() => cashier.getByTestId('new-sale').isEnabled()).toBe(true);
    printer.clear();
    printer.setMode('ok');
    await cashier.getByTestId('print-retry').click();
    await expect.poll(() => problem.count(), { timeout: 10_000 }).toBe(0);
    const jobs = await printer.waitForJobs(1);
    expect(printedText(decodeEscPos(jobs.at(-1) as Uint8Array)).some((l) => l.startsWith('Total'))).toBe(true);

    // "Open the cash drawer" with no sale: a manager's PIN and a reason; the pulse reaches the printer, journaled.
    printer.clear();
    await cashier.getByTestId('drawer-open').click();
    await cashier.getByTestId('drawer-reason').fill('change for the float');
    await cashier.getByTestId('drawer-pin').fill(MANAGER_PIN);
    await shot(cashier, 'open-drawer-1024');
    await cashier.getByTestId('drawer-confirm').click();
    const [pulse] = await printer.waitForJobs(1, 10_000);
    expect(decodeEscPos(pulse as Uint8Array).commands.filter((c) => c.op === 'pulse')).toHaveLength(1);
    const db = new Database(join(rig.dataDir, 'journal.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT reason, result FROM drawer_openings ORDER BY id').all()).toEqual([
        { reason: 'cash-sale', result: 'sent' },
        { reason: 'manager: change for the float', result: 'sent' },
      ]);
    } finally {
      db.close();
    }
    await expectNeverTechnical(cashier, 'cashier');
  }, 90_000);

  it('the manager reprints a sale from Receipts: it arrives marked REPRINT; and sets the printer up with a test page', async () => {
    const printer = await printerForThisTest();
    const rig = await tillForThisTest({ settings: { printer: { target: printer.url } } });
    const cashier = await rig.open('cashier', SIZE);
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await payCash(cashier, 2000);
    await printer.waitForJobs(2, 15_000);
    const saleId = readJournal(rig.dataDir).sales[0]?.id as number;
    printer.clear();

    const manager = await rig.open('manager', SIZE);
    await unlockManager(manager);
    await manager.getByTestId('tab-receipts').click();
    await manager.getByTestId('receipts-query').fill(String(saleId));
    await manager.getByTestId('receipts-find').click();
    const row = manager.locator(`[data-testid="receipts-sale"][data-sale-id="${saleId}"]`);
    await row.waitFor({ timeout: 10_000 });
    await shot(manager, 'receipts-1024');
    await row.getByTestId('receipts-reprint').click();
    const [reprint] = await printer.waitForJobs(1, 15_000);
    const text = printedText(decodeEscPos(reprint as Uint8Array)).map((l) => l.trim());
    expect(text).toContain('*** REPRINT ***');
    expect(text.some((l) => l.startsWith('REPRINT · Printed'))).toBe(true);

    printer.clear();
    await manager.getByTestId('tab-settings').click();
    const setup = manager.getByTestId('printer-setup');
    await setup.waitFor({ timeout: 10_000 });
    await expect.poll(() => manager.getByTestId('printer-address').inputValue(), { timeout: 10_000 }).toBe(`127.0.0.1:${printer.port}`);
    await manager.getByTestId('printer-width').selectOption('32');
    await manager.getByTestId('printer-codepage').selectOption('cp863');
    await setup.scrollIntoViewIfNeeded();
    await shot(manager, 'printer-setup-1024');
    await manager.getByTestId('printer-test').click();
    const [test] = await printer.waitForJobs(1, 15_000);
    const d = decodeEscPos(test as Uint8Array);
    expect(d.commands.find((c) => c.op === 'codepage')).toEqual({ op: 'codepage', n: 4 });
    expect(printedText(d).some((l) => l.includes('PRINTER TEST'))).toBe(true);
    expect(printedText(d).every((l) => l.length <= 32)).toBe(true);
    expect(printedText(d)).toContain('Accents: é è ê à ç ô û É À Ç');

    // The day close prints its Z on the paper by itself; the button prints a copy marked REPRINT.
    printer.clear();
    await manager.getByTestId('tab-close').click();
    await manager.getByTestId('counted-cash').fill('5.60');
    await manager.getByTestId('close-day').click();
    await manager.getByTestId('close-day-confirm').click();
    await manager.getByTestId('z-report').waitFor({ timeout: 10_000 });
    const [zSlip] = await printer.waitForJobs(1, 15_000);
    const zLines = printedText(decodeEscPos(zSlip as Uint8Array)).map((l) => l.trim());
    expect(zLines).toContain('Z REPORT');
    expect(zLines).not.toContain('*** REPRINT ***');
    expect(zLines.some((l) => /^HST +\$\d+\.\d\d$/.test(l))).toBe(true);
    printer.clear();
    await manager.getByTestId('z-print').click();
    const [zCopy] = await printer.waitForJobs(1, 15_000);
    const copyLines = printedText(decodeEscPos(zCopy as Uint8Array)).map((l) => l.trim());
    expect(copyLines).toContain('Z REPORT');
    expect(copyLines).toContain('*** REPRINT ***');
    await expectNeverTechnical(manager, 'manager');
  }, 120_000);
});
