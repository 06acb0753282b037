// The till tells the truth about money, part 2: the sale around the payment. Money already taken is never
// silently dropped from a sale (a manager approves, the excess goes back, there is always a way forward);
// a wallet code works once and says so; a scanner set up with its own prefixes charges the wallet it names;
// a payment nobody knows the outcome of blocks a second tender and a void; the same product twice is one
// line. Each test composes its own app, data folder and browsers (support/till-rig.ts), so each runs alone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { maskLedgerCode } from '../../main/sandbox/index.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { E2E_READY, latte, muffin, startSale } from './support/screen-helpers.js';
import { tillForThisTest, type TillRig } from './support/till-rig.js';
import {
  MANAGER_PIN, NOT_PAID_WORDS, addProduct, attemptState, bodyText, cad, displayState, expectANextStep, expectNeverTechnical,
  expectNoTechnicalText, expectPaidOnce, ledgerProblems, payCash, readJournal, recordOf, scanOnSerial, typeWalletCode,
  taxed, usableTenders, waitForPaid,
} from './support/truth-helpers.js';

async function counter(settings?: Record<string, unknown>): Promise<{ rig: TillRig; cashier: Page; display: Page }> {
  const rig = await tillForThisTest({ settings });
  const cashier = await rig.open('cashier');
  const display = await rig.open('customer-display', { width: 1024, height: 768 });
  await startSale(cashier);
  return { rig, cashier, display };
}

const lines = (page: Page) => page.getByTestId('sale-line');
const removeButton = (page: Page, name: string) => {
  const line = lines(page).filter({ hasText: name });
  return line.getByTestId('line-remove').or(line.getByRole('button', { name: /remove/i })).first();
};

/** Removes a line, entering the manager PIN if the till asks for it. */
async function removeWithApproval(page: Page, name: string): Promise<void> {
  const count = await lines(page).count();
  await removeButton(page, name).click();
  const pin = page.getByTestId('approve-pin');
  await expect.poll(async () => (await pin.isVisible()) || (await lines(page).count()) < count, { timeout: 5_000 }).toBe(true);
  if (await pin.isVisible()) {
    await pin.fill(MANAGER_PIN);
    await page.getByTestId('approve-submit').click();
  }
  await expect.poll(() => lines(page).count()).toBe(count - 1);
}

describe.skipIf(!E2E_READY)('the till tells the truth: the sale around the payment', () => {
  it('6. $5 cash on a split, then every line removed: refused without the manager, never a dead end, the excess paid back', async () => {
    const { rig, cashier, display } = await counter();
    await addProduct(cashier, latte.name);
    await addProduct(cashier, muffin.name);
    const total = taxed(latte.priceCents, muffin.priceCents);
    await payCash(cashier, 500, 500);
    await expect.poll(() => cashier.getByTestId('sale-due').innerText(), { timeout: 10_000 }).toBe(cad(total - 500));
    await expectANextStep(cashier, 'after the part payment');

    // Taking the sale below the $5 already paid needs a manager: the screen asks, the line stays.
    await removeButton(cashier, latte.name).click();
    const pin = cashier.getByTestId('approve-pin');
    await expect.poll(async () => (await pin.isVisible()) || (await lines(cashier).count()) !== 2, { timeout: 5_000 }).toBe(true);
    expect(await lines(cashier).count(), 'lines after removing one below what was paid, without a manager').toBe(2);
    expect(await pin.isVisible(), 'the manager PIN is asked for').toBe(true);
    expect(readJournal(rig.dataDir).lines, 'journal lines after a refused removal').toHaveLength(2);
    await expectANextStep(cashier, 'while the manager approval is asked');
    await expectNoTechnicalText(cashier, 'cashier asking for approval');
    // Not through the door either: the same request without a PIN is refused by main.
    const lineNo = readJournal(rig.dataDir).lines[0]!.line_no;
    expect(await rig.host.invoke('cashier', 'sale:removeLine', { lineNo }), 'removeLine without a PIN').toMatchObject({ ok: false });

    await pin.fill(MANAGER_PIN);
    await cashier.getByTestId('approve-submit').click();
    await expect.poll(() => lines(cashier).count()).toBe(1);
    await expectANextStep(cashier, 'after one line was removed');
    // The cashier is still editing: the sale must not close itself (refunding part of the excess) before the
    // customer's last line is gone.
    await expect.poll(() => removeButton(cashier, muffin.name).isVisible(), { timeout: 5_000, message: 'the last line can still be removed' }).toBe(true);
    await removeWithApproval(cashier, muffin.name);
    expect(await lines(cashier).count()).toBe(0);
    await expectANextStep(cashier, 'with every line removed and $5 paid');
    await expectNoTechnicalText(cashier, 'cashier with the excess');

    // The $5 goes back to the customer (behind the PIN), and the sale can close.
    const refund = cashier.getByTestId('refund-excess');
    if (await refund.isVisible()) {
      const excessPin = cashier.getByTestId('excess-pin');
      if (await excessPin.isVisible()) await excessPin.fill(MANAGER_PIN);
      await refund.click();
    } else {
      await expect.poll(() => bodyText(cashier), { message: 'the excess is shown as change' }).toContain(cad(500));
    }
    await cashier.getByTestId('new-sale').waitFor({ timeout: 10_000 });
    expect(await cashier.getByTestId('new-sale').isEnabled()).toBe(true);
    await expectNoTechnicalText(cashier, 'cashier after the excess');
    await expectNeverTechnical(display, 'customer display');

    // Journal and ledger agree: the sale is closed, what it kept equals its total ($0), no gateway money moved.
    const journal = readJournal(rig.dataDir);
    const sale = journal.sales.find((s) => s.id === journal.attempts[0]!.sale_id)!;
    expect(sale.status).not.toBe('open');
    expect(sale.total_cents).toBe(0);
    expect(journal.lines.filter((l) => l.sale_id === sale.id)).toEqual([]);
    const taken = journal.attempts.filter((a) => a.sale_id === sale.id && a.state === 'succeeded').reduce((s, a) => s + a.amount_cents, 0);
    const ids = new Set(journal.attempts.filter((a) => a.sale_id === sale.id).map((a) => a.id));
    const givenBack = journal.refunds.filter((r) => ids.has(r.attempt_id) && r.state === 'succeeded').reduce((s, r) => s + r.amount_cents, 0);
    expect({ taken, givenBack, kept: taken - givenBack }).toEqual({ taken: 500, givenBack: 500, kept: 0 });
    const ledger = await rig.control.ledger();
    expect(ledger.orders).toEqual([]);
    expect(ledgerProblems(rig.dataDir, ledger)).toEqual([]);
  }, 45_000);

  it('7. a wallet code used on one sale and presented again on the next says it was already used', async () => {
    const { rig, cashier, display } = await counter();
    const code = walletCode('WX', '01');
    await addProduct(cashier, latte.name);
    await scanOnSerial(rig, code);
    await waitForPaid(cashier);
    await cashier.getByTestId('new-sale').click();
    await cashier.getByTestId('sale-total').waitFor();
    await addProduct(cashier, muffin.name);

    // The same code again, from the scanner: the cashier reads why it is refused.
    await scanOnSerial(rig, code);
    const toast = cashier.getByTestId('error-toast');
    await toast.first().waitFor({ timeout: 10_000 });
    await expect.poll(() => toast.allInnerTexts(), { message: 'the scanner refusal' }).toContainEqual(expect.stringMatching(/already used/i));
    await expectNoTechnicalText(cashier, 'cashier');

    // And typed by hand (a fresh screen, so the first toast is gone).
    await cashier.reload();
    await cashier.getByTestId('training-banner').waitFor();
    await typeWalletCode(cashier, code);
    await toast.first().waitFor({ timeout: 10_000 });
    await expect.poll(() => toast.allInnerTexts(), { message: 'the typed refusal' }).toContainEqual(expect.stringMatching(/already used/i));
    await expectNoTechnicalText(cashier, 'cashier');
    await expectNeverTechnical(display, 'customer display');

    const ledger = await rig.control.ledger();
    expect(ledger.orders.filter((o) => o.api === 'v1' && o.identityCode === maskLedgerCode(code)).map((o) => o.status), 'orders for the code').toEqual([2]);
    const journal = readJournal(rig.dataDir);
    expect(journal.sales.map((s) => s.status)).toEqual(['paid', 'open']);
    expect(journal.attempts.filter((a) => a.sale_id === journal.sales[1]!.id && a.state === 'succeeded')).toEqual([]);
    expect(ledgerProblems(rig.dataDir, ledger, true)).toEqual([]);
  }, 45_000);

  it('8. a scanner set up with a strip prefix and its own UnionPay prefix: codes with them are charged as UnionPay', async () => {
    const STRIP = ']Q1';
    const wallets = [
      { wallet: 'WX_MICROPAY', prefixes: ['10', '11', '12', '13', '14', '15'], lengths: [18] },
      { wallet: 'ALIPAY_MICROPAY', prefixes: ['25', '26', '27', '28', '29', '30'], lengths: [16, 17, 18, 19, 20, 21, 22, 23, 24] },
      // The shop's UnionPay codes also start 81 (not in the built-in rules).
      { wallet: 'UPI_MICROPAY', prefixes: ['62', '81'], lengths: [19] },
    ];
    const { rig, cashier, display } = await counter({ scanRules: { stripPrefixes: [STRIP], wallets } });
    await addProduct(cashier, latte.name);

    // A code with the configured UnionPay prefix goes to the gateway as UnionPay, stripped; it is not refused as
    // "not a payment code". (The sandbox pays only 62… UnionPay codes, so this one comes back not paid.)
    const own = `81${walletCode('UPI', '01').slice(2)}`;
    await scanOnSerial(rig, `${STRIP}${own}`);
    await expect.poll(async () => (await rig.control.ledger()).orders.map((o) => (o.api === 'v1' ? [o.channelId, o.identityCode] : [])), {
      timeout: 10_000, message: 'the gateway was asked to charge the code as UnionPay',
    }).toEqual([['UPI_MICROPAY', maskLedgerCode(own)]]);
    await expect.poll(() => bodyText(cashier), { timeout: 10_000 }).toContain(NOT_PAID_WORDS);
    expect(await bodyText(cashier)).not.toMatch(/not a WeChat Pay, Alipay or UnionPay payment code/i);
    await expectNoTechnicalText(cashier, 'cashier after the 81 code');

    // A 62… UnionPay code behind the same strip prefix is charged and pays the sale.
    const upi = walletCode('UPI', '01');
    await scanOnSerial(rig, `${STRIP}${upi}`);
    await waitForPaid(cashier);
    await expect.poll(() => displayState(display), { timeout: 10_000 }).toBe('paid');
    const orders = (await rig.control.ledger()).orders;
    expect(orders.map((o) => (o.api === 'v1' ? [o.channelId, o.identityCode, o.status] : []))).toEqual([['UPI_MICROPAY', maskLedgerCode(own), 4], ['UPI_MICROPAY', maskLedgerCode(upi), 2]]);
    expect(readJournal(rig.dataDir).attempts.map((a) => [a.channel, a.state])).toEqual([['UPI_MICROPAY', 'failed'], ['UPI_MICROPAY', 'succeeded']]);
    await expectPaidOnce(rig, taxed(latte.priceCents));
    await expectNeverTechnical(cashier, 'cashier');
    await expectNeverTechnical(display, 'customer display');
  }, 45_000);

  it('9. while a charged payment is unknown (05), no second tender can start from the screen and no void without the manager', async () => {
    const { rig, cashier, display } = await counter();
    await addProduct(cashier, latte.name);
    // The till's first question after the drop takes 12 s: the outcome stays unknown that long, whatever the polling rate.
    await rig.control.injectFault({ kind: 'latency', path: 'query_order', count: 1, latencyMs: 12_000 });
    await typeWalletCode(cashier, walletCode('WX', '05'));
    await cashier.locator('[data-testid="attempt-status"][data-state="unknown"]').waitFor({ timeout: 10_000 });

    // Every way the screen offers: acknowledge the notice if there is one, then look for a tender.
    const dismiss = cashier.getByTestId('attempt-dismiss');
    if (await dismiss.isVisible()) await dismiss.click();
    expect(await usableTenders(cashier), 'tender buttons while the outcome is unknown').toEqual([]);
    // The scanner is refused too: no second order reaches the gateway.
    const ordersBefore = (await rig.control.ledger()).orders.length;
    await scanOnSerial(rig, walletCode('ALIPAY', '01'));
    await cashier.getByTestId('error-toast').first().waitFor({ timeout: 10_000 });
    expect((await rig.control.ledger()).orders.length, 'gateway orders after a second scan').toBe(ordersBefore);

    // Void: the screen asks for the manager (or offers no void at all); main refuses one without a PIN.
    const voidButton = cashier.getByTestId('void-sale');
    if (await voidButton.isVisible()) {
      await voidButton.click();
      const confirm = cashier.getByTestId('void-confirm');
      if (await confirm.isVisible()) await confirm.click();
      await expect.poll(() => cashier.getByTestId('approve-pin').isVisible(), { timeout: 5_000, message: 'void asks for the manager' }).toBe(true);
    }
    expect(await rig.host.invoke('cashier', 'sale:void', {}), 'sale:void without a PIN').toMatchObject({ ok: false });
    expect(readJournal(rig.dataDir).sales.map((s) => s.status), 'sales while unknown').toEqual(['open']);
    expect(await attemptState(cashier), 'still unknown after the checks').toBe('unknown');
    await expectNoTechnicalText(cashier, 'cashier while unknown');
    await expectNoTechnicalText(display, 'customer display while unknown');

    // The answer arrives: paid, once.
    await waitForPaid(cashier, 25_000);
    await expectPaidOnce(rig, taxed(latte.priceCents));
    expect((await recordOf(display)).display, 'customer display states').not.toContain('failed');
    await expectNeverTechnical(cashier, 'cashier');
    await expectNeverTechnical(display, 'customer display');
  }, 50_000);

  it('10. the same product scanned twice is one line of 2; a GTIN typed in search finds it and Enter adds it', async () => {
    const { rig, cashier, display } = await counter();
    await scanOnSerial(rig, latte.gtin);
    await scanOnSerial(rig, latte.gtin);
    await expect.poll(() => cashier.getByTestId('sale-total').innerText(), { timeout: 10_000 }).toBe(cad(taxed(2 * latte.priceCents)));
    expect(await lines(cashier).count(), 'lines after two scans of one product').toBe(1);
    expect(await lines(cashier).first().innerText()).toMatch(/\b2\b/);
    expect(readJournal(rig.dataDir).lines.map((l) => [l.sku, l.quantity])).toEqual([[latte.sku, 2]]);

    const search = cashier.getByTestId('catalog-search');
    await search.fill(muffin.gtin);
    await expect.poll(() => cashier.getByTestId('product-result').allInnerTexts(), { timeout: 5_000, message: 'search by GTIN' })
      .toEqual([expect.stringContaining(muffin.name)]);
    await search.press('Enter');
    await expect.poll(() => lines(cashier).count(), { timeout: 5_000 }).toBe(2);
    await expect.poll(() => cashier.getByTestId('sale-total').innerText()).toBe(cad(taxed(2 * latte.priceCents, muffin.priceCents)));
    expect(readJournal(rig.dataDir).lines.map((l) => [l.sku, l.quantity])).toEqual([[latte.sku, 2], [muffin.sku, 1]]);
    await expect.poll(() => displayState(display)).toBe('cart');
    await expectNeverTechnical(cashier, 'cashier');
    await expectNeverTechnical(display, 'customer display');
  }, 40_000);
});
