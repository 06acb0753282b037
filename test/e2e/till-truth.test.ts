// The till tells the truth about money, part 1: a payment whose outcome the till does not know yet. A cashier's
// Cancel, a lost response and a slow gateway stop nobody's money: both screens say "checking" (never
// "failed", never machine text), the cashier cannot take a second payment meanwhile, and the sale ends paid
// exactly once. A success the sale can no longer take stays on the cashier screen until a manager acts.
// Each test composes its own app, data folder and browsers (support/till-rig.ts), so each runs alone with -t.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { walletCode } from '../support/sandbox-fixtures.js';
import { E2E_READY, latte, qrOn, startSale } from './support/screen-helpers.js';
import { tillForThisTest, type TillRig } from './support/till-rig.js';
import {
  CHECKING_WORDS, MANAGER_PIN, addProduct, attemptPhase, bodyText, cad, displayState, expectNeverTechnical, expectNoTechnicalText,
  expectPaidOnce, inCash, ledgerProblems, newOrder, payCash, readJournal, recordOf, typeWalletCode, usableTenders, taxed, waitForPaid,
} from './support/truth-helpers.js';

interface Counter { rig: TillRig; cashier: Page; display: Page }

/** A fresh till with the cashier screen and the customer display, a sale with one latte on it. */
async function counterWithLatte(settings?: Record<string, unknown>): Promise<Counter> {
  const rig = await tillForThisTest({ settings });
  const cashier = await rig.open('cashier');
  const display = await rig.open('customer-display', { width: 1024, height: 768 });
  await startSale(cashier);
  await addProduct(cashier, latte.name);
  await expect.poll(() => displayState(display)).toBe('cart');
  return { rig, cashier, display };
}

/** Both screens say the payment is being checked, the countdown runs, and no second tender can start. */
async function expectCheckingOnBoth({ cashier, display }: Counter, timeout = 10_000): Promise<void> {
  await expect.poll(() => displayState(display), { timeout, message: 'customer display while the outcome is unknown' }).toBe('checking');
  await expect.poll(() => bodyText(cashier), { timeout, message: 'cashier words while the outcome is unknown' }).toContain(CHECKING_WORDS);
  expect(await attemptPhase(cashier)).toBe('checking');
  const countdown = cashier.getByTestId('attempt-countdown');
  await countdown.waitFor({ timeout: 3_000 });
  expect(await countdown.innerText(), 'countdown while checking').toMatch(/^\d+:\d{2}$/);
  expect(await usableTenders(cashier), 'tender buttons while checking').toEqual([]);
  await cashier.getByTestId('attempt-override').waitFor({ timeout: 2_000 });
  await expectNoTechnicalText(cashier, 'cashier');
  await expectNoTechnicalText(display, 'customer display');
}

/** The whole way through: the display never said failed, the cashier never said not paid, no machine text anywhere. */
async function expectNothingFalseShown({ cashier, display }: Counter): Promise<void> {
  expect((await recordOf(display)).display, 'customer display states').not.toContain('failed');
  expect((await recordOf(cashier)).attempt.filter((a) => a.endsWith('/not-paid')), 'cashier not-paid phases').toEqual([]);
  await expectNeverTechnical(cashier, 'cashier');
  await expectNeverTechnical(display, 'customer display');
}

async function expectPaidOnBoth({ cashier, display }: Counter): Promise<void> {
  await waitForPaid(cashier);
  await expect.poll(() => displayState(display), { timeout: 15_000 }).toBe('paid');
  expect(await display.getByTestId('display-paid-amount').innerText()).toContain(cad(taxed(latte.priceCents)));
}

describe.skipIf(!E2E_READY)('the till tells the truth: outcomes it does not know yet', () => {
  it('1. Cancel while the customer types the WeChat password, then the wallet pays: checking on both screens, then paid once', async () => {
    const counter = await counterWithLatte();
    const { cashier, display } = counter;
    await typeWalletCode(cashier, walletCode('WX', '02'));
    await expect.poll(() => displayState(display), { timeout: 10_000, message: 'the customer is asked for the password' }).toBe('confirm');
    await cashier.getByTestId('attempt-cancel').click();
    // The wallet may still take the money (it does, ~6 s after the scan): nothing may say it was cancelled.
    await expectCheckingOnBoth(counter);
    await expectPaidOnBoth(counter);
    await expectNothingFalseShown(counter);
    await expectPaidOnce(counter.rig, taxed(latte.priceCents));
  }, 45_000);

  it('2. a WeChat QR the customer pays after the cashier pressed Cancel: checking on both screens, then paid once', async () => {
    const counter = await counterWithLatte();
    const { rig, cashier, display } = counter;
    const before = await rig.control.ledger();
    await cashier.getByTestId('tender-qr-WX_NATIVE').click();
    const codeUrl = await qrOn(display);
    const order = await newOrder(rig, before);
    expect(codeUrl).toContain(order.payOrderId);
    await cashier.getByTestId('attempt-cancel').click();
    // The customer may already have scanned it: the till keeps checking.
    await expectCheckingOnBoth(counter);
    await rig.control.payQr({ payOrderId: order.payOrderId });
    await expectPaidOnBoth(counter);
    await expectNothingFalseShown(counter);
    await expectPaidOnce(rig, taxed(latte.priceCents));
  }, 45_000);

  it('3. a QR paid after the manager overrode it and the sale was paid in cash: a banner that stays until a manager resolves it', async () => {
    // The reconciler asks every 2 s so the late success shows within the test's time, not 30 s later.
    const counter = await counterWithLatte({ timers: { reconcileEveryMs: 2_000 } });
    const { rig, cashier } = counter;
    const before = await rig.control.ledger();
    await cashier.getByTestId('tender-qr-ALIPAY_QR').click();
    const order = await newOrder(rig, before);
    await cashier.getByTestId('attempt-cancel').click();
    await expectCheckingOnBoth(counter);
    // The customer says they cannot pay by QR; the manager lets the till stop checking and take cash.
    await cashier.getByTestId('attempt-override').click();
    await cashier.getByTestId('override-pin').fill(MANAGER_PIN);
    await cashier.getByTestId('override-reason').fill('Customer paid in cash instead');
    await cashier.getByTestId('override-submit').click();
    await expect.poll(() => usableTenders(cashier), { timeout: 10_000 }).toContain('tender-cash');
    await payCash(cashier, 1_000);
    await waitForPaid(cashier);
    // ...and then the customer's QR payment goes through after all: money the sale cannot take.
    await rig.control.payQr({ payOrderId: order.payOrderId });
    const banner = cashier.getByTestId('needs-action-banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.evaluate((el) => el.closest('[data-testid="error-toast"], [data-testid="info-toast"]') === null), 'a banner, not a toast').toBe(true);
    await expectNoTechnicalText(cashier, 'cashier with the banner');

    // It stays: through a new sale, and through a reload of the cashier screen.
    await cashier.getByTestId('new-sale').click();
    await cashier.getByTestId('sale-total').waitFor();
    await addProduct(cashier, latte.name);
    expect(await banner.isVisible(), 'banner after a new sale').toBe(true);
    await cashier.reload();
    await cashier.getByTestId('training-banner').waitFor();
    await banner.waitFor({ timeout: 10_000 });
    await expectNoTechnicalText(cashier, 'cashier after reload');

    // The money: the cash paid the sale; the QR's money is real, kept apart for the manager, never paying it twice.
    const journal = readJournal(rig.dataDir);
    const qr = journal.attempts.find((a) => a.mch_order_no === order.mchOrderNo)!;
    expect(qr).toMatchObject({ state: 'succeeded', needs_action: 1 });
    const sale = journal.sales.find((s) => s.id === qr.sale_id)!;
    expect(sale).toMatchObject({ status: 'paid', total_cents: taxed(latte.priceCents) });
    const cash = journal.attempts.filter((a) => a.sale_id === sale.id && a.tender === 'cash' && a.state === 'succeeded');
    expect(cash.map((a) => a.amount_cents)).toEqual([inCash(taxed(latte.priceCents))]);
    const ledger = await rig.control.ledger();
    expect(ledger.orders.filter((o) => o.status === 2).map((o) => o.mchOrderNo)).toEqual([order.mchOrderNo]);
    expect(ledgerProblems(rig.dataDir, ledger)).toEqual([]);
  }, 60_000);

  it('4. a WeChat code charged but its response lost (05): never failed, never ECONNRESET or a URL; checking on both, then paid once', async () => {
    const counter = await counterWithLatte();
    const { rig, cashier } = counter;
    // The network stays slow after the drop: the till's first two questions take 4 s each, so "checking" is on
    // screen long enough to read (and the test does not depend on how fast the till asks).
    await rig.control.injectFault({ kind: 'latency', path: 'query_order', count: 2, latencyMs: 4_000 });
    await typeWalletCode(cashier, walletCode('WX', '05'));
    await expectCheckingOnBoth(counter);
    await expectPaidOnBoth(counter);
    await expectNothingFalseShown(counter);
    await expectPaidOnce(rig, taxed(latte.priceCents));
  }, 45_000);

  it('5. a WeChat code whose response takes 40 s (06): a countdown while waiting, no machine text, then paid once', async () => {
    // The client waits 30 s for create_order (DEFAULT_TIMEOUTS.createMs) and the sandbox holds 40 s; neither is
    // a setting or a composeApp option, so this test takes about 35 s.
    const counter = await counterWithLatte();
    const { cashier, display } = counter;
    await typeWalletCode(cashier, walletCode('WX', '06'));
    const countdown = cashier.getByTestId('attempt-countdown');
    await countdown.waitFor({ timeout: 5_000 });
    const seconds = async () => {
      const m = /^(\d+):(\d{2})$/.exec((await countdown.innerText()).trim());
      if (!m) throw new Error(`not a m:ss countdown: ${await countdown.innerText()}`);
      return Number(m[1]) * 60 + Number(m[2]);
    };
    const first = await seconds();
    expect(first).toBeGreaterThan(0);
    await expect.poll(seconds, { timeout: 5_000, message: 'the countdown runs' }).toBeLessThan(first);
    expect(await usableTenders(cashier), 'tender buttons while waiting').toEqual([]);
    await expectNoTechnicalText(cashier, 'cashier while waiting');
    await expectNoTechnicalText(display, 'customer display while waiting');
    await waitForPaid(cashier, 45_000).catch(async (err: unknown) => {
      throw new Error(`not paid: cashier shows «${(await bodyText(cashier)).replace(/\s+/g, ' ').slice(0, 300)}» (${String(err)})`);
    });
    await expectPaidOnBoth(counter);
    await expectNothingFalseShown(counter);
    await expectPaidOnce(counter.rig, taxed(latte.priceCents));
  }, 75_000);
});
