// Reloading a screen mid-payment, in real Chromium through the browser host (Electron's crash recovery reloads
// the same way). The QR, the countdown and attempt updates reach the screens as one-shot events; a reloaded
// screen gets them back from payment:live. The cashier must again see the attempt with its countdown and a
// Cancel that works, the customer display the very QR the customer was scanning, and the kiosk both.
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startE2e, type E2eRig } from './support/e2e-rig.js';
import { E2E_READY, latte, muffin, qrOn, startSale } from './support/screen-helpers.js';
import { taxed } from './support/truth-helpers.js';

let rig: E2eRig;
let cashier: Page;
let display: Page;

const attemptOn = (page: Page, state: string) => page.locator(`[data-testid="attempt-status"][data-state="${state}"]`);
const displayState = () => display.getByTestId('display-status').getAttribute('data-state');

/** Seconds left on the attempt panel's countdown (m:ss). */
async function countdownSeconds(page: Page): Promise<number> {
  const text = (await page.locator('.attempt-countdown').innerText()).trim();
  const match = /^(\d+):(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a countdown: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Reloads and waits for the screen to be back (the training banner renders once app:info has answered). */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.getByTestId('training-banner').waitFor();
}

describe.skipIf(!E2E_READY)('reloading a screen mid-payment', () => {
  // Each test has its own app and screens, so any one of them runs alone.
  beforeEach(async () => {
    rig = await startE2e();
    cashier = await rig.open('cashier');
    display = await rig.open('customer-display', { width: 1024, height: 768 });
  }, 60_000);
  afterEach(async () => rig?.close());

  it('cashier and customer display reloaded during a WeChat QR: the attempt, countdown and QR come back; paying completes both', async () => {
    await startSale(cashier);
    await cashier.getByTestId('product-result').filter({ hasText: latte.name }).first().click();
    await cashier.getByTestId('tender-qr-WX_NATIVE').click();
    const codeUrl = await qrOn(display);
    expect(codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    await attemptOn(cashier, 'pending').waitFor({ timeout: 10_000 });

    await reload(cashier);
    await reload(display);

    // The cashier: the same attempt, still counting down, cart frozen, no tenders, Cancel offered.
    await attemptOn(cashier, 'pending').waitFor({ timeout: 10_000 });
    await cashier.locator('.attempt-countdown').waitFor();
    const left = await countdownSeconds(cashier);
    expect(left).toBeGreaterThan(60);
    expect(left).toBeLessThanOrEqual(120);
    await expect.poll(() => countdownSeconds(cashier), { timeout: 5_000 }).toBeLessThan(left);
    expect(await cashier.getByTestId('attempt-cancel').isEnabled()).toBe(true);
    expect(await cashier.getByTestId('tender-qr-WX_NATIVE').count()).toBe(0);
    expect(await cashier.getByTestId('product-result').count()).toBe(0);
    expect(await cashier.getByTestId('void-sale').count()).toBe(0);

    // The customer display: the very QR the customer was scanning, with its expiry.
    expect(await displayState()).toBe('waiting');
    expect(await qrOn(display)).toBe(codeUrl);
    expect(await display.locator('.pay-qr-countdown').innerText()).toMatch(/\d:\d{2}/);

    await rig.control.payQr({ codeUrl: codeUrl! });
    await cashier.getByTestId('receipt').waitFor({ timeout: 15_000 });
    await expect.poll(displayState, { timeout: 15_000 }).toBe('paid');
    expect((await rig.control.ledger()).orders.find((o) => codeUrl?.endsWith(o.payOrderId))).toMatchObject({ amount: taxed(latte.priceCents), status: 2 });
  });

  it('Cancel on a reloaded cashier withdraws the QR and checks; a display reloaded afterwards shows checking, no QR', async () => {
    await startSale(cashier);
    await cashier.getByTestId('product-result').filter({ hasText: muffin.name }).first().click();
    await cashier.getByTestId('tender-qr-ALIPAY_QR').click();
    await qrOn(display);
    await attemptOn(cashier, 'pending').waitFor({ timeout: 10_000 });

    await reload(cashier);
    await cashier.getByTestId('attempt-cancel').click();
    await attemptOn(cashier, 'expired').waitFor({ timeout: 10_000 });
    await expect.poll(() => display.getByTestId('payment-qr').count()).toBe(0);
    await reload(display);
    // The customer may still pay the QR they scanned: checking, never "failed", until the gateway says.
    await expect.poll(displayState).toBe('checking');
    expect(await display.getByTestId('payment-qr').count()).toBe(0);

    // The customer cancels in the wallet: final and not paid, so the till is usable again.
    const order = (await rig.control.ledger()).orders.at(-1)!;
    await rig.control.cancelQr({ payOrderId: order.payOrderId });
    await attemptOn(cashier, 'failed').waitFor({ timeout: 15_000 });
    await cashier.getByTestId('attempt-dismiss').click();
    expect(await cashier.getByTestId('tender-qr-WX_NATIVE').isEnabled()).toBe(true);
  });

  it('kiosk reloaded during a QR: the QR and Cancel come back, and Cancel works', async () => {
    const kiosk = await rig.open('kiosk', { width: 1080, height: 1920 });
    await kiosk.getByTestId('product-result').filter({ hasText: latte.name }).first().click();
    await kiosk.getByTestId('kiosk-pay').click();
    await kiosk.getByTestId('tender-qr-UPI_QR').click();
    const codeUrl = await qrOn(kiosk);
    expect(codeUrl).toBeTruthy();

    await reload(kiosk);
    expect(await qrOn(kiosk)).toBe(codeUrl);
    await attemptOn(kiosk, 'pending').waitFor();
    await kiosk.getByTestId('attempt-cancel').click();
    await attemptOn(kiosk, 'expired').waitFor({ timeout: 10_000 });
    expect(await kiosk.getByTestId('payment-qr').count()).toBe(0);
    // The counter's display never heard of the kiosk's payment.
    expect(await display.getByTestId('payment-qr').count()).toBe(0);
  });
});
