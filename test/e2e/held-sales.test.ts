// Held (parked) sales in Chromium (docs/register.md "Held sales"): the cashier rings up two items, parks the sale,
// rings up and pays the next customer, reloads the page (the parked sale is still listed: it lives in the journal),
// resumes the parked sale and pays it. The journal has both paid sales and the park/resume events, and verify agrees.
// Screenshots at 1024x768 in en-CA and zh-CN under test-results/screens/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../main/app/demo-catalog.js';
import { verifyJournalFile } from '../../main/journal/verify-file.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, muffin, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, cad, expectNeverTechnical, inCash, MANAGER_PIN, payCash, readJournal, readyAtTill, taxed } from './support/truth-helpers.js';

const cookie = demoProducts().find((p) => p.sku === 'COOKIE')!;
const SIZE = { width: 1024, height: 768 };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

const parkedRows = (page: Page) => page.getByTestId('parked-row');

describe.skipIf(!E2E_READY)('held sales at the counter', () => {
  it('park a two-item sale, pay the next one, reload, resume the parked sale and pay it', async () => {
    const rig = await tillForThisTest();
    const cashier = await rig.open('cashier', SIZE);
    await readyAtTill(rig, cashier);
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await addProduct(cashier, muffin.name);
    const heldTotal = taxed(latte.priceCents, muffin.priceCents);
    await expect.poll(() => cashier.getByTestId('sale-total').first().innerText()).toBe(cad(heldTotal));
    await shot(cashier, 'held-sales-ringing-en-CA');

    await cashier.getByTestId('park-sale').click();
    await expect.poll(() => cashier.getByTestId('sale-line').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => cashier.getByTestId('parked-toggle').innerText()).toBe('Parked (1)');
    expect(await cashier.getByTestId('park-sale').isDisabled()).toBe(true);

    // The next customer: a cookie, paid in cash.
    await addProduct(cashier, cookie.name);
    const nextTotal = taxed(cookie.priceCents);
    await payCash(cashier, 500);
    await cashier.getByTestId('new-sale').waitFor({ timeout: 10_000 });

    // A reload (or a restart): the parked sale is still listed, from the journal.
    await cashier.reload();
    await readyAtTill(rig, cashier);
    await expect.poll(() => cashier.getByTestId('parked-toggle').innerText(), { timeout: 10_000 }).toBe('Parked (1)');
    await cashier.getByTestId('parked-toggle').click();
    await expect.poll(() => parkedRows(cashier).count()).toBe(1);
    expect(await parkedRows(cashier).first().getByTestId('parked-total').innerText()).toBe(cad(heldTotal));
    await shot(cashier, 'held-sales-list-en-CA');

    // In Chinese too (the screen's own language switch).
    await cashier.getByTestId('locale-select').selectOption('zh-CN');
    await expect.poll(() => cashier.getByTestId('parked-toggle').innerText()).toBe('已挂单（1）');
    await shot(cashier, 'held-sales-list-zh-CN');
    await cashier.getByTestId('locale-select').selectOption('en-CA');

    await parkedRows(cashier).first().getByTestId('parked-resume').click();
    await expect.poll(() => cashier.getByTestId('sale-line').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => cashier.getByTestId('sale-total').first().innerText()).toBe(cad(heldTotal));
    await expect.poll(() => cashier.getByTestId('parked-toggle').innerText()).toBe('Parked (0)');
    await payCash(cashier, 2000);
    await cashier.getByTestId('new-sale').waitFor({ timeout: 10_000 });
    await expectNeverTechnical(cashier, 'cashier');

    const journal = readJournal(rig.dataDir);
    const paid = journal.sales.filter((s) => s.status === 'paid');
    expect(paid.map((s) => s.total_cents).sort((a, b) => a - b)).toEqual([nextTotal, heldTotal].sort((a, b) => a - b));
    expect(journal.attempts.filter((a) => a.state === 'succeeded').map((a) => a.amount_cents).sort((a, b) => a - b)).toEqual([inCash(nextTotal), inCash(heldTotal)].sort((a, b) => a - b));
    expect(verifyJournalFile(join(rig.dataDir, 'journal.sqlite'))).toMatchObject({ ok: true });
  }, 90_000);

  it('the manager chooses the province in Settings; the next sale is taxed for it; the Z lists the sale left parked', async () => {
    const rig = await tillForThisTest();
    const manager = await rig.open('manager', SIZE);
    await manager.getByTestId('pin-input').fill(MANAGER_PIN);
    await manager.getByTestId('pin-submit').click();
    await manager.getByTestId('tab-settings').click();
    const province = manager.getByTestId('settings-province');
    await expect.poll(() => province.inputValue(), { timeout: 10_000 }).toBe('ON');
    expect(await province.locator('option').count()).toBe(13);
    await province.selectOption('QC');
    await province.scrollIntoViewIfNeeded();
    await shot(manager, 'held-sales-settings-province-en-CA');
    await manager.getByTestId('locale-select').selectOption('zh-CN');
    await expect.poll(() => province.locator('option:checked').innerText()).toBe('魁北克省 (QC)');
    await province.scrollIntoViewIfNeeded();
    await shot(manager, 'held-sales-settings-province-zh-CN');
    await manager.getByTestId('locale-select').selectOption('en-CA');
    await manager.getByTestId('settings-save').click();
    await expect.poll(() => manager.locator('body').innerText(), { timeout: 10_000 }).toContain('Sales opened from now on are taxed for Quebec.');

    // The cashier's next sale: Quebec's GST 5% and QST 9.975% on a latte ($4.95: 0.25 + 0.49 = $5.69); parked.
    const cashier = await rig.open('cashier', SIZE);
    await readyAtTill(rig, cashier);
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await expect.poll(() => cashier.getByTestId('sale-total').first().innerText(), { timeout: 10_000 }).toBe(cad(569));
    expect(await cashier.getByTestId('sale-tax').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))).toEqual(['GST', 'QST']);
    await cashier.getByTestId('park-sale').click();
    await expect.poll(() => cashier.getByTestId('parked-toggle').innerText(), { timeout: 10_000 }).toBe('Parked (1)');

    // The Z: the parked sale is listed with its number, cashier and amount; no sale was paid.
    await manager.getByTestId('tab-close').click();
    await manager.getByTestId('counted-cash').fill('0');
    await manager.getByTestId('close-day').click();
    await manager.getByTestId('close-day-confirm').click();
    await manager.getByTestId('z-parked').waitFor({ timeout: 10_000 });
    const row = manager.getByTestId('z-parked-row');
    expect(await row.count()).toBe(1);
    expect((await row.first().innerText()).replace(/\s+/g, ' ').trim()).toMatch(/^Sale #\d+ · \S+ \$5\.69$/);
    expect(await row.first().getByTestId('z-parked-amount').innerText()).toBe(cad(569));
    await manager.getByTestId('z-parked').scrollIntoViewIfNeeded();
    await shot(manager, 'held-sales-z-en-CA');
    await expectNeverTechnical(manager, 'manager');
  }, 90_000);
});
