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
import { createLogger, silentSink } from '../../../main/shared/logger.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';
import { makeTempDir } from '../../support/temp-dir.js';

export const RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-results/screens', import.meta.url));

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface E2eRig {
  dataDir: string;
  host: HostApi;
  server: BrowserHost;
  control: ControlClient;
  pty: PtyPair;
  browser: Browser;
  open(role: WindowRole, size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startE2e(): Promise<E2eRig> {
  const dir = makeTempDir('pos-e2e-');
  const pty = await openPtyPair(dir.path);
  // The counter's scanner is a serial one on the pty, configured the way the setup screen saves it.
  writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ scanners: [{ kind: 'serial', path: pty.device, baudRate: 9600 }] }));
  const logger = createLogger('e2e', silentSink);
  const host = await composeApp({ dataDir: dir.path, logger });
  if (!host.trainingControlUrl) throw new Error('e2e expects training mode');
  const server = await startBrowserHost({ host, rendererDir: RENDERER_DIR, cardScriptOrigins: [host.cardFormOrigin], logger });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    dataDir: dir.path, host, server, pty, browser, control: createControlClient(host.trainingControlUrl),
    async open(role, size = { width: 1280, height: 800 }) {
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
      await pty.close();
      dir.remove();
    },
  };
}
