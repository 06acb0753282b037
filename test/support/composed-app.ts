// The composed app for a test file: each test starts its own in a fresh data folder, closed and removed afterwards.
import { afterEach } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import type { HostApi, WindowRole } from '../../main/app/host-api.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { makeTempDir } from './temp-dir.js';
import { signInTestCashier } from './staff-sign-in.js';

export type Answer = {
  ok: boolean;
  value?: Record<string, unknown>;
  error?: { code: string; message: string; details?: Record<string, unknown> };
};

export type Call = (role: WindowRole, channel: string, payload?: unknown) => Promise<Answer>;

export interface ComposedApp {
  readonly host: HostApi;
  readonly dataDir: string;
  /** `host.invoke`, with every answer also kept as JSON in `answers`. */
  readonly call: Call;
  /** Every answer this test got, as JSON: for checking a secret never appears. */
  readonly answers: string[];
}

export interface ComposedAppHarness extends ComposedApp {
  /**
   * Composes the app for the running test; `host`, `dataDir` and `call` refer to it until the test ends. The training
   * cashier is signed in at the till (docs/staff.md) unless `signIn: false`.
   */
  readonly start: (options?: { signIn?: boolean }) => Promise<ComposedApp>;
}

/** For a test file (or describe): `start()` composes the app; afterEach closes it and removes its data folder. */
export function composedAppPerTest(prefix = 'pos-app-'): ComposedAppHarness {
  let host: HostApi | undefined;
  let dir: ReturnType<typeof makeTempDir> | undefined;
  const answers: string[] = [];
  afterEach(async () => {
    await host?.close();
    dir?.remove();
    host = dir = undefined;
    answers.length = 0;
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the composed app is not started: call start() in the test first');
    return value;
  };
  const call: Call = async (role, channel, payload = {}) => {
    const result = await started(host).invoke(role, channel, payload);
    answers.push(JSON.stringify(result));
    return result as Answer;
  };
  const harness: ComposedAppHarness = {
    get host() { return started(host); },
    get dataDir() { return started(dir).path; },
    call,
    answers,
    start: async (options = {}) => {
      dir = makeTempDir(prefix);
      host = await composeApp({ dataDir: dir.path, logger: createLogger('t', silentSink) });
      if (options.signIn !== false) await signInTestCashier(host);
      return harness;
    },
  };
  return harness;
}

export interface RestartableApps {
  /** A fresh data folder, removed after the test. */
  readonly folder: () => string;
  /** Composes the app on `dataDir` (quiet logger); closed after the test unless stopped first. */
  readonly compose: (dataDir: string, options?: Omit<Parameters<typeof composeApp>[0], 'dataDir'>) => Promise<HostApi>;
  /** Closes one app now, as a restart does, so the next compose on its folder finds what it left. */
  readonly stop: (host: HostApi) => Promise<void>;
}

/** For a test file whose tests restart the app on the same data folder; afterEach closes the apps, then removes the folders. */
export function restartableAppsPerTest(prefix: string): RestartableApps {
  const hosts: HostApi[] = [];
  const dirs: Array<ReturnType<typeof makeTempDir>> = [];
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.close();
    for (const d of dirs.splice(0)) d.remove();
  });
  return {
    folder: () => {
      const dir = makeTempDir(prefix);
      dirs.push(dir);
      return dir.path;
    },
    compose: async (dataDir, options = {}) => {
      const host = await composeApp({ dataDir, logger: createLogger('t', silentSink), ...options });
      hosts.push(host);
      return host;
    },
    stop: async (host) => {
      hosts.splice(hosts.indexOf(host), 1);
      await host.close();
    },
  };
}

/** Polls `check` every 20 ms, up to 200 times, until it holds. */
export async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
