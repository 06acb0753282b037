// Returns by line through the screens (docs/register.md "Returns and exchanges"), in real Chromium: a sale of three
// different items paid by wallet at the counter; on the manager screen the receipt's barcode is scanned into the
// search field (a keyboard-wedge scanner types the code and Enter), one line of three is returned: the amount is that
// line's price plus its tax, back on the wallet; the sale then shows the line as returned and it cannot be picked
// again (and main refuses it if asked anyway). Screenshots at 1024x768 in en-CA and fr-CA.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { receiptCode } from '../../preload/receipt-code.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { MANAGER_PIN, addProduct, cad, expectNoTechnicalText, inCash, payCash, readJournal, taxed, typeWalletCode, waitForPaid } from './support/truth-helpers.js';

const ITEMS = [
  { name: 'Latte', priceCents: 495 },
  { name: 'Blueberry muffin', priceCents: 325 },
  { name: 'Pork dumplings (8)', priceCents: 895 },
];
// HST 13% of 17.15 = 222.95 → 2.23, once per sale. The muffin's share (docs/register.md "Returns and exchanges",
// largest remainder over the lines' nets): 223 × 325 / 1715 = 42.26 → 42 (the dumplings take the cent left over).
const MUFFIN_TAX = 42;
const MUFFIN_BACK = 325 + MUFFIN_TAX;

async function unlock(manager: Page): Promise<void> {
  await manager.getByTestId('pin-input').fill(MANAGER_PIN);
  await manager.getByTestId('pin-submit').click();
  await manager.getByTestId('tab-refunds').click();
}

async function shot(page: Page, name: string, locale: 'en-CA' | 'fr-CA'): Promise<void> {
  await page.getByTestId('locale-select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain(DICTIONARIES[locale]['return.lines']);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${locale}.png`) });
}

describe.skipIf(!E2E_READY)('returns by line on the manager screen', () => {
  it('one line of three returned by scanning the receipt: its price plus its tax, back on the wallet, and never again', async () => {
    const rig = await tillForThisTest();
    const cashier = await rig.open('cashier');
    await startSale(cashier);
    for (const item of ITEMS) await addProduct(cashier, item.name);
    const total = taxed(...ITEMS.map((i) => i.priceCents));
    expect(total).toBe(1938);
    await typeWalletCode(cashier, walletCode('WX', '01'));
    await waitForPaid(cashier);
    const sale = readJournal(rig.dataDir).sales.at(-1) as { id: number; status: string; terminal_id?: string };
    expect(sale.status).toBe('paid');

    const manager = await rig.open('manager', { width: 1024, height: 768 });
    await unlock(manager);
    // The receipt scanner is a keyboard wedge: the search field has the focus; the code arrives as keys and Enter.
    const code = receiptCode({ terminalId: String(sale.terminal_id), saleId: sale.id });
    await expect.poll(() => manager.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('refund-search');
    await manager.keyboard.type(code, { delay: 5 });
    await manager.keyboard.press('Enter');
    const panel = manager.locator(`[data-testid="return-lines"][data-sale-id="${sale.id}"]`);
    await panel.waitFor({ timeout: 10_000 });
    expect(await manager.getByTestId('return-lines').count(), 'the receipt code finds exactly its sale').toBe(1);
    expect(await panel.getByTestId('return-line').count()).toBe(3);

    // Pick the muffin, line 2 of 3: main prices it.
    const muffin = panel.locator('[data-testid="return-line"][data-line-no="2"]');
    await muffin.getByTestId('return-line-pick').check();
    await expect.poll(() => manager.getByTestId('return-total').getAttribute('data-cents'), { timeout: 10_000 }).toBe(String(MUFFIN_BACK));
    expect(await manager.getByTestId('return-tax').getAttribute('data-cents')).toBe(String(MUFFIN_TAX));
    expect(await manager.getByTestId('return-total').innerText()).toContain(cad(MUFFIN_BACK));
    expect(await manager.getByTestId('return-tenders').innerText()).toContain(cad(MUFFIN_BACK));
    await manager.getByTestId('return-reason').fill('stale muffin');
    await shot(manager, 'return-pick', 'en-CA');
    await shot(manager, 'return-pick', 'fr-CA');
    await manager.getByTestId('locale-select').selectOption('en-CA');
    await manager.getByTestId('return-submit').click();

    // Done: the amount, the wallet refunded at the gateway, and the sale shows the line as returned.
    await expect.poll(() => manager.getByTestId('return-status').getAttribute('data-cents'), { timeout: 15_000 }).toBe(String(MUFFIN_BACK));
    await expect.poll(() => panel.locator('[data-testid="return-line"][data-line-no="2"]').getAttribute('data-left'), { timeout: 10_000 }).toBe('0');
    expect(await panel.locator('[data-testid="return-line"][data-line-no="2"]').getByTestId('return-line-pick').count(), 'a returned line cannot be picked again').toBe(0);
    expect(await panel.locator('[data-testid="return-line"][data-line-no="2"]').innerText()).toContain('Returned');
    expect(await panel.locator('[data-testid="return-line"][data-line-no="1"]').getByTestId('return-line-pick').count()).toBe(1);
    await expect.poll(async () => (await rig.control.ledger()).refunds.map((r) => ('refundAmount' in r ? r.refundAmount : r.amount)), { timeout: 10_000 }).toEqual([MUFFIN_BACK]);
    const journal = readJournal(rig.dataDir);
    expect(journal.refunds.map((r) => [r.amount_cents, r.state])).toEqual([[MUFFIN_BACK, 'succeeded']]);
    await expectNoTechnicalText(manager, 'manager refunds after a return');
    await expect.poll(() => manager.locator('body').innerText()).toContain(DICTIONARIES['en-CA']['return.allReturned']);
    await manager.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => manager.locator('body').innerText()).toContain(DICTIONARIES['fr-CA']['return.allReturned']);
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'return-done-fr-CA.png') });
    await manager.getByTestId('locale-select').selectOption('en-CA');
    await expect.poll(() => manager.locator('body').innerText()).toContain(DICTIONARIES['en-CA']['return.allReturned']);
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'return-done-en-CA.png') });

    // Asked again anyway (a stale screen, a script): main refuses it, typed, and nothing more is refunded.
    const unlocked = await rig.host.invoke('manager', 'manager:unlock', { pin: MANAGER_PIN });
    expect(unlocked.ok).toBe(true);
    const session = (unlocked as { ok: true; value: { session: string } }).value.session;
    const again = await rig.host.invoke('manager', 'refund:returnLines', { session, saleId: sale.id, lines: [{ lineNo: 2, quantity: 1 }], reason: 'again' });
    expect(again).toMatchObject({ ok: false, error: { code: 'RETURN_EXCEEDS_SOLD' } });
    expect(readJournal(rig.dataDir).refunds).toHaveLength(1);
  });

  it('an exchange: the returned line pays the sale open at the counter; the customer pays only the difference', async () => {
    const rig = await tillForThisTest();
    const cashier = await rig.open('cashier');
    await startSale(cashier);
    for (const item of ITEMS) await addProduct(cashier, item.name);
    await typeWalletCode(cashier, walletCode('WX', '01'));
    await waitForPaid(cashier);
    const old = readJournal(rig.dataDir).sales.at(-1) as { id: number; terminal_id?: string };
    // The customer brings the dumplings back and takes a bubble tea and a sandwich instead: 14.20 + HST 1.85 = 16.05.
    await startSale(cashier);
    await addProduct(cashier, 'Bubble tea');
    await addProduct(cashier, 'Ham and cheese sandwich');
    const newTotal = taxed(625, 795);
    expect(newTotal).toBe(1605);
    // The dumplings' share: 8.95 + HST 2.23 × 895 / 1715 = 116.4 → 117 (the largest remainder): 10.12.
    const credit = 895 + 117;

    const manager = await rig.open('manager', { width: 1024, height: 768 });
    await unlock(manager);
    await manager.getByTestId('refund-search').fill(receiptCode({ terminalId: String(old.terminal_id), saleId: old.id }));
    await manager.getByTestId('refund-find').click();
    const panel = manager.locator(`[data-testid="return-lines"][data-sale-id="${old.id}"]`);
    await panel.locator('[data-testid="return-line"][data-line-no="3"]').getByTestId('return-line-pick').check();
    await expect.poll(() => manager.getByTestId('return-total').getAttribute('data-cents'), { timeout: 10_000 }).toBe(String(credit));
    await manager.getByTestId('return-reason').fill('exchanged for lunch');
    await manager.getByTestId('exchange-ask').click();
    const quote = manager.getByTestId('exchange-quote');
    await expect.poll(() => quote.getAttribute('data-still-due'), { timeout: 10_000 }).toBe(String(newTotal - credit));
    expect(await quote.getAttribute('data-credit')).toBe(String(credit));
    expect(await quote.innerText()).toContain(cad(newTotal - credit));
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'return-exchange-en-CA.png') });
    await manager.getByTestId('exchange-submit').click();
    await expect.poll(() => manager.getByTestId('exchange-status').getAttribute('data-credit'), { timeout: 10_000 }).toBe(String(credit));

    // The counter shows only the difference due, and takes it in cash (5¢-rounded): 5.93 → 5.95.
    await expect.poll(() => cashier.getByTestId('sale-due').innerText(), { timeout: 10_000 }).toBe(cad(newTotal - credit));
    await payCash(cashier, 1000);
    await waitForPaid(cashier);
    const journal = readJournal(rig.dataDir);
    expect(journal.sales.map((x) => x.status)).toEqual(['paid', 'paid']);
    expect(journal.refunds, 'nothing went back to the wallet: the credit paid the new sale').toEqual([]);
    const cashAttempt = journal.attempts.find((a) => a.tender === 'cash');
    expect(cashAttempt).toMatchObject({ state: 'succeeded', amount_cents: inCash(newTotal - credit) });
  });

  it('without a receipt: an item typed by barcode, at today’s price and tax, paid back in cash rounded to 5¢', async () => {
    const rig = await tillForThisTest();
    const manager = await rig.open('manager', { width: 1024, height: 768 });
    await unlock(manager);
    await manager.getByTestId('return-mode-no-receipt').click();
    await manager.getByTestId('no-receipt-code').fill(latte.gtin);
    await manager.getByTestId('no-receipt-add').click();
    // $4.95 + HST 13% 0.64 = $5.59, $5.60 in cash.
    const back = inCash(taxed(latte.priceCents));
    expect(back).toBe(560);
    await expect.poll(() => manager.getByTestId('no-receipt-total').getAttribute('data-cents'), { timeout: 10_000 }).toBe(String(back));
    await manager.getByTestId('no-receipt-reason').fill('gift, no receipt');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'return-no-receipt-en-CA.png') });
    await manager.getByTestId('no-receipt-submit').click();
    await expect.poll(() => manager.getByTestId('no-receipt-done').innerText(), { timeout: 10_000 }).toContain(cad(back));
    await expectNoTechnicalText(manager, 'manager return without a receipt');
    const db = new Database(join(rig.dataDir, 'journal.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT kind, sale_id, value_cents, tax_cents, cash_back_cents, reason FROM returns').all()).toEqual([{ kind: 'no-receipt', sale_id: null, value_cents: 559, tax_cents: 64, cash_back_cents: 560, reason: 'gift, no receipt' }]);
    } finally {
      db.close();
    }
  });
});
