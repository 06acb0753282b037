// The browser host in front of the real composition root (training mode, temp data folder): the role a token
// decides is the role compose's dispatcher checks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signInTestCashier } from '../support/staff-sign-in.js';
import { composeApp } from '../../main/app/compose.js';
import { WINDOW_ROLES, type HostApi, type WindowRole } from '../../main/app/host-api.js';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/browser-host.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { createBrowserBridge, type BridgeSocket } from '../../renderer/shared/browser-bridge.js';
import type { PosApi } from '../../preload/contract.js';
import { makeTempDir } from '../support/temp-dir.js';

const temp = makeTempDir('pos-browser-compose-');
let host: HostApi;
let server: BrowserHost;

beforeAll(async () => {
  const rendererDir = join(temp.path, 'renderer');
  mkdirSync(rendererDir);
  for (const role of WINDOW_ROLES) writeFileSync(join(rendererDir, `${role}.html`), '<!doctype html>');
  const logger = createLogger('test', silentSink);
  host = await composeApp({ dataDir: join(temp.path, 'data'), logger });
  await signInTestCashier(host);
  server = await startBrowserHost({ host, rendererDir, logger });
});
afterAll(async () => {
  await server?.close();
  await host?.close();
  temp.remove();
});

function bridgeFor(role: WindowRole): PosApi {
  const url = new URL(server.urls[role]);
  return createBrowserBridge(
    { hash: url.hash, host: url.host, protocol: url.protocol },
    { createSocket: (u) => new WebSocket(u, { origin: url.origin }) as unknown as BridgeSocket },
  );
}

describe('browser host + composeApp', () => {
  it('runs in training mode with the sandbox card form allowed by the CSP', async () => {
    expect(host.training).toBe(true);
    expect(host.cardFormOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(new URL('/cashier.html', server.url));
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src 'self' ${host.cardFormOrigin};`);
    expect(csp).toContain(`frame-src ${host.cardFormOrigin};`);
  });

  it('answers each role as compose allows it, and refuses the rest', async () => {
    const cashier = bridgeFor('cashier');
    const display = bridgeFor('customer-display');
    await expect(cashier.invoke('app:info', {})).resolves.toMatchObject({ ok: true, value: { training: true } });
    await expect(cashier.invoke('report:dailyTotals', { session: 'x'.repeat(16) } as never)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await expect(display.invoke('sale:current', {})).resolves.toMatchObject({ ok: true });
    await expect(display.invoke('sale:new', {})).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await expect(cashier.invoke('sale:addItem', { nonsense: true } as never)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('pushes sale changes to the cashier screen', async () => {
    const cashier = bridgeFor('cashier');
    const seen: unknown[] = [];
    cashier.on('sale:changed', (sale) => seen.push(sale));
    await expect(cashier.invoke('sale:new', {})).resolves.toMatchObject({ ok: true });
    await expect.poll(() => seen.length).toBeGreaterThan(0);
  });
});
