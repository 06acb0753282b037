// What a restart or a wrong clock must not bend (docs/journal.md "PIN lockout" and "Clocks"): the PIN lockout is
// journaled, so a restart gives no fresh guesses; a clock behind the newest journal event at start, or jumping
// while the app runs, shows a banner on the cashier and manager screens and is journaled, and payments keep working.
import { describe, expect, it } from 'vitest';
import { JUMP_THRESHOLD_MS } from '../../main/app/clock-watch.js';
import { signInTestCashier } from '../support/staff-sign-in.js';
import type { HostApi, WindowRole } from '../../main/app/host-api.js';
import { ManagerSessions, memoryPinStore } from '../../main/app/manager-sessions.js';
import { realTimers, type Timers } from '../../main/payments/timers.js';
import { ManualClock, systemClock } from '../../main/shared/clock.js';
import { restartableAppsPerTest } from '../support/composed-app.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';

const HOUR = 3_600_000;
const { folder, compose, stop } = restartableAppsPerTest('app-restart-');

type Answer = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
// The cashier screen starts at sign-in (docs/staff.md): the training cashier signs in before the till's first call.
const signedIn = new WeakSet<HostApi>();
const call = async (host: HostApi, role: WindowRole, channel: string, payload: unknown = {}) => {
  if (role === 'cashier' && !signedIn.has(host)) {
    await signInTestCashier(host);
    signedIn.add(host);
  }
  return (await host.invoke(role, channel, payload)) as Answer;
};
const events = (dataDir: string, kind: string) => {
  const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT payload FROM events WHERE kind = ? ORDER BY seq').all(kind).map((r) => JSON.parse((r as { payload: string }).payload) as Record<string, number>);
  } finally {
    db.close();
  }
};

describe('PIN lockout survives a restart', () => {
  it('unit: the count and the lockout come back from the store; a clock set back cannot stretch it', () => {
    const clock = new ManualClock();
    const store = memoryPinStore();
    const first = new ManagerSessions(clock, () => undefined, store);
    for (let i = 0; i < 4; i += 1) expect(() => first.unlock('0000')).toThrow(/Wrong PIN/);
    const second = new ManagerSessions(clock, () => undefined, store);
    expect(() => second.unlock('0000')).toThrow(/locked for 5 minutes/);
    const third = new ManagerSessions(clock, () => undefined, store);
    expect(() => third.unlock('1234')).toThrow(/Try again in 5 min/);
    clock.jump(-48 * HOUR);
    expect(() => new ManagerSessions(clock, () => undefined, store).unlock('1234')).toThrow(/Try again in 5 min/);
    clock.jump(48 * HOUR);
    clock.advance(5 * 60_000 + 1);
    expect(new ManagerSessions(clock, () => undefined, store).unlock('1234').session).toMatch(/.{16,}/);
  });

  it('the composed app journals wrong PINs: four, a restart, and the fifth locks the pad', async () => {
    const dataDir = folder();
    const first = await compose(dataDir);
    for (let i = 0; i < 4; i += 1) expect((await call(first, 'manager', 'manager:unlock', { pin: '9999' })).error?.code).toBe('PIN_WRONG');
    await stop(first);
    const second = await compose(dataDir);
    expect((await call(second, 'manager', 'manager:unlock', { pin: '9999' })).error?.code).toBe('PIN_LOCKED');
    await stop(second);
    const third = await compose(dataDir);
    expect((await call(third, 'manager', 'manager:unlock', { pin: '1234' })).error?.code).toBe('PIN_LOCKED');
    expect(events(dataDir, 'manager.pin_locked')).toHaveLength(1);
  });
});

describe('clock sanity', () => {
  it('a clock behind the newest journal event at start: a banner for cashier and manager, a journaled event, payments still work', async () => {
    const dataDir = folder();
    const first = await compose(dataDir);
    await call(first, 'cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
    await stop(first);
    const behind = new ManualClock(Date.now() - 3 * HOUR);
    const host = await compose(dataDir, { clock: behind });
    for (const role of ['cashier', 'manager'] as const) {
      expect((await call(host, role, 'app:info')).value).toMatchObject({ clock: { warning: 'behind-journal', minutes: 180 } });
    }
    expect((await call(host, 'kiosk', 'app:info')).value!.clock).toBeUndefined();
    expect(events(dataDir, 'clock.behind_journal')).toEqual([expect.objectContaining({ behindMs: expect.any(Number) })]);
    expect((await call(host, 'cashier', 'sale:addCustom', { name: 'Cake', amountCents: 450 })).ok).toBe(true);
    // $4.50 + 13% HST = $5.09, $5.10 in cash (docs/register.md).
    const paid = await call(host, 'cashier', 'payment:payCash', { tenderedCents: 1000 });
    expect(paid.value).toMatchObject({ state: 'succeeded' });
    // Payments keep working, and the sale goes to the open Z period whatever the clock says.
    const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
    expect(db.prepare(`SELECT period FROM attempts WHERE state = 'succeeded'`).all()).toEqual([{ period: 1 }]);
    db.close();
  });

  it('a wall-clock jump while running: app:clock to cashier and manager (not kiosk), journaled; a small step is not a jump', async () => {
    const dataDir = folder();
    const clock = new ManualClock(Date.now());
    const checks: Array<() => void> = [];
    const timers: Timers = { sleep: realTimers.sleep, every: (ms, fn) => (ms === 15_000 && checks.push(fn), realTimers.every(ms, fn)) };
    const host = await compose(dataDir, { clock, timers });
    const heard: Array<[WindowRole, unknown]> = [];
    for (const role of ['cashier', 'manager', 'kiosk', 'customer-display'] as const) host.subscribe(role, (event, payload) => event === 'app:clock' && heard.push([role, payload]));
    expect(checks).toHaveLength(1);
    clock.advance(15_000);
    clock.jump(30_000);
    checks[0]!();
    expect(heard).toEqual([]);
    clock.jump(JUMP_THRESHOLD_MS + 5 * 60_000);
    checks[0]!();
    expect(heard).toEqual([['cashier', { warning: 'jumped', minutes: 10 }], ['manager', { warning: 'jumped', minutes: 10 }]]);
    expect(events(dataDir, 'clock.jumped')).toEqual([expect.objectContaining({ jumpMs: JUMP_THRESHOLD_MS + 5 * 60_000 })]);
    expect((await call(host, 'manager', 'app:info')).value).toMatchObject({ clock: { warning: 'jumped', minutes: 10 } });
    expect((await call(host, 'cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 })).ok).toBe(true);
  });

  it('the system clock, as it is: no warning', async () => {
    const host = await compose(folder(), { clock: systemClock });
    expect((await call(host, 'cashier', 'app:info')).value).toMatchObject({ clock: { warning: null, minutes: 0 } });
  });
});
