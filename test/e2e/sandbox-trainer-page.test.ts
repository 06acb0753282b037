// The trainer's page in real Chromium: the nonced style applies under the CSP with no violation, pressing Pay
// pays the order and the page comes back showing it paid. Screenshot: test-results/screens/trainer-page.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IotPayClient } from '../../main/iotpay/index.js';
import type { SandboxHandle } from '../../main/sandbox/index.js';
import { orderNo, walletCode, withSandbox } from '../support/sandbox-fixtures.js';
import { requireTool } from '../support/system-tools.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';

/** Only Chromium is needed here (no scanner), so socat is not asked for. */
const READY = requireTool('chromium', 'the trainer page browser check');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let sandbox: SandboxHandle;
let client: IotPayClient;
let browser: Browser;

describe.skipIf(!READY)('trainer page in Chromium', () => {
  beforeAll(async () => {
    ({ sandbox, client } = await withSandbox());
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('clicks Pay: the order is paid in the ledger and the page shows it paid', async () => {
    const sale = { currency: 'CAD', body: 'Demo' } as const;
    await client.orders.createMicropay({ ...sale, amountCents: 1250, subject: 'Green tea', mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') });
    await client.orders.createMicropay({ ...sale, amountCents: 899, subject: 'Muffin', mchOrderNo: orderNo(), channel: 'ALIPAY_MICROPAY', identityCode: walletCode('ALIPAY', '04') }).catch(() => undefined);
    const other = await client.orders.createQr({ ...sale, amountCents: 2856, subject: 'Coffee x2 <b>bold?</b>', mchOrderNo: orderNo(), channel: 'UPI_QR' });
    const qr = await client.orders.createQr({ ...sale, amountCents: 450, subject: 'Latte', mchOrderNo: orderNo(), channel: 'WX_NATIVE' });

    const context = await browser.newContext({ viewport: { width: 1100, height: 520 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(sandbox.controlUrl);

    const row = page.locator(`[data-testid="trainer-order"][data-pay-order-id="${qr.payOrderId}"]`);
    await expect(row.getAttribute('data-status')).resolves.toBe('waiting');
    expect(await page.getByTestId('trainer-order').count()).toBe(4);
    // The nonced style block applied: the CSP let it through.
    expect(await page.locator('header').evaluate((h) => getComputedStyle(h).backgroundColor)).toBe('rgb(31, 95, 139)');
    expect(await page.getByText('Coffee x2 <b>bold?</b>').count()).toBe(1);

    await row.getByTestId('trainer-pay').click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'paid');
    await expect(row.getAttribute('data-status')).resolves.toBe('paid');
    expect(await row.getByTestId('trainer-pay').count()).toBe(0);
    expect(await page.getByTestId('trainer-notice').textContent()).toContain(qr.mchOrderNo);
    expect(sandbox.ledger.v1Order({ payOrderId: qr.payOrderId })?.status).toBe(2);
    expect(sandbox.ledger.v1Order({ payOrderId: other.payOrderId })?.status).toBe(0);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'trainer-page.png'), fullPage: true });
    // Refresh is a plain link back to the list, without the notice.
    await page.getByTestId('trainer-refresh').click();
    await page.waitForURL((url) => url.search === '');
    expect(await page.getByTestId('trainer-notice').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
