// An exchange at the cashier screen, in real Chromium (docs/register.md "Returns and exchanges"): a sale of a latte
// and a muffin paid in cash; the customer brings the muffin back for the dearer dumplings. The cashier rings the
// dumplings up, presses Exchange, types the old receipt's code, picks the muffin: main prices it (its price and its
// share of the sale's HST) and credits it to the open sale. The cashier's own PIN cannot approve it; a supervisor's
// can. The credit shows as its own row on the sale, the customer pays only the difference in cash (5¢-rounded), and
// the receipt prints the credit row. Screenshots at 1024x768 in en-CA and fr-CA.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { receiptCode } from '../../preload/receipt-code.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { MANAGER_PIN, addProduct, cad, expectNoTechnicalText, inCash, payCash, readJournal, taxed, waitForPaid } from './support/truth-helpers.js';

const SUPERVISOR_PIN = '2468';
const CASHIER_PIN = '1111';

async function shot(page: Page, name: string, locale: 'en-CA' | 'fr-CA', words: string): Promise<void> {
  await page.getByTestId('locale-select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain(words);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${locale}.png`) });
}

describe.skipIf(!E2E_READY)('an exchange at the cashier screen', () => {
  it('the muffin back for the dumplings: a supervisor approves, the credit is its own row, the difference is paid in cash', async () => {
    const rig = await tillForThisTest();
    // A supervisor on the staff list (docs/staff.md): a manager adds them on the manager screen's staff tab.
    const unlocked = (await rig.host.invoke('manager', 'manager:unlock', { pin: MANAGER_PIN })) as { ok: true; value: { session: string } };
    expect(unlocked.ok).toBe(true);
    const added = await rig.host.invoke('manager', 'staff:add', { session: unlocked.value.session, name: 'Sam', role: 'supervisor', pin: SUPERVISOR_PIN });
    expect(added.ok).toBe(true);
    const supervisorId = (added as { ok: true; value: { staff: Array<{ id: string; name: string }> } }).value.staff.find((s) => s.name === 'Sam')?.id;

    const cashier = await rig.open('cashier', { width: 1024, height: 768 });
    await startSale(cashier);
    await addProduct(cashier, 'Latte');
    await addProduct(cashier, 'Blueberry muffin');
    // $4.95 + $3.25 = $8.20, HST 13% $1.07: $9.27, $9.25 in cash.
    expect(taxed(495, 325)).toBe(927);
    await payCash(cashier, 2000);
    await waitForPaid(cashier);
    const old = readJournal(rig.dataDir).sales.at(-1) as { id: number; status: string; terminal_id?: string };
    expect(old.status).toBe('paid');

    // The new item first, then the exchange: the dumplings, $8.95 + 13% = $10.11.
    await startSale(cashier);
    await expect.poll(() => cashier.getByTestId('sale-line').count(), { timeout: 10_000 }).toBe(0);
    await addProduct(cashier, 'Pork dumplings (8)');
    const newTotal = taxed(895);
    expect(newTotal).toBe(1011);
    // The muffin's value: $3.25 + its share of the $1.07 HST, 107 × 325 / 820 = 42.4 → 42: $3.67.
    const credit = 325 + 42;
    const due = newTotal - credit;

    await cashier.getByTestId('exchange-open').click();
    // A receipt scanner is a keyboard wedge into the focused search field: the code arrives as keys and Enter.
    await expect.poll(() => cashier.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('exchange-search');
    await cashier.keyboard.type(receiptCode({ terminalId: String(old.terminal_id), saleId: old.id }), { delay: 5 });
    await cashier.keyboard.press('Enter');
    const lines = cashier.locator(`[data-testid="exchange-lines"][data-sale-id="${old.id}"]`);
    await lines.waitFor({ timeout: 10_000 });
    expect(await lines.getByTestId('exchange-line').count()).toBe(2);
    await lines.locator('[data-testid="exchange-line"][data-line-no="2"]').getByTestId('exchange-line-qty').fill('1');
    const quote = cashier.getByTestId('exchange-quote');
    await expect.poll(() => quote.getAttribute('data-credit'), { timeout: 10_000 }).toBe(String(credit));
    expect(await quote.getAttribute('data-still-due')).toBe(String(due));
    expect(await quote.innerText()).toContain(cad(due));
    // Nothing was written by the quote.
    expect(readJournal(rig.dataDir).sales).toHaveLength(2);
    await cashier.getByTestId('exchange-reason').fill('wrong muffin');
    await shot(cashier, 'exchange-quote', 'fr-CA', DICTIONARIES['fr-CA']['exchange.title']);
    await shot(cashier, 'exchange-quote', 'en-CA', DICTIONARIES['en-CA']['exchange.title']);

    // The cashier's own PIN: a cashier may not approve a return. The refusal is in words; nothing is written.
    await cashier.getByTestId('exchange-pin').fill(CASHIER_PIN);
    await cashier.getByTestId('exchange-submit').click();
    await expect.poll(() => cashier.getByTestId('exchange-error').isVisible(), { timeout: 10_000 }).toBe(true);
    await expectNoTechnicalText(cashier, 'cashier exchange refused');
    const db = () => new Database(join(rig.dataDir, 'journal.sqlite'), { readonly: true });
    const returnsNow = () => {
      const d = db();
      try {
        return d.prepare('SELECT sale_id AS saleId, credit_cents AS credit, credit_sale_id AS creditSaleId, approved_by AS approvedBy FROM returns').all();
      } finally {
        d.close();
      }
    };
    expect(returnsNow()).toEqual([]);

    // A supervisor's PIN approves it.
    await cashier.getByTestId('exchange-pin').fill(SUPERVISOR_PIN);
    await cashier.getByTestId('exchange-submit').click();
    await cashier.getByTestId('exchange-dialog').waitFor({ state: 'detached', timeout: 10_000 });
    const row = cashier.getByTestId('sale-credit-row');
    await expect.poll(() => row.getAttribute('data-cents'), { timeout: 10_000 }).toBe(String(credit));
    expect(await row.innerText()).toContain(`#${old.id}`);
    await expect.poll(() => cashier.getByTestId('sale-due').innerText(), { timeout: 10_000 }).toBe(cad(due));
    const newSaleId = (readJournal(rig.dataDir).sales.at(-1) as { id: number }).id;
    expect(returnsNow()).toEqual([{ saleId: old.id, credit, creditSaleId: newSaleId, approvedBy: supervisorId }]);
    await shot(cashier, 'exchange-credited', 'fr-CA', DICTIONARIES['fr-CA']['exchange.creditRow'].replace('{id}', String(old.id)));
    await shot(cashier, 'exchange-credited', 'en-CA', DICTIONARIES['en-CA']['exchange.creditRow'].replace('{id}', String(old.id)));

    // The customer pays the difference in cash: $6.44 → $6.45.
    await payCash(cashier, 1000);
    await waitForPaid(cashier);
    const journal = readJournal(rig.dataDir);
    expect(journal.sales.map((s) => s.status)).toEqual(['paid', 'paid']);
    expect(journal.refunds, 'nothing went back: the credit paid the new sale').toEqual([]);
    const cash = journal.attempts.filter((a) => a.tender === 'cash').map((a) => a.amount_cents);
    expect(cash).toEqual([inCash(927), inCash(due)]);
    expect(inCash(due)).toBe(645);

    // The receipt on screen (the printer's own rows): the credit as its own row, then the cash.
    const creditRow = cashier.getByTestId('receipt-credit');
    await creditRow.waitFor({ timeout: 10_000 });
    expect(await creditRow.innerText()).toContain(`Exchange credit, sale #${old.id}`);
    expect(await creditRow.innerText()).toContain(`−${cad(credit)}`);
    await expectNoTechnicalText(cashier, 'cashier after an exchange');
    await creditRow.scrollIntoViewIfNeeded();
    await shot(cashier, 'exchange-receipt', 'fr-CA', `vente no ${old.id}`);
    await shot(cashier, 'exchange-receipt', 'en-CA', `Exchange credit, sale #${old.id}`);
  });

  it('a return without a receipt at the till: a catalog item, a reason, a manager\'s PIN (not a supervisor\'s), cash back', async () => {
    const rig = await tillForThisTest();
    const unlocked = (await rig.host.invoke('manager', 'manager:unlock', { pin: MANAGER_PIN })) as { ok: true; value: { session: string } };
    expect((await rig.host.invoke('manager', 'staff:add', { session: unlocked.value.session, name: 'Sam', role: 'supervisor', pin: SUPERVISOR_PIN })).ok).toBe(true);
    const cashier = await rig.open('cashier', { width: 1024, height: 768 });
    await startSale(cashier);
    await cashier.getByTestId('no-receipt-open').click();
    // The item's barcode, scanned (a keyboard wedge types it fast, then Enter) into the focused search field: it is the
    // return's item, never a line of the sale on screen.
    await expect.poll(() => cashier.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('no-receipt-search');
    await cashier.keyboard.type(latte.gtin, { delay: 5 });
    await cashier.keyboard.press('Enter');
    await cashier.locator('[data-testid="no-receipt-item"][data-sku="LATTE"]').waitFor({ timeout: 10_000 });
    expect(await cashier.getByTestId('sale-line').count(), 'the scan did not ring the latte up').toBe(0);
    // $4.95 + HST 13% $0.64 = $5.59, $5.60 in cash.
    const back = inCash(taxed(495));
    expect(back).toBe(560);
    await expect.poll(() => cashier.getByTestId('no-receipt-quote').getAttribute('data-cents'), { timeout: 10_000 }).toBe(String(back));
    await cashier.getByTestId('no-receipt-reason').fill('gift, no receipt');
    await shot(cashier, 'till-no-receipt', 'fr-CA', DICTIONARIES['fr-CA']['noReceipt.title']);
    await shot(cashier, 'till-no-receipt', 'en-CA', DICTIONARIES['en-CA']['noReceipt.title']);
    // A supervisor may approve an exchange, not a return without a receipt.
    await cashier.getByTestId('no-receipt-pin').fill(SUPERVISOR_PIN);
    await cashier.getByTestId('no-receipt-submit').click();
    await expect.poll(() => cashier.getByTestId('no-receipt-error').isVisible(), { timeout: 10_000 }).toBe(true);
    await cashier.getByTestId('no-receipt-pin').fill(MANAGER_PIN);
    await cashier.getByTestId('no-receipt-submit').click();
    await expect.poll(() => cashier.getByTestId('no-receipt-done').getAttribute('data-cents'), { timeout: 10_000 }).toBe(String(back));
    expect(await cashier.getByTestId('no-receipt-done').innerText()).toContain(cad(back));
    await expectNoTechnicalText(cashier, 'cashier return without a receipt');
    const db = new Database(join(rig.dataDir, 'journal.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT kind, sale_id AS saleId, cash_back_cents AS cash, reason, approved_by AS approvedBy FROM returns').all()).toEqual([{ kind: 'no-receipt', saleId: null, cash: back, reason: 'gift, no receipt', approvedBy: 'manager' }]);
    } finally {
      db.close();
    }
    await cashier.getByTestId('no-receipt-close').click();
    await cashier.getByTestId('no-receipt-dialog').waitFor({ state: 'detached' });
  });
});
