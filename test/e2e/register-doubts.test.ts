// Two register fixes in Chromium (docs/register.md): in Ontario a gst-only item's tax line reads "GST 5%" (the federal
// part), never "HST 5%"; and the last 2¢ of a split paid in cash round to nothing: the cash panel asks for $0.00 with
// a −$0.02 rounding line, "Exact" pays it and the sale is paid. Screenshots at 1024x768 under test-results/screens/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, cad, dollars, expectNeverTechnical, readJournal, readyAtTill, typeWalletCode } from './support/truth-helpers.js';
import { walletCode } from '../support/sandbox-fixtures.js';

const SIZE = { width: 1024, height: 768 };
const CATALOG = 'sku,gtin,name,price,tax\nPOUTINE,4006381333931,Poutine,11.99,standard\nBOOK,036000291452,Picture book,15.00,gst-only\n';

async function taxRows(page: Page): Promise<string[]> {
  const rows = page.getByTestId('sale-tax');
  const out: string[] = [];
  for (let i = 0; i < (await rows.count()); i += 1) out.push((await rows.nth(i).innerText()).replace(/\s+/g, ' ').trim());
  return out;
}

describe.skipIf(!E2E_READY)('register fixes at the counter', () => {
  it('Ontario: a poutine is HST 13%, a picture book (gst-only) GST 5%; the last 2¢ of a split are paid in cash by rounding', async () => {
    const rig = await tillForThisTest({ catalogCsv: CATALOG });
    const cashier = await rig.open('cashier', SIZE);
    await readyAtTill(rig, cashier);
    await addProduct(cashier, 'Poutine');
    await addProduct(cashier, 'Picture book');
    // 11.99 × 13% = 1.5587 → 1.56; 15.00 × 5% = 0.75; 26.99 + 2.31 = 29.30.
    await expect.poll(() => cashier.getByTestId('sale-total').first().innerText()).toBe(cad(2930));
    expect(await taxRows(cashier)).toEqual([`HST 13% ${cad(156)}`, `GST 5% ${cad(75)}`]);

    // $29.28 by wallet, then cash for the 2¢ left: nothing to take, −$0.02 rounding.
    await cashier.getByTestId('split-amount').fill(dollars(2928));
    await typeWalletCode(cashier, walletCode('WX', '01'));
    await expect.poll(async () => (await cashier.locator('body').innerText()).includes('Due'), { timeout: 10_000 }).toBe(true);
    await cashier.getByTestId('tender-cash').click({ timeout: 10_000 });
    await expect.poll(() => cashier.getByTestId('cash-rounding').innerText(), { timeout: 5_000 }).toBe(`−${cad(2)}`);
    expect(await cashier.getByTestId('cash-rounded-total').innerText()).toBe(cad(0));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await cashier.screenshot({ path: join(SCREENSHOT_DIR, 'cash-remainder-en-CA.png') });
    await cashier.getByRole('button', { name: 'Exact' }).click();
    await cashier.getByTestId('new-sale').waitFor({ timeout: 10_000 });
    await cashier.screenshot({ path: join(SCREENSHOT_DIR, 'cash-remainder-paid-en-CA.png') });
    await expectNeverTechnical(cashier, 'cashier');

    const journal = readJournal(rig.dataDir);
    expect(journal.sales).toEqual([expect.objectContaining({ status: 'paid', total_cents: 2930 })]);
    expect(journal.attempts.map((a) => [a.tender, a.amount_cents, (a as unknown as { rounding_cents: number }).rounding_cents])).toEqual([['wallet_scan', 2928, 0], ['cash', 0, -2]]);
  }, 90_000);
});
