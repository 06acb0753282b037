// The updater's schedule (main/electron/updater-loop.ts) with fake timers and a fake electron-updater: it checks
// after start-up and every few hours, installs a downloaded update only when the guard allows, re-asks every
// minute while it is held back, and never installs while what is in flight cannot be read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InFlightWork } from '../../main/app/update-guard.js';
import { startUpdateLoop, UPDATE_TIMINGS, type LoopTimers, type UpdateLoop } from '../../main/electron/updater-loop.js';
import { createLogger, type LogLevel } from '../../main/shared/logger.js';

const idle: InFlightWork = { attemptStates: [], refundStates: [], printQueue: 0, storeOutbox: 0 };
const paying: InFlightWork = { ...idle, attemptStates: ['pending'] };

const fakeTimers: LoopTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

describe('update loop', () => {
  let work: InFlightWork | undefined | (() => never);
  let checks: number;
  let installs: number;
  let lines: Array<{ level: LogLevel; message: string; fields?: Record<string, unknown> }>;
  let loop: UpdateLoop;

  beforeEach(() => {
    vi.useFakeTimers();
    work = idle;
    checks = 0;
    installs = 0;
    lines = [];
    loop = startUpdateLoop({
      updater: {
        checkForUpdates: async () => {
          checks += 1;
          return null;
        },
        quitAndInstall: () => {
          installs += 1;
        },
      },
      inFlight: () => (typeof work === 'function' ? work() : work),
      log: createLogger('updater', (level, _prefix, message, fields) => lines.push({ level, message, fields })),
      timers: fakeTimers,
    });
  });
  afterEach(() => {
    loop.stop();
    vi.useRealTimers();
  });

  it('checks a minute after start-up, then every four hours', async () => {
    expect(checks).toBe(0);
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.firstCheckMs);
    expect(checks).toBe(1);
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.checkEveryMs);
    expect(checks).toBe(2);
    expect(loop.state).toBe('idle');
  });

  it('installs at once when an update arrives and nothing is in flight', () => {
    loop.downloaded('0.2.0');
    expect(installs).toBe(1);
    expect(loop.state).toBe('installing');
    expect(lines.some((l) => /installing/.test(l.message) && l.fields?.version === '0.2.0')).toBe(true);
  });

  it('holds the update while a payment is in flight, re-asks every minute, and installs once it is over', async () => {
    work = paying;
    loop.downloaded('0.2.0');
    expect(installs).toBe(0);
    expect(loop.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.recheckMs * 5);
    expect(installs).toBe(0);
    // Said once, not once a minute.
    expect(lines.filter((l) => /held back/.test(l.message))).toHaveLength(1);
    expect(lines[0]?.fields?.reason).toBe('a payment is in flight');
    work = idle;
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.recheckMs);
    expect(installs).toBe(1);
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.recheckMs * 10);
    expect(installs).toBe(1);
  });

  it('no new check while an update waits to be installed', async () => {
    work = paying;
    loop.downloaded('0.2.0');
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.firstCheckMs + UPDATE_TIMINGS.checkEveryMs);
    expect(checks).toBe(0);
  });

  it('never installs when what is in flight cannot be read (undefined, or the journal throws)', async () => {
    work = undefined;
    loop.downloaded('0.2.0');
    work = () => {
      throw new Error('journal closed');
    };
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.recheckMs * 3);
    expect(installs).toBe(0);
    expect(lines.some((l) => l.level === 'warn' && /cannot read/.test(l.message))).toBe(true);
  });

  it('asking directly answers the guard; nothing is installed after stop', async () => {
    expect(loop.tryInstall()).toBeUndefined(); // nothing downloaded
    work = { ...idle, refundStates: ['unknown'], printQueue: 2 };
    loop.downloaded('0.2.0');
    expect(loop.tryInstall()).toEqual({ install: false, blockers: ['REFUND_PROCESSING', 'PRINT_QUEUE_NOT_EMPTY'] });
    loop.stop();
    work = idle;
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.recheckMs * 3);
    expect(loop.tryInstall()).toBeUndefined();
    expect(installs).toBe(0);
  });

  it('a failing check is logged, and checking goes on', async () => {
    const failing = startUpdateLoop({
      updater: { checkForUpdates: () => Promise.reject(new Error('ENOTFOUND updates.example.com')), quitAndInstall: () => undefined },
      inFlight: () => idle,
      log: createLogger('updater', (level, _p, message) => lines.push({ level, message })),
      timers: fakeTimers,
    });
    await vi.advanceTimersByTimeAsync(UPDATE_TIMINGS.firstCheckMs + UPDATE_TIMINGS.checkEveryMs);
    expect(lines.filter((l) => l.level === 'warn' && /check failed/.test(l.message))).toHaveLength(2);
    failing.stop();
  });
});
