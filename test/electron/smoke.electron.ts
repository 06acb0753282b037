// The desktop app in the real Electron binary (npm run test:electron; .github/workflows/desktop.yml runs it on
// Linux under xvfb, Windows and macOS). It proves what no other test can: the app:// pages load under the CSP, the
// preload bridge works over real IPC, and the IOTPay card iframe is allowed to load inside an Electron window.
//
// In training mode, from a fresh data folder: the cashier and customer-display windows open; a sale is rung up by
// clicking a product; it is paid by QR (the customer's part played through the sandbox's control API, the order
// found in its ledger, as test/e2e/checkout.test.ts does) and a second sale by card through the stand-in card
// form; the merchant key is in no window's HTML and not in window.pos; updates are off; the app quits cleanly.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ConsoleMessage, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProducts } from '../../main/app/demo-catalog.js';
import { taxed } from '../e2e/support/truth-helpers.js';
import type { WindowRole } from '../../main/app/host-api.js';
import { TRAINING_MERCHANT_FILE } from '../../main/app/training-gateway.js';
import { roleUrl } from '../../main/electron/security.js';
import { createControlClient, type ControlClient } from '../../main/sandbox/control-client.js';
import { usableElectron } from '../../scripts/electron-binary.js';

const ENTRY = fileURLToPath(new URL('../../dist/main/index.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../test-results/electron', import.meta.url));
const electron = usableElectron();
if (!electron.ok) console.log(`test:electron: needs the Electron binary (${electron.reason}); skipped`);

const latte = demoProducts().find((p) => p.sku === 'LATTE')!;
const muffin = demoProducts().find((p) => p.sku === 'MUFFIN')!;

async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!electron.ok)('the desktop app in Electron, training mode', () => {
  let scratch: string;
  let app: ElectronApplication;
  let output = '';
  let cashier: Page;
  let display: Page;
  let control: ControlClient;
  let dataDir: string;
  const cspViolations: string[] = [];

  const windowFor = (role: WindowRole): Promise<Page> => until(() => app.windows().find((w) => w.url() === roleUrl(role)), `the ${role} window`);

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'pos-electron-'));
    app = await _electron.launch({
      executablePath: electron.ok ? electron.binary : undefined,
      // A data folder of its own (Chromium's switch; XDG_CONFIG_HOME as well on Linux), never the shop's.
      args: [ENTRY, `--user-data-dir=${join(scratch, 'data')}`],
      env: { ...(process.env as Record<string, string>), XDG_CONFIG_HOME: join(scratch, 'xdg'), ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
    app.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    app.process().stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    cashier = await windowFor('cashier');
    display = await windowFor('customer-display');
    for (const page of [cashier, display]) {
      page.on('console', (message: ConsoleMessage) => {
        if (/Content Security Policy|Refused to (load|frame|execute|connect)/i.test(message.text())) cspViolations.push(message.text());
      });
    }
    dataDir = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    // The app prints the training sandbox's control URL at start-up (main/app/training-gateway.ts); it is never
    // given to a screen. Only training mode has one: without it the test stops before any tender.
    const controlUrl = await until(() => /"controlUrl":"(http:\/\/127\.0\.0\.1:\d+[^"]*)"/.exec(output)?.[1], 'the training control URL on stdout');
    control = createControlClient(controlUrl);
  }, 120_000);

  afterAll(async () => {
    // What each window showed at the end, and the app's output: the workflow keeps them (test-results/electron/).
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'app-output.log'), output);
    for (const [name, page] of [['cashier', cashier], ['customer-display', display]] as const) {
      await page?.screenshot({ path: join(RESULTS, `${name}.png`) }).catch(() => undefined);
    }
    await app?.close().catch(() => undefined);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('opens the cashier and customer-display windows from app://pos, both in training mode, in a data folder of its own', async () => {
    expect(cashier.url()).toBe('app://pos/cashier.html');
    expect(display.url()).toBe('app://pos/customer-display.html');
    await cashier.getByTestId('training-banner').waitFor({ timeout: 30_000 });
    await display.getByTestId('training-banner').waitFor({ timeout: 30_000 });
    if (!dataDir.startsWith(scratch)) console.warn(`test:electron: Electron kept its default data folder ${dataDir}`);
    expect(output).toMatch(/updates are off/);
  });

  it('rings up a sale by clicking a product and is paid by QR through the sandbox', async () => {
    if (await cashier.getByTestId('new-sale').isVisible()) await cashier.getByTestId('new-sale').click();
    await cashier.getByTestId('sale-total').waitFor();
    await cashier.getByTestId('product-result').filter({ hasText: latte.name }).first().click();
    await expect.poll(() => cashier.getByTestId('sale-line').count(), { timeout: 10_000 }).toBe(1);
    const before = new Set((await control.ledger()).orders.map((o) => o.payOrderId));
    await cashier.getByTestId('tender-qr-WX_NATIVE').click();
    await display.getByTestId('payment-qr').waitFor({ timeout: 15_000 });
    const created = await until(async () => {
      const fresh = (await control.ledger()).orders.filter((o) => !before.has(o.payOrderId));
      return fresh.length > 0 ? fresh : undefined;
    }, 'the QR order in the sandbox ledger');
    expect(created).toHaveLength(1);
    // The training store is in Ontario: the latte plus 13% HST (docs/register.md).
    expect(created[0]).toMatchObject({ api: 'v1', channelId: 'WX_NATIVE', amount: taxed(latte.priceCents) });
    await control.payQr({ payOrderId: created[0]!.payOrderId });
    await cashier.getByTestId('receipt').waitFor({ timeout: 20_000 });
    await expect.poll(() => display.getByTestId('display-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('paid');
  });

  it('is paid by card through the stand-in card form: the CSP lets the card script and iframe load', async () => {
    await cashier.getByTestId('new-sale').click();
    await cashier.getByTestId('sale-total').waitFor();
    await cashier.getByTestId('product-result').filter({ hasText: muffin.name }).first().click();
    await cashier.getByTestId('tender-card').click();
    const form = cashier.frameLocator('[data-testid="card-form"] iframe');
    await form.locator('#cardNumber').fill('4242 4242 4242 4242', { timeout: 20_000 });
    await form.locator('#expiry').fill('12/30');
    await form.locator('#cvv').fill('123');
    await form.locator('#submit').click();
    await cashier.getByTestId('receipt').waitFor({ timeout: 20_000 });
    expect(cspViolations).toEqual([]);
  });

  it('the merchant key is in no window: not in the HTML, not in window.pos, not in what window.pos answers', async () => {
    const { key } = JSON.parse(readFileSync(join(dataDir, TRAINING_MERCHANT_FILE), 'utf8')) as { key: string };
    expect(key.length).toBeGreaterThanOrEqual(16);
    for (const page of [cashier, display]) {
      const seen = await page.evaluate(async () => {
        const pos = (window as unknown as { pos: Record<string, unknown> & { invoke(channel: string, request: unknown): Promise<unknown> } }).pos;
        return {
          html: document.documentElement.outerHTML,
          keys: Object.getOwnPropertyNames(pos).sort(),
          bridge: JSON.stringify(pos) + Object.values(pos).map(String).join('\n'),
          answers: JSON.stringify([await pos.invoke('app:info', {}), await pos.invoke('sale:current', {}), await pos.invoke('payment:live', {})]),
          node: typeof (window as unknown as { require?: unknown }).require + typeof (window as unknown as { process?: unknown }).process,
        };
      });
      const where = page.url();
      expect(seen.keys, where).toEqual(['invoke', 'on']);
      expect(seen.node, `${where}: no Node in the page`).toBe('undefinedundefined');
      for (const [part, text] of Object.entries(seen)) expect(String(text).includes(key), `${where} ${part}`).toBe(false);
    }
  });

  it('quits cleanly: the journal is closed by before-quit', async () => {
    await app.close();
    expect(output).not.toMatch(/host\.close failed|start-up failed/);
  });
});
