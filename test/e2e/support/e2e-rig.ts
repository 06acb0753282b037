// End-to-end rig: the composed app in training mode, served by the browser host, driven in real Chromium,
// with a real serial scanner on a socat pty. Each test file gets its own data folder and ports.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { composeApp } from '../../../main/app/compose.js';
import type { HostApi, WindowRole } from '../../../main/app/host-api.js';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/browser-host.js';
import { createControlClient, type ControlClient } from '../../../main/sandbox/control-client.js';
import { createLogger, silentSink, type Logger } from '../../../main/shared/logger.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';
import { closedLoopbackUrl } from '../../support/loopback.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { signInTestCashier } from '../../support/staff-sign-in.js';

// POS_TEST_RENDERER_DIR: a renderer built elsewhere (`npx vite build --outDir DIR`), so two people building and
// testing at once on one checkout do not empty each other's dist/renderer mid-run.
export const RENDERER_DIR = process.env.POS_TEST_RENDERER_DIR ?? fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screens', import.meta.url));

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Chromium on the browser host over a composed app. */
export interface BrowserRig {
  dataDir: string;
  host: HostApi;
  server: BrowserHost;
  browser: Browser;
  /** A cashier screen opens with a cashier signed in (docs/staff.md), unless `signIn: false`. */
  open(role: WindowRole, size?: { width: number; height: number }, options?: { signIn?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** The training rig: the built-in sandbox's control API, and the counter's serial scanner on a pty. */
export interface E2eRig extends BrowserRig {
  control: ControlClient;
  pty: PtyPair;
}

async function openBrowserRig(dir: { path: string; remove(): void }, host: HostApi, logger: Logger, cleanup: () => Promise<void>): Promise<BrowserRig> {
  const server = await startBrowserHost({ host, rendererDir: RENDERER_DIR, logger });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    dataDir: dir.path, host, server, browser,
    async open(role, size = { width: 1280, height: 800 }, options = {}) {
      if (role === 'cashier' && options.signIn !== false) await signInTestCashier(host);
      const context = await browser.newContext({ viewport: size });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(server.urls[role]);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await host.close();
      await cleanup();
      dir.remove();
    },
  };
}

export async function startE2e(): Promise<E2eRig> {
  const dir = makeTempDir('pos-e2e-');
  const pty = await openPtyPair(dir.path);
  // The counter's scanner is a serial one on the pty, configured the way the setup screen saves it.
  writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ scanners: [{ kind: 'serial', path: pty.device, baudRate: 9600 }] }));
  const logger = createLogger('e2e', silentSink);
  const host = await composeApp({ dataDir: dir.path, logger });
  if (!host.trainingControlUrl) throw new Error('e2e expects training mode');
  const rig = await openBrowserRig(dir, host, logger, () => pty.close());
  return { ...rig, control: createControlClient(host.trainingControlUrl), pty };
}

/** A live (non-training) app whose IOTPay endpoint refuses every connection: the shop's network is down. */
export async function startOfflineE2e(): Promise<BrowserRig> {
  const dir = makeTempDir('pos-e2e-offline-');
  const logger = createLogger('e2e', silentSink);
  const deadUrl = await closedLoopbackUrl();
  const host = await composeApp({ dataDir: dir.path, logger, gatewayOverrides: { gatewayUrl: deadUrl, mchId: '10000701', key: 'OFFLINEKEY' } });
  return openBrowserRig(dir, host, logger, async () => undefined);
}

