// Terminals for the store tests: each its own data folder (settings.json with its terminal id, journal.sqlite) and
// a real payment engine against one shared sandbox, plus a store database initialised by `initStore` in a real
// PostgreSQL cluster (test/support/postgres-cluster.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { Catalog } from '../../main/catalog/catalog.js';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { Till } from '../../main/checkout/till.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { PaymentEngine } from '../../main/payments/engine.js';
import { realTimers } from '../../main/payments/timers.js';
import { startSandbox, type SandboxHandle } from '../../main/sandbox/index.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { initStore, type InitResult } from '../../main/store/store-init.js';
import { FAST_TIMINGS } from './engine-fixtures.js';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';
import { REGISTER_PRODUCTS } from './register-till.js';
import { clientFor } from './sandbox-fixtures.js';
import { makeTempDir } from './temp-dir.js';

export const STORE_ZONE = 'America/Toronto';

export interface StoreTerminal {
  id: string;
  dataDir: string;
  journal: Journal;
  engine: PaymentEngine;
  till: Till;
  close(): Promise<void>;
}

export function writeTerminalSettings(dataDir: string, terminalId: string): void {
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ terminalId, storeTimeZone: STORE_ZONE, province: 'ON' }), { mode: 0o600 });
}

export function openTerminal(id: string, sandbox: SandboxHandle): StoreTerminal {
  const dir = makeTempDir(`pos-store-${id}-`);
  writeTerminalSettings(dir.path, id);
  const journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock: systemClock, terminalId: id, timeZone: STORE_ZONE });
  const client = clientFor(sandbox, { device: id, timeouts: { createMs: 500, queryMs: 500, refundMs: 500 } });
  const engine = new PaymentEngine({ journal, client, clock: systemClock, timers: realTimers, logger: createLogger('engine', silentSink), timings: FAST_TIMINGS, currency: 'CAD' });
  const catalog = new Catalog();
  for (const p of REGISTER_PRODUCTS) catalog.add(p);
  const till = new Till({
    journal, engine, catalog, currency: 'CAD', cashier: () => `cashier-${id.toLowerCase()}`, logger: createLogger('till', silentSink),
    onEvent: () => undefined, approve: () => 'manager', tax: () => taxSetupFor('ON', '2026-11-22', false),
  });
  return {
    id, dataDir: dir.path, journal, engine, till,
    async close() {
      await engine.stop();
      journal.close();
      dir.remove();
    },
  };
}

export interface StoreDb {
  database: string;
  adminUrl: string;
  init: InitResult;
  /** Connection string of a terminal's role (with its password). */
  urlOf(terminalId: string): string;
  managerUrl: string;
  /** A client as the given URL; closed by the caller. */
  connect(url: string): Promise<pg.Client>;
}

let dbSerial = 0;

export async function createStoreDb(cluster: PostgresCluster, terminals: string[]): Promise<StoreDb> {
  dbSerial += 1;
  const database = `store_${process.pid}_${dbSerial}`;
  cluster.createDatabase(database);
  const adminUrl = cluster.urlFor(database);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let init: InitResult;
  try {
    init = await initStore(admin, adminUrl, { terminals });
  } finally {
    await admin.end();
  }
  const connect = async (url: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  };
  return {
    database, adminUrl, init, managerUrl: init.manager.url, connect,
    urlOf: (id) => {
      const t = init.terminals.find((x) => x.terminalId === id);
      if (!t) throw new Error(`no terminal ${id} in this store`);
      return t.url;
    },
  };
}

export interface StoreRig {
  cluster: PostgresCluster;
  sandbox: SandboxHandle;
  store: StoreDb;
  /** Open terminals, closed after the suite; a test may push the ones it opens itself. */
  terminals: StoreTerminal[];
}

/**
 * The store tests' common suite setup: a PostgreSQL cluster, a sandbox, a store database for `storeTerminals`, and the
 * `opened` terminals; all torn down after the suite. Call inside `describe`; read the fields inside tests.
 */
export function useStoreRig(storeTerminals: string[], opened: string[] = []): StoreRig {
  const rig = { terminals: [] as StoreTerminal[] } as unknown as StoreRig;
  beforeAll(async () => {
    rig.cluster = await startPostgresCluster();
    rig.sandbox = await startSandbox({ passwordMs: 100 });
    rig.store = await createStoreDb(rig.cluster, storeTerminals);
    for (const id of opened) rig.terminals.push(openTerminal(id, rig.sandbox));
  }, 60_000);
  afterAll(async () => {
    for (const t of rig.terminals) await t.close();
    await rig.sandbox?.close();
    rig.cluster?.destroy();
  });
  return rig;
}
