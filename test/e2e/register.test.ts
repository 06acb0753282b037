// The Canadian register in Chromium (docs/register.md): a Quebec till rings up a latte, a muffin and a carton of milk
// (zero-rated); the cashier screen and the customer display show the subtotal, GST 5% and QST 9.975% and the total;
// cash is rounded to 5¢ on its own line on the cash panel and the receipt; and the journal says the same, each tax in
// the hash chain, rebuilt by verify from the events alone. Its own app, data folder and browsers (support/till-rig.ts).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../main/app/demo-catalog.js';
import { verifyChain } from '../../main/journal/events.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { E2E_READY, latte, muffin, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, bodyText, cad, dollars, expectNeverTechnical, readJournal } from './support/truth-helpers.js';

const milk = demoProducts().find((p) => p.sku === 'MILK')!;

/** The tax rows a screen shows: [code, words, amount]. */
async function taxRows(scope: Page | ReturnType<Page['getByTestId']>): Promise<Array<[string | null, string]>> {
  const rows = scope.getByTestId('sale-tax');
  const out: Array<[string | null, string]> = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    out.push([await row.getAttribute('data-code'), (await row.innerText()).replace(/\s+/g, ' ').trim()]);
  }
  return out;
}

describe.skipIf(!E2E_READY)('the register: a Quebec sale', () => {
  it('shows GST and QST on both screens, rounds the cash to 5¢ on its own line, and the journal agrees', async () => {
    const rig = await tillForThisTest({ settings: { province: 'QC' } });
    const cashier = await rig.open('cashier');
    const display = await rig.open('customer-display', { width: 1024, height: 768 });
    await startSale(cashier);
    for (const p of [latte, muffin, milk]) await addProduct(cashier, p.name);

    // 4.95 + 3.25 taxable, 2.89 zero-rated: GST 5% of 8.20 = 0.41; QST 9.975% of 8.20 = 0.81795 → 0.82. Total 12.32.
    const subtotal = latte.priceCents + muffin.priceCents + milk.priceCents;
    const total = subtotal + 41 + 82;
    expect(total).toBe(1232);
    for (const [page, who] of [[cashier, 'cashier'], [display, 'customer display']] as const) {
      await expect.poll(() => page.getByTestId('sale-total').first().innerText(), { timeout: 10_000, message: `${who} total` }).toBe(cad(total));
      expect(await page.getByTestId('sale-subtotal').first().innerText(), `${who} subtotal`).toBe(cad(subtotal));
      expect(await taxRows(page), `${who} tax lines`).toEqual([['GST', `GST 5% ${cad(41)}`], ['QST', `QST 9.975% ${cad(82)}`]]);
    }

    // The cash panel: $12.32 is $12.30 in cash, the rounding on its own line.
    await cashier.getByTestId('tender-cash').click();
    await expect.poll(() => cashier.getByTestId('cash-rounding').innerText(), { timeout: 5_000 }).toBe(`−${cad(2)}`);
    expect(await cashier.getByTestId('cash-rounded-total').innerText()).toBe(cad(1230));
    await cashier.getByTestId('cash-tendered').fill(dollars(2000));
    await cashier.getByTestId('cash-confirm').click();
    await expect.poll(() => cashier.getByTestId('change-due').innerText(), { timeout: 10_000 }).toBe(cad(770));
    // The customer display: what the customer paid is the cash taken, $12.30, and the change.
    await expect.poll(() => display.getByTestId('display-paid-amount').innerText(), { timeout: 10_000 }).toBe(cad(1230));
    expect(await display.getByTestId('display-change').innerText()).toBe(cad(770));

    // The receipt: subtotal, both taxes, total, "Rounding −$0.02", then the cash taken.
    const receipt = cashier.getByTestId('receipt');
    await receipt.getByTestId('receipt-total').waitFor({ timeout: 10_000 });
    expect(await receipt.getByTestId('sale-subtotal').innerText()).toBe(cad(subtotal));
    // Milk is zero-rated, so each tax names its taxable base, $8.20, not the whole subtotal (docs/printing.md).
    expect(await taxRows(receipt)).toEqual([['GST', `GST 5% on ${cad(820)} ${cad(41)}`], ['QST', `QST 9.975% on ${cad(820)} ${cad(82)}`]]);
    expect(await receipt.getByTestId('receipt-total').innerText()).toBe(cad(total));
    expect((await receipt.getByTestId('receipt-rounding').innerText()).replace(/\s+/g, ' ')).toBe(`Rounding −${cad(2)}`);
    expect(await bodyText(cashier)).toContain(cad(1230));

    // The journal: the sale's subtotal, taxes and total; the cash attempt's amount and rounding; the chain and verify.
    const journal = readJournal(rig.dataDir);
    expect(journal.sales).toEqual([expect.objectContaining({ status: 'paid', subtotal_cents: subtotal, total_cents: total, tax_province: 'QC', prices_include_tax: 0 })]);
    expect(journal.lines.map((l) => [l.sku, (l as unknown as { tax_class: string }).tax_class])).toEqual([['LATTE', 'standard'], ['MUFFIN', 'standard'], ['MILK', 'zero-rated']]);
    expect(journal.attempts).toEqual([expect.objectContaining({ tender: 'cash', state: 'succeeded', amount_cents: 1230, rounding_cents: -2, cash_tendered_cents: 2000, change_cents: 770 })]);
    const db = new Database(join(rig.dataDir, 'journal.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT code, rate_per_100k, base_cents, amount_cents FROM sale_taxes ORDER BY position').all()).toEqual([
        { code: 'GST', rate_per_100k: 5000, base_cents: 820, amount_cents: 41 },
        { code: 'QST', rate_per_100k: 9975, base_cents: 820, amount_cents: 82 },
      ]);
      const last = db.prepare(`SELECT payload FROM events WHERE kind = 'sale.line_added' ORDER BY seq DESC LIMIT 1`).get() as { payload: string };
      expect(JSON.parse(last.payload)).toMatchObject({ totalCents: total, taxes: [{ code: 'GST', amountCents: 41 }, { code: 'QST', amountCents: 82 }] });
      expect(verifyChain({ db })).toMatchObject({ ok: true });
      expect(rebuildAndCompare(db).differences).toEqual([]);
    } finally {
      db.close();
    }
    await expectNeverTechnical(cashier, 'cashier');
    await expectNeverTechnical(display, 'customer display');
  }, 60_000);
});
