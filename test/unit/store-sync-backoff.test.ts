// The store sync's backoff (docs/store.md "Sync"): doubling from the first delay, capped, reset by a success.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, DEFAULT_SYNC_TIMINGS } from '../../main/store/store-sync.js';
import { redactUrl, resolveStoreUrl } from '../../main/store/store-connection.js';

describe('store sync backoff', () => {
  it('doubles from the first delay and never passes the cap', () => {
    const t = { firstBackoffMs: 1000, maxBackoffMs: 60_000 };
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => backoffDelay(n, t))).toEqual([0, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 1000 }), (failures, first) => {
      const d = backoffDelay(failures, { firstBackoffMs: first, maxBackoffMs: DEFAULT_SYNC_TIMINGS.maxBackoffMs });
      return d >= Math.min(first, DEFAULT_SYNC_TIMINGS.maxBackoffMs) && d <= DEFAULT_SYNC_TIMINGS.maxBackoffMs;
    }));
  });
});

describe('store connection string', () => {
  const env = {};
  it('is absent unless configured: a terminal on its own stays on its own', () => {
    expect(resolveStoreUrl('terminal', { env })).toBeUndefined();
  });
  it('takes --store over POS_STORE_URL over settings, and the password from POS_STORE_PASSWORD or the secret store', () => {
    const settings = { url: 'postgres://s_t_t1@db.local:5432/s', managerUrl: 'postgres://s_manager@db.local/s' };
    expect(resolveStoreUrl('terminal', { flag: 'postgres://a:b@h/x', env: { POS_STORE_URL: 'postgres://c@h/y' }, settings })).toBe('postgres://a:b@h/x');
    expect(resolveStoreUrl('terminal', { env: { POS_STORE_URL: 'postgres://c@h/y' }, settings })).toBe('postgres://c@h/y');
    expect(resolveStoreUrl('terminal', { env: { POS_STORE_PASSWORD: 'p w' }, settings })).toBe('postgres://s_t_t1:p%20w@db.local:5432/s');
    expect(resolveStoreUrl('manager', { env, settings, readStoredPassword: (a) => (a === 'manager' ? 'm' : undefined) })).toBe('postgres://s_manager:m@db.local/s');
  });
  it('never shows the password', () => {
    expect(redactUrl('postgres://s_t_t1:secret@db.local:5432/s')).toBe('s_t_t1@db.local:5432/s');
    expect(() => resolveStoreUrl('terminal', { flag: 'http://x/y', env })).toThrow(/postgres:\/\//);
  });
});
