// The composed app with a store database configured (docs/store.md "Sync"): a sale is paid at once while PostgreSQL
// is down (the sync is never on the payment path), the update guard counts the unsent events as the store outbox, and
// the background sync catches up by itself when the database comes back. Without a store, the outbox is 0 as before.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import type { HostApi } from '../../main/app/host-api.js';
import { updateDecision } from '../../main/app/update-guard.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { requirePostgres, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { signInTestCashier } from '../support/staff-sign-in.js';
import { createStoreDb, STORE_ZONE, type StoreDb } from '../support/store-terminals.js';
import { makeTempDir } from '../support/temp-dir.js';

function withoutPassword(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.href;
}

const available = requirePostgres('the app\'s store sync runs against a real PostgreSQL');

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!available)('the app with a store database', () => {
  let cluster: PostgresCluster;
  let store: StoreDb;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    store = await createStoreDb(cluster, ['T7']);
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it('sells while the store is down, holds the update while events wait, and catches up when it is back', async () => {
    const dir = makeTempDir('pos-store-app-');
    const url = new URL(store.urlOf('T7'));
    const password = decodeURIComponent(url.password);
    url.password = '';
    writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ terminalId: 'T7', storeTimeZone: STORE_ZONE, store: { url: url.href } }));
    process.env.POS_STORE_PASSWORD = password;
    let host: HostApi | undefined;
    try {
      cluster.stop('immediate');
      host = await composeApp({ dataDir: dir.path, logger: createLogger('t', silentSink) });
      delete process.env.POS_STORE_PASSWORD;
      await signInTestCashier(host);
      await host.invoke('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
      const paid = (await host.invoke('cashier', 'payment:payCash', { tenderedCents: 1000 })) as { ok: boolean; value?: { state: string } };
      expect(paid).toMatchObject({ ok: true, value: { state: 'succeeded' } });
      const work = host.inFlight?.();
      expect(work?.storeOutbox).toBeGreaterThan(0);
      expect(updateDecision(work)).toMatchObject({ install: false, blockers: expect.arrayContaining(['STORE_OUTBOX_NOT_EMPTY']) });

      cluster.start();
      const h = host;
      await eventually(() => h.inFlight?.().storeOutbox === 0, 'the background sync to catch up');
      expect(JSON.stringify(updateDecision(h.inFlight?.()))).not.toContain('STORE_OUTBOX_NOT_EMPTY');
      const manager = await store.connect(store.managerUrl);
      try {
        const row = (await manager.query(`SELECT behind, quarantined_at FROM pos_store.terminal_status WHERE terminal_id = 'T7'`)).rows[0];
        expect(row).toEqual({ behind: '0', quarantined_at: null });
        expect(Number((await manager.query(`SELECT count(*) AS n FROM pos_store.attempts WHERE terminal_id = 'T7' AND state = 'succeeded'`)).rows[0].n)).toBe(1);
      } finally {
        await manager.end();
      }
    } finally {
      delete process.env.POS_STORE_PASSWORD;
      if (!cluster.running()) cluster.start();
      await host?.close();
      dir.remove();
    }
  }, 90_000);
  it('keeps the connection like the merchant key: URLs in settings.json, passwords only in the secret store, used at the next start', async () => {
    const dir = makeTempDir('pos-store-app-');
    writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ terminalId: 'T8', storeTimeZone: STORE_ZONE }));
    const own = await createStoreDb(cluster, ['T8']);
    // The OS secret store's part (Electron safeStorage cannot run here): kept in memory, per role.
    const kept = new Map<string, string>();
    let available = false;
    const storeSecrets = { isAvailable: () => available, read: (a: 'terminal' | 'manager') => kept.get(a), write: (a: 'terminal' | 'manager', p: string) => void kept.set(a, p) };
    const logger = createLogger('t', silentSink);
    let host: HostApi | undefined = await composeApp({ dataDir: dir.path, logger, storeSecrets });
    try {
      const unlock = async (h: HostApi) => ((await h.invoke('manager', 'manager:unlock', { pin: '1234' })) as { value: { session: string } }).value.session;
      let session = await unlock(host);
      expect(await host.invoke('manager', 'store:totals', { session })).toMatchObject({ ok: true, value: { problem: 'not-configured' } });
      const connect = { session, connection: own.urlOf('T8'), managerConnection: own.managerUrl };
      // No real secret store: refused, nothing written anywhere.
      expect(await host.invoke('manager', 'store:connect', connect)).toMatchObject({ ok: false, error: { code: 'SECRET_STORE_UNAVAILABLE' } });
      expect(JSON.parse(readFileSync(join(dir.path, 'settings.json'), 'utf8')).store).toBeUndefined();
      available = true;
      expect(await host.invoke('manager', 'store:connect', { ...connect, connection: 'postgres://no-password@h/db' })).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
      const saved = await host.invoke('manager', 'store:connect', connect);
      expect(saved).toEqual({ ok: true, value: { stored: true, restartNeeded: true } });
      expect(JSON.stringify(saved)).not.toContain(new URL(own.urlOf('T8')).password);
      const file = readFileSync(join(dir.path, 'settings.json'), 'utf8');
      expect(JSON.parse(file).store).toEqual({ url: withoutPassword(own.urlOf('T8')), managerUrl: withoutPassword(own.managerUrl) });
      expect(file).not.toContain(new URL(own.urlOf('T8')).password);
      expect(kept.get('terminal')).toBe(decodeURIComponent(new URL(own.urlOf('T8')).password));

      // The next start connects with the stored passwords: the sale reaches the store, and the Whole store view reads it.
      await host.close();
      host = await composeApp({ dataDir: dir.path, logger, storeSecrets });
      const h = host;
      await signInTestCashier(h);
      await h.invoke('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
      expect(await h.invoke('cashier', 'payment:payCash', { tenderedCents: 1000 })).toMatchObject({ ok: true });
      await eventually(() => h.inFlight?.().storeOutbox === 0, 'the sale to reach the store');
      session = await unlock(h);
      const totals = (await h.invoke('manager', 'store:totals', { session })) as { ok: boolean; value: { problem: null; byTerminal: Array<{ label: string; paymentCount: number }> } };
      expect(totals).toMatchObject({ ok: true, value: { problem: null, byTerminal: [{ label: 'T8', paymentCount: 1 }] } });
      expect(await h.invoke('manager', 'store:sync', { session })).toMatchObject({ ok: true, value: { configured: true, managerAccess: true, unsent: 0, secretStoreAvailable: true } });
    } finally {
      await host?.close();
      dir.remove();
    }
  }, 90_000);
});
