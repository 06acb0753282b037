// A screenshot of every screen in every language, under test-results/screens/, for review: the cashier (sale,
// paid with receipt), the customer display (welcome, cart, QR, thank-you), the kiosk (shop, pay) and the
// manager (PIN, totals, refunds, settings). Each picture is checked to exist and to be a real image, and each
// page to show that language's own words for that state (taken from the dictionaries, so a screen stuck in
// English fails). Each screen switches its own language: a kiosk customer's choice changes no other screen.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../preload/locales.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import type { MessageKey } from '../../renderer/shared/i18n/translate.js';
import { SCREENSHOT_DIR, startE2e, type E2eRig } from './support/e2e-rig.js';
import { E2E_READY } from './support/screen-helpers.js';

/** A PNG of a full screen is tens of kilobytes; a blank or broken capture is a few hundred bytes. */
const MIN_SCREENSHOT_BYTES = 8_000;

let rig: E2eRig;
const shots: string[] = [];

async function setLocale(page: Page, locale: Locale): Promise<void> {
  await page.getByTestId('locale-select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Saves `<name>-<locale>.png` after checking the page shows `key` in that locale (and the words differ by locale). */
async function shot(page: Page, name: string, locale: Locale, key: MessageKey): Promise<void> {
  const words = DICTIONARIES[locale][key];
  expect(new Set(LOCALES.map((l) => DICTIONARIES[l][key])).size, `${key} differs in every language`).toBe(LOCALES.length);
  await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000, message: `${name} in ${locale} shows "${words}"` }).toContain(words);
  expect(await lang(page)).toBe(locale);
  const path = join(SCREENSHOT_DIR, `${name}-${locale}.png`);
  await page.screenshot({ path });
  expect(statSync(path).size, path).toBeGreaterThan(MIN_SCREENSHOT_BYTES);
  shots.push(path);
}

async function displayState(page: Page, state: string): Promise<void> {
  await expect.poll(() => page.getByTestId('display-status').getAttribute('data-state'), { timeout: 15_000 }).toBe(state);
}

describe.skipIf(!E2E_READY)('screens in every language', () => {
  // Each test has its own app and screens, so any one of them runs alone.
  beforeEach(async () => {
    rig = await startE2e();
  }, 60_000);
  afterEach(async () => rig?.close());

  it('a language picked on one screen changes only that screen, and not the store default', async () => {
    const cashier = await rig.open('cashier');
    const kiosk = await rig.open('kiosk', { width: 1080, height: 1920 });
    await setLocale(kiosk, 'zh-CN');
    await kiosk.waitForTimeout(300);
    expect(await lang(cashier)).toBe('en-CA');
    expect((await rig.host.invoke('cashier', 'app:info', {})) as { value?: { locale: string } }).toMatchObject({ value: { locale: 'en-CA' } });
    // A reload keeps this screen's own choice (sessionStorage), still without touching the others.
    await kiosk.reload();
    await expect.poll(() => lang(kiosk)).toBe('zh-CN');
    await cashier.reload();
    await expect.poll(() => lang(cashier)).toBe('en-CA');
    await setLocale(kiosk, 'en-CA');
  });

  it('cashier, customer display, kiosk and manager in en-CA, fr-CA and zh-CN', async () => {
    const cashier = await rig.open('cashier');
    const display = await rig.open('customer-display', { width: 1024, height: 768 });
    const kiosk = await rig.open('kiosk', { width: 1080, height: 1920 });
    const manager = await rig.open('manager');
    const cashierTexts: string[] = [];

    for (const locale of LOCALES) {
      for (const page of [cashier, display, kiosk, manager]) await setLocale(page, locale);

      // A fresh sale: the customer display welcomes; two items make a cart on both screens.
      if (await cashier.getByTestId('new-sale').isVisible()) await cashier.getByTestId('new-sale').click();
      await cashier.getByTestId('sale-total').waitFor();
      await displayState(display, 'welcome');
      await shot(display, 'customer-display-welcome', locale, 'display.welcome');
      await cashier.getByTestId('product-result').first().click();
      await cashier.getByTestId('product-result').nth(2).click();
      await displayState(display, 'cart');
      await shot(display, 'customer-display-cart', locale, 'display.title');
      await shot(cashier, 'cashier-sale', locale, 'cart.void');
      cashierTexts.push(await cashier.locator('body').innerText());

      // The customer-scan QR on the display, paid by the sandbox's customer: the thank-you and the receipt.
      const before = new Set((await rig.control.ledger()).orders.map((o) => o.payOrderId));
      await cashier.getByTestId('tender-qr-ALIPAY_QR').click();
      await display.getByTestId('payment-qr').waitFor({ timeout: 10_000 });
      await shot(display, 'customer-display-qr', locale, 'display.expiresIn');
      const order = (await rig.control.ledger()).orders.find((o) => !before.has(o.payOrderId));
      expect(order).toBeDefined();
      await rig.control.payQr({ payOrderId: order!.payOrderId });
      await cashier.getByTestId('receipt').waitFor({ timeout: 15_000 });
      await displayState(display, 'paid');
      await shot(display, 'customer-display-paid', locale, 'display.thanks');
      await shot(cashier, 'cashier-paid', locale, 'paid.title');

      // The kiosk: its shop, then its pay screen (and back, leaving the basket for the next language).
      await kiosk.getByTestId('kiosk-pay').waitFor();
      if (await kiosk.getByTestId('kiosk-pay').isDisabled()) await kiosk.getByTestId('product-result').first().click();
      await shot(kiosk, 'kiosk-shop', locale, 'kiosk.title');
      await kiosk.getByTestId('kiosk-pay').click();
      await shot(kiosk, 'kiosk-pay', locale, 'kiosk.payWithQr');
      await kiosk.getByTestId('kiosk-back').click();

      // The manager: PIN pad, then totals, refunds and settings behind it; locked again for the next language.
      await manager.getByTestId('pin-input').waitFor();
      await shot(manager, 'manager-pin', locale, 'manager.enterPin');
      await manager.getByTestId('pin-input').fill('1234');
      await manager.getByTestId('pin-submit').click();
      await manager.getByTestId('totals-net').waitFor();
      await shot(manager, 'manager-totals', locale, 'manager.byChannel');
      await manager.getByTestId('tab-refunds').click();
      await shot(manager, 'manager-refunds', locale, 'refund.find');
      await manager.getByTestId('tab-settings').click();
      await shot(manager, 'manager-settings', locale, 'settings.locale');
      await manager.getByTestId('manager-lock').click();
    }

    expect(new Set(cashierTexts).size).toBe(LOCALES.length);
    expect(shots).toHaveLength(LOCALES.length * 12);
  }, 180_000);
});
