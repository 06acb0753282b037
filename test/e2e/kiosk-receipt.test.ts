// The kiosk prints too (docs/printing.md "At the kiosk"), in real Chromium: a customer buys at the kiosk and pays by
// typing a wallet code; with a network printer set up (a real TCP listener) the receipt prints and the done screen
// asks the customer to take it; with no printer the done screen says nothing of paper.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener } from '../support/printer-listener.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';

const KIOSK = { width: 1080, height: 1920 };

async function buyAndPay(kiosk: Page): Promise<void> {
  await kiosk.getByTestId('product-result').filter({ hasText: latte.name }).first().click();
  await kiosk.getByTestId('kiosk-pay').click();
  await kiosk.getByTestId('scan-code-input').fill(walletCode('WX', '01'));
  await kiosk.getByTestId('scan-code-submit').click();
  await kiosk.getByTestId('new-sale').waitFor({ timeout: 20_000 });
}

describe.runIf(E2E_READY)('the kiosk\'s done screen', () => {
  it('with a printer: the receipt prints and the customer is asked to take it, in en-CA and fr-CA', async () => {
    const printer = await startPrinterListener();
    onTestFinished(() => printer.close());
    const rig = await tillForThisTest({ settings: { printer: { target: printer.url } } });
    const kiosk = await rig.open('kiosk', KIOSK);
    await buyAndPay(kiosk);
    await expect.poll(() => kiosk.getByTestId('kiosk-take-receipt').innerText(), { timeout: 10_000 }).toBe('Please take your receipt from the printer.');
    const [receipt] = await printer.waitForJobs(1, 15_000);
    expect(printedText(decodeEscPos(receipt as Uint8Array)).map((l) => l.trim())).toContain('RECEIPT');
    await kiosk.screenshot({ path: join(SCREENSHOT_DIR, 'kiosk-done-printing-en-CA.png') });

    await kiosk.getByTestId('new-sale').click();
    await kiosk.getByTestId('locale-select').selectOption('fr-CA');
    await buyAndPay(kiosk);
    await expect.poll(() => kiosk.getByTestId('kiosk-take-receipt').innerText(), { timeout: 10_000 }).toBe('Veuillez prendre votre reçu à l’imprimante.');
    await printer.waitForJobs(2, 15_000);
    await kiosk.screenshot({ path: join(SCREENSHOT_DIR, 'kiosk-done-printing-fr-CA.png') });
  }, 120_000);

  it('without a printer: nothing about paper', async () => {
    const rig = await tillForThisTest();
    const kiosk = await rig.open('kiosk', KIOSK);
    await buyAndPay(kiosk);
    // Main has answered the done screen's question (no receipt printing) before the absence is asserted.
    await expect.poll(() => kiosk.getByTestId('kiosk-done').getAttribute('data-paper'), { timeout: 10_000 }).toBe('false');
    await kiosk.getByTestId('receipt').waitFor({ timeout: 10_000 });
    expect(await kiosk.getByTestId('kiosk-take-receipt').count()).toBe(0);
    await kiosk.screenshot({ path: join(SCREENSHOT_DIR, 'kiosk-done-no-printer.png') });
  }, 120_000);
});
