// The trust boundary, seen from a real browser: a role cannot use another role's channels even by speaking
// the bridge protocol itself; the merchant key is in no page, bundle or message; the app cannot be left.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRAINING_MERCHANT_FILE } from '../../main/app/training-gateway.js';
import { RENDERER_DIR, startE2e, type E2eRig } from './support/e2e-rig.js';
import { E2E_READY } from './support/screen-helpers.js';

let rig: E2eRig;
const frames: string[] = [];

/** Speaks the bridge protocol directly from the page, as hostile script in that page could. */
function rawCall(page: Page, channel: string, payload: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  return page.evaluate(
    ([ch, body]) =>
      new Promise((resolve) => {
        const token = new URLSearchParams(location.hash.slice(1)).get('token');
        const ws = new WebSocket(`ws://${location.host}/bridge`);
        ws.onopen = () => ws.send(JSON.stringify({ auth: token }));
        ws.onmessage = (m) => {
          const msg = JSON.parse(String(m.data)) as { ready?: unknown; id?: number; result?: unknown };
          if (msg.ready) ws.send(JSON.stringify({ id: 7, channel: ch, payload: body }));
          else if (msg.id === 7) {
            resolve(msg.result as { ok: boolean; error?: { code: string } });
            ws.close();
          }
        };
      }),
    [channel, payload] as const,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function openWatched(role: Parameters<E2eRig['open']>[0]): Promise<Page> {
  const page = await rig.open(role);
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  await page.reload();
  return page;
}

describe.skipIf(!E2E_READY)('trust boundary in the browser', () => {
  // Each test has its own app and screens, so any one of them runs alone.
  beforeEach(async () => {
    rig = await startE2e();
  }, 60_000);
  afterEach(async () => rig?.close());

  it('the customer display cannot call cashier, refund or report channels, even by hand', async () => {
    const display = await rig.open('customer-display');
    await display.getByTestId('training-banner').waitFor();
    expect(await rawCall(display, 'payment:payCash', { tenderedCents: 100 })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await rawCall(display, 'sale:addCustom', { name: 'x', amountCents: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await rawCall(display, 'refund:create', { session: 'x'.repeat(20), attemptId: 1, amountCents: 1, reason: 'abc' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect((await rawCall(display, 'sale:current', {})).ok).toBe(true);
    const kiosk = await rig.open('kiosk');
    expect(await rawCall(kiosk, 'manager:unlock', { pin: '1234' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('the merchant key appears in no page, bundle file or bridge message', async () => {
    const key = (JSON.parse(readFileSync(join(rig.dataDir, TRAINING_MERCHANT_FILE), 'utf8')) as { key: string }).key;
    const cashier = await openWatched('cashier');
    const manager = await openWatched('manager');
    await cashier.getByTestId('product-result').first().click();
    await manager.getByTestId('pin-input').fill('1234');
    await manager.getByTestId('pin-submit').click();
    await manager.getByTestId('tab-settings').click();
    await manager.getByTestId('merchant-key-input').waitFor();
    expect(frames.length).toBeGreaterThan(3);
    for (const frame of frames) expect(frame).not.toContain(key);
    for (const page of [cashier, manager]) expect(await page.content()).not.toContain(key);
    for (const file of filesUnder(RENDERER_DIR)) expect(readFileSync(file, 'latin1'), file).not.toContain(key);
    expect(await manager.getByTestId('merchant-key-input').inputValue()).toBe('');
  });

  it('links, forms and window.open cannot take a screen away from the app', async () => {
    const cashier = await rig.open('cashier');
    await cashier.getByTestId('sale-total').waitFor();
    const start = cashier.url();
    const opened = await cashier.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/phish';
      link.textContent = 'free coffee';
      link.id = 'evil-link';
      document.body.append(link);
      const form = document.createElement('form');
      form.action = 'https://example.com/steal';
      form.method = 'post';
      form.id = 'evil-form';
      document.body.append(form);
      return window.open('https://example.com/popup') === null;
    });
    expect(opened).toBe(true);
    await cashier.click('#evil-link');
    await cashier.evaluate(() => (document.getElementById('evil-form') as HTMLFormElement).requestSubmit());
    await cashier.waitForTimeout(300);
    expect(cashier.url()).toBe(start);
    expect(cashier.context().pages()).toHaveLength(1);
  });
});
