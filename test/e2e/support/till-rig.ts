// One training till per test: its own data folder (settings.json and catalog.csv written before the app is
// composed), its own composed app, browser host, Chromium and browser contexts, and its own serial scanner on
// a socat pty. So every test runs alone with `-t` and nothing leaks between tests. Every page opened here
// records what its screen showed (see screen-recorder.ts), so a test can say "the display never said failed"
// without sampling.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { composeApp } from '../../../main/app/compose.js';
import type { HostApi, WindowRole } from '../../../main/app/host-api.js';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/browser-host.js';
import { createControlClient, type ControlClient } from '../../../main/sandbox/control-client.js';
import { createLogger, silentSink } from '../../../main/shared/logger.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { signInTestCashier } from '../../support/staff-sign-in.js';
import { CHROMIUM_ARGS, RENDERER_DIR } from './e2e-rig.js';
import { installScreenRecorder, TECHNICAL_PATTERN_SOURCES, type ScreenRecord } from './screen-recorder.js';


export interface TillOptions {
  /** settings.json fields besides the counter's serial scanner (scanRules, timers, …), as the setup screen saves them. */
  settings?: Record<string, unknown>;
  /** catalog.csv (sku,gtin,name,price) for the data folder; absent: the training demo catalog. */
  catalogCsv?: string;
}

export interface TillRig {
  dataDir: string;
  host: HostApi;
  server: BrowserHost;
  browser: Browser;
  /** The training sandbox's control API: the test plays the customer and reads the ledger. */
  control: ControlClient;
  /** The counter's serial scanner: write `code\r` to `pty.scanner`. */
  pty: PtyPair;
  /**
   * A screen in its own browser context, recording what it shows from its first paint (and after reloads). A cashier
   * screen opens with the training cashier signed in (docs/staff.md), unless `signIn: false`.
   */
  open(role: WindowRole, size?: { width: number; height: number }, options?: { signIn?: boolean }): Promise<Page>;
  /** What every open screen shows now and went through: for a failing test's message. */
  describeScreens(): Promise<string>;
  close(): Promise<void>;
}

export async function startTill(options: TillOptions = {}): Promise<TillRig> {
  const dir = makeTempDir('pos-e2e-truth-');
  const pty = await openPtyPair(dir.path);
  writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ scanners: [{ kind: 'serial', path: pty.device, baudRate: 9600 }], ...options.settings }));
  if (options.catalogCsv !== undefined) writeFileSync(join(dir.path, 'catalog.csv'), options.catalogCsv);
  const logger = createLogger('e2e', silentSink);
  let host: HostApi;
  try {
    host = await composeApp({ dataDir: dir.path, logger });
  } catch (err) {
    await pty.close();
    dir.remove();
    throw err;
  }
  if (!host.trainingControlUrl) throw new Error('these tests expect training mode');
  const server = await startBrowserHost({ host, rendererDir: RENDERER_DIR, logger });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const pages: Array<{ role: WindowRole; page: Page }> = [];
  return {
    dataDir: dir.path, host, server, browser, pty, control: createControlClient(host.trainingControlUrl),
    async open(role, size = { width: 1280, height: 800 }, options = {}) {
      if (role === 'cashier' && options.signIn !== false) await signInTestCashier(host);
      const context = await browser.newContext({ viewport: size });
      contexts.push(context);
      await context.addInitScript(installScreenRecorder, TECHNICAL_PATTERN_SOURCES);
      const page = await context.newPage();
      pages.push({ role, page });
      await page.goto(server.urls[role]);
      return page;
    },
    async describeScreens() {
      const notes: string[] = [];
      for (const { role, page } of pages) {
        try {
          const text = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ').trim();
          const rec = await page.evaluate(() => (window as unknown as { __screenRecord?: ScreenRecord }).__screenRecord);
          notes.push(`  ${role} shows «${text.slice(0, 400)}»`);
          if (rec) {
            notes.push(`    display states seen: ${JSON.stringify(rec.display.filter((d) => d !== ''))}; attempt state/phase seen: ${JSON.stringify(rec.attempt.filter((a) => a !== ''))}`);
            if (rec.technical.length > 0) notes.push(`    machine text seen: ${rec.technical.slice(0, 3).join(' | ')}`);
          }
        } catch (err) {
          notes.push(`  ${role}: could not read (${String(err)})`);
        }
      }
      return `What the screens showed:\n${notes.join('\n')}`;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      await host.close();
      await pty.close();
      dir.remove();
    },
  };
}

/** A till for the current test only: closed when the test finishes, pass or fail. */
export async function tillForThisTest(options: TillOptions = {}): Promise<TillRig> {
  const rig = await startTill(options);
  onTestFinished(async ({ task }) => {
    // A failing test says what a person at the till would have seen, not just which assertion broke.
    const error = task.result?.state === 'fail' ? task.result.errors?.[0] : undefined;
    if (error) error.message = `${error.message}\n${await rig.describeScreens()}`;
    await rig.close();
  });
  return rig;
}
