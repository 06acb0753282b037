// Discounts and price overrides in Chromium (docs/register.md "Discounts"), in the default Ontario store (HST 13%):
// a cashier gives a latte 10% off alone; 30% off the whole sale asks for the manager's PIN, and who approved is
// journaled; a new price for the muffin always asks for the PIN; the cashier screen and the customer display show each
// discount and the same totals, taxed on the discounted base; `journal verify` rebuilds it all from the events.
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../main/journal/events.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, muffin, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, cad, expectNeverTechnical, MANAGER_PIN, payCash, taxed, waitForPaid } from './support/truth-helpers.js';

const SIZE = { width: 1024, height: 768 };

const line = (page: Page, name: string) => page.getByTestId('sale-line').filter({ hasText: name });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `discounts-${name}.png`) });
}

/** Both screens show this total (and, when given, this subtotal and HST). */
async function expectTotals(pages: Array<[Page, string]>, totalCents: number, subtotalCents: number): Promise<void> {
  for (const [page, who] of pages) {
    await expect.poll(() => page.getByTestId('sale-total').first().innerText(), { timeout: 10_000, message: `${who} total` }).toBe(cad(totalCents));
    expect(await page.getByTestId('sale-subtotal').first().innerText(), `${who} subtotal`).toBe(cad(subtotalCents));
    expect(await page.getByTestId('sale-tax-amount').first().innerText(), `${who} HST`).toBe(cad(totalCents - subtotalCents));
  }
}

async function approveWithPin(page: Page, code: string): Promise<void> {
  const prompt = page.getByTestId('approve-prompt');
  await prompt.waitFor({ timeout: 5_000 });
  expect(await prompt.getAttribute('data-code')).toBe(code);
  await page.getByTestId('approve-pin').fill(MANAGER_PIN);
  await page.getByTestId('approve-submit').click();
  await prompt.waitFor({ state: 'hidden', timeout: 5_000 });
}

describe.skipIf(!E2E_READY)('discounts and price overrides at the till', () => {
  it('10% off a line alone, 30% off the sale with the PIN, a new price with the PIN; both screens and the journal agree', async () => {
    const rig = await tillForThisTest();
    const cashier = await rig.open('cashier', SIZE);
    const display = await rig.open('customer-display', SIZE);
    const screens: Array<[Page, string]> = [[cashier, 'cashier'], [display, 'customer display']];
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await addProduct(cashier, muffin.name);
    await expectTotals(screens, taxed(latte.priceCents, muffin.priceCents), latte.priceCents + muffin.priceCents);

    // 1. 10% off the latte, by the cashier alone: 10% of $4.95 is 49.5¢ → 50¢ (half-up); no PIN asked.
    await line(cashier, latte.name).getByTestId('line-discount-open').click();
    const panel = cashier.getByTestId('discount-panel');
    await panel.waitFor();
    await cashier.getByTestId('discount-quick-10').click();
    await shot(cashier, 'line-panel-cashier-1024');
    await cashier.getByTestId('discount-apply').click();
    await panel.waitFor({ state: 'hidden' });
    for (const [page, who] of screens) {
      await expect.poll(() => line(page, latte.name).getByTestId('line-discount').innerText(), { timeout: 10_000, message: `${who} latte discount` }).toBe(`Discount −${cad(50)} (10%)`);
    }
    expect(await cashier.getByTestId('approve-prompt').count(), 'no manager asked for 10%').toBe(0);
    // HST 13% on 4.45 + 3.25 = 7.70 is 1.001 → 1.00.
    await expectTotals(screens, 770 + 100, 770);
    expect(taxed(445, muffin.priceCents)).toBe(870);

    // 2. 30% off the sale is above the 20% threshold: the PIN is asked, then 30% of 7.70 = 2.31 off, spread over both.
    await cashier.getByTestId('sale-discount-open').click();
    await panel.waitFor();
    await cashier.getByTestId('discount-value').fill('30');
    await cashier.getByTestId('discount-reason').fill('Regular customer');
    await cashier.getByTestId('discount-apply').click();
    await cashier.getByTestId('approve-prompt').waitFor({ timeout: 5_000 });
    await shot(cashier, 'sale-approval-cashier-1024');
    await approveWithPin(cashier, 'DISCOUNT_NEEDS_APPROVAL');
    for (const [page, who] of screens) {
      await expect.poll(() => page.getByTestId('sale-discount').first().innerText(), { timeout: 10_000, message: `${who} sale discount` }).toBe(`−${cad(231)} (30%)`);
    }
    // 7.70 − 2.31 = 5.39; HST 13% = 0.7007 → 0.70; total 6.09: tax on the discounted base.
    await expectTotals(screens, 539 + 70, 539);
    await shot(cashier, 'sale-discount-cashier-1024');
    await shot(display, 'sale-discount-display-1024');

    // 3. A new price for the muffin, $2.00: always the manager's PIN; the catalog price is kept and shown.
    await line(cashier, muffin.name).getByTestId('line-discount-open').click();
    await panel.waitFor();
    await cashier.getByTestId('discount-mode-price').click();
    await cashier.getByTestId('discount-value').fill('2.00');
    await cashier.getByTestId('discount-apply').click();
    await approveWithPin(cashier, 'PRICE_OVERRIDE_NEEDS_APPROVAL');
    for (const [page, who] of screens) {
      await expect.poll(() => line(page, muffin.name).getByTestId('line-price-override').innerText(), { timeout: 10_000, message: `${who} muffin price` }).toBe(`Price changed, was ${cad(325)}`);
    }
    // Lines 4.45 + 2.00 = 6.45; 30% = 1.935 → 1.94; 4.51 + HST 0.5863 → 0.59 = 5.10.
    await expect.poll(() => cashier.getByTestId('sale-discount').innerText(), { timeout: 10_000 }).toBe(`−${cad(194)} (30%)`);
    await expectTotals(screens, 451 + 59, 451);
    await shot(cashier, 'override-cashier-1024');
    await shot(display, 'override-display-1024');

    // The journal: each discount, who approved, the catalog price kept; verify rebuilds it from the events alone.
    const db = new Database(join(rig.dataDir, 'journal.sqlite'), { readonly: true });
    try {
      const sale = db.prepare(`SELECT * FROM sales WHERE status = 'open' AND total_cents > 0`).get() as Record<string, unknown>;
      expect(sale).toMatchObject({ subtotal_cents: 451, total_cents: 510, discount_cents: 50 + 194, sale_discount_kind: 'pct', sale_discount_value: 3000, sale_discount_cents: 194, sale_discount_reason: 'Regular customer' });
      expect(sale.sale_discount_approved_by).toEqual(expect.any(String));
      const lines = db.prepare('SELECT sku, unit_price_cents, line_total_cents, discount_cents, line_discount_kind, line_discount_value, line_discount_approved_by, catalog_price_cents, price_override_approved_by FROM sale_lines WHERE sale_id = ? ORDER BY line_no').all(sale.id) as Array<Record<string, unknown>>;
      expect(lines[0]).toMatchObject({ sku: 'LATTE', line_total_cents: 495, line_discount_kind: 'pct', line_discount_value: 1000, line_discount_approved_by: null, catalog_price_cents: null });
      expect(lines[1]).toMatchObject({ sku: 'MUFFIN', unit_price_cents: 200, line_total_cents: 200, line_discount_kind: null, catalog_price_cents: 325 });
      expect(lines[1]?.price_override_approved_by).toEqual(expect.any(String));
      expect((lines as Array<{ discount_cents: number }>).reduce((s, l) => s + l.discount_cents, 0)).toBe(50 + 194);
      const kinds = (db.prepare(`SELECT kind, payload FROM events WHERE entity = 'sale' AND entity_id = ? ORDER BY seq`).all(String(sale.id)) as Array<{ kind: string; payload: string }>).map((e) => [e.kind, JSON.parse(e.payload) as Record<string, unknown>] as const);
      expect(kinds.filter(([k]) => k === 'sale.line_discounted').map(([, p]) => p.approvedBy)).toEqual([null]);
      expect(kinds.find(([k]) => k === 'sale.discounted')?.[1]).toMatchObject({ kind: 'pct', value: 3000, approvedBy: sale.sale_discount_approved_by });
      expect(kinds.find(([k]) => k === 'sale.price_overridden')?.[1]).toMatchObject({ unitPriceCents: 200, catalogPriceCents: 325, approvedBy: lines[1]?.price_override_approved_by });
      expect(verifyChain({ db })).toMatchObject({ ok: true });
      expect(rebuildAndCompare(db).differences).toEqual([]);
    } finally {
      db.close();
    }

    // Paid in cash ($5.10, already a multiple of 5¢): Manager → Totals shows net sales after the discounts, and them.
    await payCash(cashier, 1000);
    await waitForPaid(cashier);
    const manager = await rig.open('manager', SIZE);
    await manager.getByTestId('pin-input').fill(MANAGER_PIN);
    await manager.getByTestId('pin-submit').click();
    await manager.getByTestId('tab-totals').click();
    await expect.poll(() => manager.getByTestId('totals-register-discounts').innerText(), { timeout: 10_000 }).toBe(`−${cad(244)}`);
    expect(await manager.getByTestId('totals-register-net-sales').innerText()).toBe(cad(451));
    await shot(manager, 'totals-manager-1024');
    await expectNeverTechnical(cashier, 'cashier');
    await expectNeverTechnical(display, 'customer display');
  }, 90_000);

  it('the manager sets the threshold in Settings; it applies at once at the till', async () => {
    const rig = await tillForThisTest();
    const manager = await rig.open('manager', SIZE);
    await manager.getByTestId('pin-input').fill(MANAGER_PIN);
    await manager.getByTestId('pin-submit').click();
    await manager.getByTestId('tab-settings').click();
    const field = manager.getByTestId('settings-discount-approval');
    await expect.poll(() => field.inputValue(), { timeout: 10_000 }).toBe('20');
    await field.fill('30');
    await field.scrollIntoViewIfNeeded();
    await shot(manager, 'settings-manager-1024');
    await manager.getByTestId('settings-save').click();
    await expect.poll(() => (JSON.parse(readFileSync(join(rig.dataDir, 'settings.json'), 'utf8')) as { discountApprovalPercent?: number }).discountApprovalPercent, { timeout: 10_000 }).toBe(30);

    const cashier = await rig.open('cashier', SIZE);
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    // 25% is now the cashier's alone: 25% of 4.95 = 1.2375 → 1.24; 3.71 + HST 0.4823 → 0.48.
    await cashier.getByTestId('sale-discount-open').click();
    await cashier.getByTestId('discount-quick-25').click();
    await cashier.getByTestId('discount-apply').click();
    await expect.poll(() => cashier.getByTestId('sale-discount').innerText(), { timeout: 10_000 }).toBe(`−${cad(124)} (25%)`);
    expect(await cashier.getByTestId('approve-prompt').count()).toBe(0);
    await expectTotals([[cashier, 'cashier']], 371 + 48, 371);
    // 35% still asks; cancelling leaves the 25%.
    await cashier.getByTestId('sale-discount-open').click();
    await cashier.getByTestId('discount-value').fill('35');
    await cashier.getByTestId('discount-apply').click();
    await cashier.getByTestId('approve-prompt').waitFor({ timeout: 5_000 });
    await cashier.getByTestId('approve-cancel').click();
    expect(await cashier.getByTestId('sale-discount').innerText()).toBe(`−${cad(124)} (25%)`);
    await expectNeverTechnical(cashier, 'cashier');
  }, 90_000);
});
