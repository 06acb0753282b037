// Tax rate overrides in Chromium (docs/register.md "Rate overrides"): with a sale open at the till, the manager
// overrides Ontario's HST to 15% from today in Manager → Settings, with why; the open sale keeps HST 13% and is paid
// at it; the cashier's next sale shows HST 15%. The override is journaled with who and why, verify agrees, and the
// manager removes it again. Screenshots at 1024x768 in en-CA and fr-CA under test-results/screens/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { verifyJournalFile } from '../../main/journal/verify-file.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, muffin, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, cad, expectNeverTechnical, inCash, MANAGER_PIN, payCash, taxed } from './support/truth-helpers.js';

const SIZE = { width: 1024, height: 768 };

/** The section's heading just under the screen's sticky top bar, then the shot. */
async function shotOf(page: Page, testId: string, name: string, above = 130): Promise<void> {
  await page.getByTestId(testId).evaluate((el, px) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -px);
  }, above);
  await shot(page, name);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Text with French's (narrow) no-break spaces, and any run of white space, as one plain space. */
const plain = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const taxRows = async (page: Page) => (await page.getByTestId('sale-tax').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-code')} ${r.getAttribute('data-rate')} ${(r.firstElementChild as HTMLElement | null)?.innerText ?? ''}`))).map(plain);
const charged = async (page: Page, code: string) => plain(await page.locator(`[data-testid="tax-rate-row"][data-code="${code}"]`).getByTestId('tax-rate-charged').innerText());

describe.skipIf(!E2E_READY)('tax rate overrides', () => {
  it('the manager overrides HST to 15% from today; the open sale keeps 13%; the next sale shows HST 15%; removed again', async () => {
    const rig = await tillForThisTest();
    // A sale open before the override: a latte at HST 13%.
    const cashier = await rig.open('cashier', SIZE);
    await cashier.getByTestId('sale-total').waitFor({ timeout: 15_000 });
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    const openTotal = taxed(latte.priceCents);
    await expect.poll(() => cashier.getByTestId('sale-total').first().innerText(), { timeout: 10_000 }).toBe(cad(openTotal));
    expect(await taxRows(cashier)).toEqual(['HST 13000 HST 13%']);

    const manager = await rig.open('manager', SIZE);
    await manager.getByTestId('pin-input').fill(MANAGER_PIN);
    await manager.getByTestId('pin-submit').click();
    await manager.getByTestId('tab-settings').click();
    const section = manager.getByTestId('tax-rates');
    await section.waitFor({ timeout: 10_000 });
    await expect.poll(() => charged(manager, 'HST'), { timeout: 10_000 }).toBe('13%');
    expect(await manager.getByTestId('tax-overrides-none').innerText()).toBe("No override: every rate is the table's.");
    await manager.getByTestId('tax-override-code').selectOption('HST');
    await manager.getByTestId('tax-override-rate').fill('15');
    await manager.getByTestId('tax-override-reason').fill('Provincial budget: HST up');
    const today = await manager.getByTestId('tax-override-from').inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await manager.getByTestId('tax-override-save').click();
    await expect.poll(() => charged(manager, 'HST'), { timeout: 10_000 }).toBe('15%');
    const toast = manager.getByTestId('info-toast');
    expect(await toast.innerText()).toContain(`HST is 15% for sales opened from ${today}.`);
    await toast.getByRole('button').click();
    await expect.poll(() => toast.count()).toBe(0);
    expect(await manager.locator('[data-testid="tax-rate-row"][data-code="HST"]').getByTestId('tax-rate-table').innerText()).toBe('13%');
    const row = manager.getByTestId('tax-override-row');
    expect(await row.count()).toBe(1);
    expect(await row.first().getAttribute('data-status')).toBe('in-force');
    expect(plain(await row.first().innerText())).toContain(`HST 15% from ${today} (table 13%) · In force`);
    await shotOf(manager, 'tax-rates', 'tax-rates-override-en-CA');
    await manager.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => section.locator('h3').innerText()).toBe('Taux de taxe');
    expect(await charged(manager, 'HST')).toBe('15 %');
    expect(plain(await row.first().innerText())).toContain(`TVH 15 % à partir du ${today} (table 13 %) · En vigueur`);
    await shotOf(manager, 'tax-rates', 'tax-rates-override-fr-CA');
    await manager.getByTestId('locale-select').selectOption('en-CA');

    // The open sale keeps HST 13% and is paid at it.
    await addProduct(cashier, muffin.name);
    await expect.poll(() => cashier.getByTestId('sale-total').first().innerText(), { timeout: 10_000 }).toBe(cad(taxed(latte.priceCents, muffin.priceCents)));
    expect(await taxRows(cashier)).toEqual(['HST 13000 HST 13%']);
    await payCash(cashier, 2000);
    await cashier.getByTestId('new-sale').waitFor({ timeout: 10_000 });

    // The next sale: HST 15% on a latte, $4.95 + 74¢ = $5.69.
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await expect.poll(() => cashier.getByTestId('sale-total').first().innerText(), { timeout: 10_000 }).toBe(cad(569));
    expect(await taxRows(cashier)).toEqual(['HST 15000 HST 15%']);
    expect(await cashier.getByTestId('sale-tax-amount').innerText()).toBe(cad(74));
    await shot(cashier, 'tax-rates-next-sale-en-CA');
    await cashier.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => taxRows(cashier)).toEqual(['HST 15000 TVH 15 %']);
    await shot(cashier, 'tax-rates-next-sale-fr-CA');
    await cashier.getByTestId('locale-select').selectOption('en-CA');
    await payCash(cashier, 1000);
    await cashier.getByTestId('new-sale').waitFor({ timeout: 10_000 });

    // The manager removes it, with why: sales opened after are taxed at the table's 13% again.
    await row.first().getByTestId('tax-override-remove').click();
    await manager.getByTestId('tax-override-remove-reason').fill('Budget not passed');
    await manager.getByTestId('tax-override-remove-confirm').click();
    await expect.poll(() => charged(manager, 'HST'), { timeout: 10_000 }).toBe('13%');
    expect(await row.first().getAttribute('data-status')).toBe('removed');
    expect(plain(await row.first().getByTestId('tax-override-status').innerText())).toMatch(/^Removed by .+: Budget not passed$/);
    await manager.getByTestId('info-toast').getByRole('button').click();
    await shotOf(manager, 'tax-rates-table', 'tax-rates-removed-en-CA', 180);
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await expect.poll(() => taxRows(cashier), { timeout: 10_000 }).toEqual(['HST 13000 HST 13%']);

    // The journal: two paid sales (13% and 15%), the override set and removed with who and why; verify agrees.
    const file = join(rig.dataDir, 'journal.sqlite');
    const db = new Database(file, { readonly: true });
    try {
      const paid = db.prepare(`SELECT s.total_cents AS total, t.rate_per_100k AS rate FROM sales s JOIN sale_taxes t ON t.sale_id = s.id AND t.code = 'HST' WHERE s.status = 'paid' ORDER BY s.id`).all();
      expect(paid).toEqual([{ total: taxed(latte.priceCents, muffin.priceCents), rate: 13_000 }, { total: 569, rate: 15_000 }]);
      const events = (db.prepare(`SELECT kind, payload FROM events WHERE entity = 'tax_override' ORDER BY seq`).all() as Array<{ kind: string; payload: string }>).map((e) => ({ kind: e.kind, ...(JSON.parse(e.payload) as Record<string, unknown>) }));
      expect(events).toEqual([
        expect.objectContaining({ kind: 'tax.override.set', province: 'ON', code: 'HST', ratePer100k: 15_000, tableRatePer100k: 13_000, effectiveFrom: today, reason: 'Provincial budget: HST up', approval: 'settings' }),
        expect.objectContaining({ kind: 'tax.override.removed', removalReason: 'Budget not passed', approval: 'settings' }),
      ]);
      expect(db.prepare(`SELECT amount_cents FROM attempts WHERE state = 'succeeded' ORDER BY id`).pluck().all()).toEqual([inCash(taxed(latte.priceCents, muffin.priceCents)), inCash(569)]);
    } finally {
      db.close();
    }
    expect(verifyJournalFile(file)).toMatchObject({ ok: true });
    await expectNeverTechnical(manager, 'manager');
    await expectNeverTechnical(cashier, 'cashier');
  }, 120_000);
});
