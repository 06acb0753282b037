// Through the screens, in real Chromium through the browser host at 1024x768, with a real TCP listener on 127.0.0.1
// as a network printer WITHOUT a CJK mode (docs/printing.md "Characters", "Card tenders"): the demo catalog's 龙井茶
// paid by card through the stand-in card form. The screen's receipt shows 龙井茶 and "Visa ****4242"; the paper
// prints the catalog's transliteration "Longjing cha" in its place, the same tender line, and never a '?'.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener } from '../support/printer-listener.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, expectNeverTechnical } from './support/truth-helpers.js';

const SIZE = { width: 1024, height: 768 };
const QUESTION_MARK = 0x3f;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `receipt-latin-${name}.png`) });
}

describe.skipIf(!E2E_READY)('a Chinese name and a card on a printer without CJK', () => {
  it('the paper prints "Longjing cha" for 龙井茶 and "Visa ****4242" for the card, never a ?', async () => {
    const printer = await startPrinterListener('ok');
    onTestFinished(() => printer.close());
    const rig = await tillForThisTest({ settings: { storeName: 'Café Noël', printer: { target: printer.url, cjk: false } } });
    const cashier = await rig.open('cashier', SIZE);
    await startSale(cashier);
    await addProduct(cashier, '龙井茶');
    await cashier.getByTestId('tender-card').click();
    const form = cashier.frameLocator('[data-testid="card-form"] iframe');
    await form.locator('#cardNumber').fill('4242 4242 4242 4242');
    await form.locator('#expiry').fill('12/30');
    await form.locator('#cvv').fill('123');
    await form.locator('#submit').click();
    const receipt = cashier.getByTestId('receipt');
    await receipt.waitFor({ timeout: 15_000 });
    await expect.poll(() => receipt.getByTestId('receipt-tender').first().innerText(), { timeout: 10_000 }).toMatch(/^Visa \*{4}4242\s/);
    expect(await receipt.innerText()).toContain('龙井茶');

    const [bytes] = await printer.waitForJobs(1, 15_000);
    const paper = printedText(decodeEscPos(bytes as Uint8Array));
    expect(paper.some((l) => /^1 × Longjing cha +\$\d+\.\d\d$/.test(l))).toBe(true);
    expect(paper.some((l) => /^Visa \*{4}4242 +\$\d+\.\d\d$/.test(l))).toBe(true);
    expect(paper.join('\n')).not.toMatch(/龙井茶|LONGJING/u);
    expect((bytes as Uint8Array).includes(QUESTION_MARK)).toBe(false);
    await receipt.scrollIntoViewIfNeeded();
    await shot(cashier, 'card-1024');
    await expectNeverTechnical(cashier, 'cashier');
  }, 90_000);
});
