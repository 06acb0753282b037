// The update guard (main/app/update-guard.ts): an update installs only when nothing can move money. Every
// combination of the four blockers, every attempt and refund state, malformed inputs, the feed URL from
// settings, and the rule that only main/electron/ loads electron-updater.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeBlockers, updateDecision, updateFeed, type InFlightWork, type UpdateBlocker } from '../../main/app/update-guard.js';
import { parseSettings } from '../../main/config/load-settings.js';
import { ATTEMPT_STATES, IN_FLIGHT_ATTEMPT_STATES, REFUND_STATES, UNSETTLED_REFUND_STATES, type AttemptState, type RefundState } from '../../preload/payment-states.js';

const idle: InFlightWork = { attemptStates: [], refundStates: [], printQueue: 0, storeOutbox: 0 };

const FACTORS: ReadonlyArray<{ blocker: UpdateBlocker; busy: Partial<InFlightWork> }> = [
  { blocker: 'PAYMENT_IN_FLIGHT', busy: { attemptStates: ['pending'] } },
  { blocker: 'REFUND_PROCESSING', busy: { refundStates: ['sent'] } },
  { blocker: 'PRINT_QUEUE_NOT_EMPTY', busy: { printQueue: 1 } },
  { blocker: 'STORE_OUTBOX_NOT_EMPTY', busy: { storeOutbox: 3 } },
];

/** All 16 on/off combinations of the four factors. */
const combinations = Array.from({ length: 2 ** FACTORS.length }, (_, mask) => {
  const on = FACTORS.filter((_, bit) => (mask >> bit) & 1);
  const work = on.reduce<InFlightWork>((acc, f) => ({ ...acc, ...f.busy }), idle);
  return { name: on.map((f) => f.blocker).join(' + ') || 'nothing in flight', work, blockers: on.map((f) => f.blocker) };
});

describe('updateDecision', () => {
  it('allows exactly one combination: nothing in flight', () => {
    const allowed = combinations.filter((c) => updateDecision(c.work).install);
    expect(allowed.map((c) => c.name)).toEqual(['nothing in flight']);
    expect(updateDecision(idle)).toEqual({ install: true });
  });

  it.each(combinations.filter((c) => c.blockers.length > 0).map((c) => [c.name, c] as const))('%s blocks, naming each blocker', (_name, c) => {
    expect(updateDecision(c.work)).toEqual({ install: false, blockers: c.blockers });
  });

  it.each(IN_FLIGHT_ATTEMPT_STATES.map((s) => [s]))('an attempt that is %s blocks (checking and unknown included)', (state) => {
    expect(updateDecision({ ...idle, attemptStates: [state] })).toEqual({ install: false, blockers: ['PAYMENT_IN_FLIGHT'] });
  });

  it('settled attempts (succeeded, failed) do not block; one in-flight attempt among them does', () => {
    const settled = ATTEMPT_STATES.filter((s) => !(IN_FLIGHT_ATTEMPT_STATES as readonly string[]).includes(s));
    expect(settled.sort()).toEqual(['failed', 'succeeded']);
    expect(updateDecision({ ...idle, attemptStates: settled })).toEqual({ install: true });
    expect(updateDecision({ ...idle, attemptStates: [...settled, 'unknown'] }).install).toBe(false);
  });

  it.each(UNSETTLED_REFUND_STATES.map((s) => [s]))('a refund that is %s blocks', (state) => {
    expect(updateDecision({ ...idle, refundStates: [state] })).toEqual({ install: false, blockers: ['REFUND_PROCESSING'] });
  });

  it('settled refunds do not block', () => {
    const settled = REFUND_STATES.filter((s) => !(UNSETTLED_REFUND_STATES as readonly string[]).includes(s));
    expect(updateDecision({ ...idle, refundStates: settled })).toEqual({ install: true });
  });

  it('fails closed: no answer, unknown states, and counts that are not exactly 0 all block', () => {
    expect(updateDecision(undefined)).toEqual({ install: false, blockers: ['STATE_UNKNOWN'] });
    expect(updateDecision(null as unknown as InFlightWork)).toEqual({ install: false, blockers: ['STATE_UNKNOWN'] });
    expect(updateDecision({ ...idle, attemptStates: ['refunding' as AttemptState] }).install).toBe(false);
    expect(updateDecision({ ...idle, refundStates: ['queued' as RefundState] }).install).toBe(false);
    expect(updateDecision({ ...idle, attemptStates: undefined as unknown as AttemptState[] })).toEqual({ install: false, blockers: ['STATE_UNKNOWN'] });
    for (const count of [Number.NaN, -1, 0.5, Infinity, undefined, '0']) {
      expect(updateDecision({ ...idle, printQueue: count as number }).install, String(count)).toBe(false);
      expect(updateDecision({ ...idle, storeOutbox: count as number }).install, String(count)).toBe(false);
    }
  });

  it('describes what holds the update back in words', () => {
    expect(describeBlockers(['PAYMENT_IN_FLIGHT', 'REFUND_PROCESSING'])).toBe('a payment is in flight; a refund is processing');
    expect(describeBlockers(['STATE_UNKNOWN'])).toMatch(/cannot be read/);
  });
});

describe('updateFeed (settings.json "updates")', () => {
  it('is off by default, in a development run, and without a URL', () => {
    expect(updateFeed(undefined, true)).toMatchObject({ on: false });
    expect(updateFeed({ enabled: false, url: 'https://updates.example.com/pos/' }, true)).toMatchObject({ on: false });
    expect(updateFeed({ enabled: true, url: 'https://updates.example.com/pos/' }, false)).toMatchObject({ on: false, reason: expect.stringMatching(/installed app/) });
    expect(updateFeed({ enabled: true }, true)).toMatchObject({ on: false, reason: expect.stringMatching(/updates\.url/) });
  });

  it('takes an https folder URL (with a trailing slash added), or http on loopback only', () => {
    expect(updateFeed({ enabled: true, url: 'https://updates.example.com/pos' }, true)).toEqual({ on: true, url: 'https://updates.example.com/pos/' });
    expect(updateFeed({ enabled: true, url: 'http://127.0.0.1:8080/' }, true)).toEqual({ on: true, url: 'http://127.0.0.1:8080/' });
    for (const url of ['http://updates.example.com/pos/', 'ftp://updates.example.com/', 'https://user:pw@updates.example.com/', 'https://updates.example.com/?v=1', 'not a url', 'file:///tmp/x/']) {
      expect(updateFeed({ enabled: true, url }, true), url).toMatchObject({ on: false });
    }
  });

  it('settings.json accepts the optional updates block, enabled false by default, and refuses a bad URL', () => {
    expect(parseSettings({}, 'settings.json').updates).toBeUndefined();
    expect(parseSettings({ updates: {} }, 'settings.json').updates).toEqual({ enabled: false });
    expect(parseSettings({ updates: { enabled: true, url: 'https://updates.example.com/pos/' } }, 'settings.json').updates).toEqual({ enabled: true, url: 'https://updates.example.com/pos/' });
    expect(() => parseSettings({ updates: { enabled: 'yes' } }, 'settings.json')).toThrow(/updates/);
    expect(() => parseSettings({ updates: { enabled: true, url: 'ftp://x/' } }, 'settings.json')).toThrow(/updates/);
  });
});

describe('electron-updater stays at the edge', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const path = join(dir, name);
      return statSync(join(root, path)).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
    });

  it('only main/electron/ imports electron-updater', () => {
    const importers = ['main', 'preload', 'renderer', 'scripts']
      .flatMap(sources)
      .filter((file) => /from\s+['"]electron-updater['"]|import\(\s*['"]electron-updater['"]\s*\)|require\(\s*['"]electron-updater/.test(readFileSync(join(root, file), 'utf8')));
    expect(importers.map((f) => relative('.', f).split('\\').join('/'))).toEqual(['main/electron/updater.ts']);
  });

  it('the guard module is pure: no electron, no journal, no file system', () => {
    const source = readFileSync(join(root, 'main/app/update-guard.ts'), 'utf8');
    expect(source.match(/^import .*$/gm)).toEqual([expect.stringContaining("from '../../preload/payment-states.js'")]);
  });
});
