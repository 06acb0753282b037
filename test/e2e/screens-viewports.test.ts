// Every screen at the sizes shops run it on, in every language, with the states that matter at the counter:
// the cashier at 1024×768 and 1366×768 (a sale of several lines with a long name, and while a payment is
// being checked), the customer display at 800×480, 1024×600 and 1920×1080 (cart, QR, checking, paid with
// change), the kiosk at 1080×1920. Each picture lands in test-results/screens/viewport-*.png, and in each the
// key elements must lie inside the viewport and not be clipped, and no amount may overflow its box.
// One composed app per language (support/till-rig.ts), so each language runs alone with -t.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../main/app/demo-catalog.js';
import { gs1CheckDigit } from '../../main/scanners/gs1.js';
import { LOCALES, type Locale } from '../../preload/locales.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, muffin, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { attemptPhase, displayState, expectNoTechnicalText, newOrder, payCash, waitForPaid } from './support/truth-helpers.js';

type Size = { width: number; height: number };
const CASHIER_SIZES: Size[] = [{ width: 1024, height: 768 }, { width: 1366, height: 768 }];
const DISPLAY_SIZES: Size[] = [{ width: 800, height: 480 }, { width: 1024, height: 600 }, { width: 1920, height: 1080 }];
const KIOSK_SIZE: Size = { width: 1080, height: 1920 };

/** The demo catalog plus one product with a long name and a four-digit price, to stress line and total widths. */
const LONG_BODY = '006000100099';
const LONG = { sku: 'HAMPER', gtin: `${LONG_BODY}${gs1CheckDigit(LONG_BODY)}`, name: 'Organic jasmine green tea gift hamper with honey and ginger — family size (1 L)', priceCents: 123_456 };
const CATALOG_CSV = ['sku,gtin,name,price_cents', ...[...demoProducts(), LONG].map((p) => `${p.sku},${p.gtin},"${p.name}",${p.priceCents}`)].join('\n');

interface Fit {
  /** Must be wholly inside the viewport and inside every clipping ancestor. */
  inside: string[];
  /** Money: the text must fit its box (scrollWidth ≤ clientWidth). */
  money?: string[];
  /** Every element with this test id must fit its box horizontally (sale lines with a long name). */
  rows?: string[];
}

async function setLocale(page: Page, locale: Locale): Promise<void> {
  await page.getByTestId('locale-select').selectOption(locale);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
}

/** Why `testId`'s first element does not fit, or [] when it does. */
function fitProblems(page: Page, testId: string, check: 'inside' | 'money' | 'row', nth = 0): Promise<string[]> {
  return page.getByTestId(testId).nth(nth).evaluate((el, kind) => {
    const problems: string[] = [];
    const r = el.getBoundingClientRect();
    if (kind === 'inside') {
      if (r.width === 0 || r.height === 0) problems.push('has no size');
      if (r.left < -0.5 || r.top < -0.5 || r.right > window.innerWidth + 0.5 || r.bottom > window.innerHeight + 0.5) {
        problems.push(`box ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} outside ${window.innerWidth}×${window.innerHeight}`);
      }
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        if (r.left < ar.left - 0.5 || r.right > ar.right + 0.5 || r.top < ar.top - 0.5 || r.bottom > ar.bottom + 0.5) problems.push(`clipped by <${a.tagName.toLowerCase()} class="${a.className}">`);
      }
    }
    // An inline element has no box of its own to overflow: measure the block it sits in.
    let box: Element = el;
    while (getComputedStyle(box).display === 'inline' && box.parentElement) box = box.parentElement;
    if (box.scrollWidth > box.clientWidth + 0.5) problems.push(`text overflows: scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth}`);
    return problems;
  }, check);
}

/** For each size: resize, check the fit, save `viewport-<name>-<w>x<h>-<locale>.png`. */
async function shots(page: Page, name: string, sizes: Size[], locale: Locale, fit: Fit, still?: () => Promise<void>): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const size of sizes) {
    await page.setViewportSize(size);
    await expect.poll(() => page.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([size.width, size.height]);
    await still?.();
    const where = `${name} at ${size.width}×${size.height} in ${locale}`;
    // Saved before the checks, so a picture of a screen that does not fit is there to look at.
    await page.screenshot({ path: join(SCREENSHOT_DIR, `viewport-${name}-${size.width}x${size.height}-${locale}.png`) });
    for (const id of fit.inside) {
      await page.getByTestId(id).first().waitFor({ timeout: 10_000 });
      const problems = await fitProblems(page, id, 'inside');
      expect(problems, `${id}, ${where}: ${problems.join('; ')}`).toEqual([]);
    }
    for (const id of fit.money ?? []) {
      const problems = await fitProblems(page, id, 'money');
      expect(problems, `${id}, ${where}: ${problems.join('; ')}`).toEqual([]);
    }
    for (const id of fit.rows ?? []) {
      const count = await page.getByTestId(id).count();
      for (let i = 0; i < count; i += 1) {
        const problems = await fitProblems(page, id, 'row', i);
        expect(problems, `${id} #${i + 1}, ${where}: ${problems.join('; ')}`).toEqual([]);
      }
    }
    expect(await page.evaluate(() => document.documentElement.lang), where).toBe(locale);
    await expectNoTechnicalText(page, where);
  }
}

const TENDERS = ['tender-cash', 'tender-scan', 'tender-card', 'tender-qr-WX_NATIVE', 'tender-qr-ALIPAY_QR', 'tender-qr-UPI_QR'];

describe.skipIf(!E2E_READY)('screens at shop sizes, in every language', () => {
  it.each(LOCALES)('%s: cashier, customer display and kiosk fit their screens in every state', async (locale) => {
    const rig = await tillForThisTest({ catalogCsv: CATALOG_CSV });
    const cashier = await rig.open('cashier', CASHIER_SIZES[0]);
    const display = await rig.open('customer-display', DISPLAY_SIZES[0]);
    const kiosk = await rig.open('kiosk', KIOSK_SIZE);
    for (const page of [cashier, display, kiosk]) await setLocale(page, locale);
    const shownAs = (state: string) => async () => expect(await displayState(display), `customer display state`).toBe(state);

    // A sale of several lines, one with a long name and a four-digit price.
    await startSale(cashier);
    for (const name of [LONG.name, latte.name, muffin.name, 'Pork dumplings (8)']) {
      const before = await cashier.getByTestId('sale-line').count();
      await cashier.getByTestId('product-result').filter({ hasText: name }).first().click();
      await expect.poll(() => cashier.getByTestId('sale-line').count()).toBe(before + 1);
    }
    await expect.poll(() => displayState(display)).toBe('cart');
    await shots(cashier, 'cashier-sale', CASHIER_SIZES, locale, { inside: ['sale-total', ...TENDERS], money: ['sale-total'], rows: ['sale-line'] });
    await shots(display, 'display-cart', DISPLAY_SIZES, locale, { inside: ['display-status', 'sale-total'], money: ['sale-total'], rows: ['sale-line'] }, shownAs('cart'));

    // The customer-scan QR on the display.
    const before = await rig.control.ledger();
    await cashier.getByTestId('tender-qr-ALIPAY_QR').click();
    await display.getByTestId('payment-qr').waitFor({ timeout: 10_000 });
    const order = await newOrder(rig, before);
    await shots(display, 'display-qr', DISPLAY_SIZES, locale, { inside: ['payment-qr', 'display-amount', 'qr-countdown'], money: ['display-amount'] }, shownAs('waiting'));

    // Cancelled at the till, the customer may still pay: both screens are checking.
    await cashier.getByTestId('attempt-cancel').click();
    await expect.poll(() => attemptPhase(cashier), { timeout: 10_000 }).toBe('checking');
    await expect.poll(() => displayState(display), { timeout: 10_000 }).toBe('checking');
    await shots(cashier, 'cashier-checking', CASHIER_SIZES, locale, { inside: ['attempt-status', 'attempt-countdown', 'attempt-override', 'sale-total'], money: ['sale-total'], rows: ['sale-line'] });
    await shots(display, 'display-checking', DISPLAY_SIZES, locale, { inside: ['display-status'] }, shownAs('checking'));
    await rig.control.payQr({ payOrderId: order.payOrderId });
    await waitForPaid(cashier);

    // Paid in cash with change.
    await startSale(cashier);
    await cashier.getByTestId('product-result').filter({ hasText: latte.name }).first().click();
    await payCash(cashier, 2_000);
    await expect.poll(() => displayState(display), { timeout: 10_000 }).toBe('paid');
    await shots(display, 'display-paid-change', DISPLAY_SIZES, locale, { inside: ['display-paid-amount', 'display-change'], money: ['display-paid-amount', 'display-change'] }, shownAs('paid'));

    // The kiosk: its shop with a basket, then its pay screen.
    for (const name of [LONG.name, latte.name]) await kiosk.getByTestId('product-result').filter({ hasText: name }).first().click();
    await expect.poll(() => kiosk.getByTestId('kiosk-pay').isEnabled()).toBe(true);
    await shots(kiosk, 'kiosk-shop', [KIOSK_SIZE], locale, { inside: ['kiosk-pay', 'sale-total'], money: ['sale-total'], rows: ['sale-line'] });
    await kiosk.getByTestId('kiosk-pay').click();
    await shots(kiosk, 'kiosk-pay', [KIOSK_SIZE], locale, { inside: ['sale-total', 'tender-qr-WX_NATIVE', 'tender-qr-ALIPAY_QR', 'tender-qr-UPI_QR', 'kiosk-back'], money: ['sale-total'] });
  }, 120_000);
});
