// A screenshot of every screen in every language, under test-results/screens/, for review. The assertions
// check that each language really changed the words on screen (not that the pictures look a certain way).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../support/system-tools.js';
import { SCREENSHOT_DIR, startE2e, type E2eRig } from './support/e2e-rig.js';

const ready = requireTool('chromium', 'browser end-to-end tests') && requireTool('socat', 'the scanner in the end-to-end tests');
const LOCALES = ['en-CA', 'fr-CA', 'zh-CN'] as const;

let rig: E2eRig;

async function setLocale(page: Page, locale: string): Promise<void> {
  await page.getByTestId('locale-select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

describe.skipIf(!ready)('screens in every language', () => {
  beforeAll(async () => {
    rig = await startE2e();
  }, 60_000);
  afterAll(async () => rig?.close());

  it('cashier, customer display (cart and QR), kiosk and manager in en-CA, fr-CA and zh-CN', async () => {
    const cashier = await rig.open('cashier');
    const display = await rig.open('customer-display', { width: 1024, height: 768 });
    const kiosk = await rig.open('kiosk', { width: 1080, height: 1920 });
    const manager = await rig.open('manager');
    await cashier.getByTestId('product-result').first().click();
    await cashier.getByTestId('product-result').nth(2).click();
    const texts: string[] = [];
    for (const locale of LOCALES) {
      await setLocale(cashier, locale);
      for (const page of [display, kiosk, manager]) await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      texts.push(await cashier.locator('body').innerText());
      await cashier.screenshot({ path: join(SCREENSHOT_DIR, `cashier-${locale}.png`) });
      await display.screenshot({ path: join(SCREENSHOT_DIR, `customer-display-cart-${locale}.png`) });
      await kiosk.screenshot({ path: join(SCREENSHOT_DIR, `kiosk-${locale}.png`) });
      await manager.screenshot({ path: join(SCREENSHOT_DIR, `manager-pin-${locale}.png`) });
    }
    expect(new Set(texts).size).toBe(LOCALES.length);
    // One QR on the customer display, one manager totals screen (in the last language set above, then English).
    await cashier.getByTestId('tender-qr-ALIPAY_QR').click();
    await display.getByTestId('payment-qr').waitFor({ timeout: 10_000 });
    await display.screenshot({ path: join(SCREENSHOT_DIR, 'customer-display-qr-zh-CN.png') });
    await setLocale(cashier, 'en-CA');
    await display.screenshot({ path: join(SCREENSHOT_DIR, 'customer-display-qr-en-CA.png') });
    await cashier.getByTestId('attempt-cancel').click();
    await manager.getByTestId('pin-input').fill('1234');
    await manager.getByTestId('pin-submit').click();
    await manager.getByTestId('totals-net').waitFor();
    await manager.screenshot({ path: join(SCREENSHOT_DIR, 'manager-totals-en-CA.png') });
  });
});
