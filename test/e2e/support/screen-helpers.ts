// What the browser tests share besides the rig: whether they can run here, the demo products they ring up,
// starting a fresh sale, and reading the payment QR off a screen the way a customer's phone would.
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { demoProducts } from '../../../main/app/demo-catalog.js';
import { requireTool } from '../../support/system-tools.js';

/** False (with a loud notice) on a laptop without the tools; under CI=true a missing tool fails instead. */
export const E2E_READY = requireTool('chromium', 'browser end-to-end tests') && requireTool('socat', 'the scanner in the end-to-end tests');

export const latte = demoProducts().find((p) => p.sku === 'LATTE')!;
export const muffin = demoProducts().find((p) => p.sku === 'MUFFIN')!;

// jsqr ships CommonJS with a default export; under NodeNext its default import is the module object.
type DecodeQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = (jsQRModule as unknown as { default?: DecodeQr }).default ?? (jsQRModule as unknown as DecodeQr);

export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** Waits for the payment QR on `page` and decodes it from a screenshot. */
export async function qrOn(page: Page): Promise<string | undefined> {
  const qr = page.getByTestId('payment-qr');
  await qr.waitFor({ timeout: 10_000 });
  return decodeQr(await qr.screenshot());
}

/** From the paid screen, "New sale"; returns once the new, empty sale is on screen (not the paid one's lines). */
export async function startSale(page: Page): Promise<void> {
  const newSale = page.getByTestId('new-sale');
  if (await newSale.isVisible()) {
    await newSale.click();
    await newSale.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="sale-line"]').first().waitFor({ state: 'detached' });
  }
  await page.getByTestId('sale-total').waitFor();
}
