// The shop's network is down (a live gateway URL nothing answers on), in real Chromium through the browser
// host: the cashier sees the offline banner before trying anything, wallet and card tenders are disabled,
// and a cash sale still completes with change. The banner is saved in each language for the screenshot set.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCALES } from '../../preload/locales.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { SCREENSHOT_DIR, startOfflineE2e, type BrowserRig } from './support/e2e-rig.js';
import { E2E_READY } from './support/screen-helpers.js';
import { inCash, taxed } from './support/truth-helpers.js';

let rig: BrowserRig;
let cashier: Page;
const PRICE = 1275;

describe.skipIf(!E2E_READY)('offline till', () => {
  // Each test has its own app and screens, so any one of them runs alone.
  beforeEach(async () => {
    rig = await startOfflineE2e();
    cashier = await rig.open('cashier');
  }, 60_000);
  afterEach(async () => rig?.close());

  it('shows the offline banner at once, refuses wallets and card, and still takes cash with change', async () => {
    await cashier.getByTestId('offline-banner').waitFor({ timeout: 15_000 });
    expect(await cashier.getByTestId('training-banner').count()).toBe(0);
    await cashier.getByTestId('sale-total').waitFor({ timeout: 5000 });
    // A live terminal without a catalog file has no demo products: ring up a custom amount.
    await cashier.getByTestId('custom-amount').fill((PRICE / 100).toFixed(2));
    await cashier.getByTestId('custom-add').click();
    await expect.poll(() => cashier.getByTestId('sale-line').count()).toBe(1);
    for (const tender of ['tender-scan', 'tender-card', 'tender-qr-WX_NATIVE', 'tender-qr-ALIPAY_QR', 'tender-qr-UPI_QR']) {
      expect(await cashier.getByTestId(tender).isDisabled(), tender).toBe(true);
    }
    await cashier.getByTestId('tender-cash').click();
    const tendered = Math.ceil((PRICE + 1) / 1000) * 1000;
    await cashier.getByTestId('cash-tendered').fill((tendered / 100).toFixed(2));
    await cashier.getByTestId('cash-confirm').click();
    const receipt = cashier.getByTestId('receipt');
    await receipt.waitFor({ timeout: 15_000 });
    // $12.75 + 13% HST (the default province, ON) = $14.41, $14.40 in cash (docs/register.md).
    const change = tendered - inCash(taxed(PRICE));
    expect(await receipt.getByTestId('receipt-change').innerText()).toContain(`$${Math.trunc(change / 100)}.${String(change % 100).padStart(2, '0')}`);
    expect((await rig.host.invoke('cashier', 'app:info', {})) as { value?: { online: boolean } }).toMatchObject({ value: { online: false } });
  });

  it('the offline banner in en-CA, fr-CA and zh-CN', async () => {
    for (const locale of LOCALES) {
      await cashier.getByTestId('locale-select').selectOption(locale);
      await expect.poll(() => cashier.getByTestId('offline-banner').innerText()).toContain(DICTIONARIES[locale]['banner.offline']);
      await cashier.screenshot({ path: join(SCREENSHOT_DIR, `cashier-offline-${locale}.png`) });
    }
  });
});
