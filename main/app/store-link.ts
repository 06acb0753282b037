// The terminal's link to the store database (docs/store.md "Sync"), composed only when settings.json has `store.url`
// (or POS_STORE_URL is set): a background StoreSync over a small pool, nudged when the engine reports a payment
// event, never awaited by a sale or a payment. Without a store it is inert: the outbox count is 0, exactly as before.
import type pg from 'pg';
import type { Journal } from '../journal/database.js';
import { unsentEventCount } from '../journal/store-outbox.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { openStorePool, redactUrl, resolveStoreUrl, type StoreAccess } from '../store/store-connection.js';
import { StoreSync, type SyncScheduler, type SyncStatus, type SyncTimings } from '../store/store-sync.js';

export interface StoreLink {
  readonly configured: boolean;
  /** Events the store has not acknowledged (the update guard's store outbox); 0 without a store. */
  outbox(): number;
  status(): (SyncStatus & { store: string }) | undefined;
  /** The managers' connection string for the Whole store view, if this terminal has one. Stays in main. */
  managerUrl(): string | undefined;
  nudge(): void;
  /** Runs `work` on the managers' connection; 'no-manager-access' when this terminal has none. */
  withManager<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T | 'no-manager-access'>;
  close(): Promise<void>;
}

export interface StoreLinkOptions {
  journal: Journal;
  settings?: { url: string; managerUrl?: string };
  env: NodeJS.ProcessEnv;
  clock: Clock;
  logger: Logger;
  readStoredPassword?: (access: StoreAccess) => string | undefined;
  scheduler?: SyncScheduler;
  timings?: Partial<SyncTimings>;
}

/** The managers' pool, opened on first use (the Whole store view), closed with the link. */
function managerAccess(url: string | undefined, logger: Logger) {
  let pool: pg.Pool | undefined;
  return {
    async run<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T | 'no-manager-access'> {
      if (!url) return 'no-manager-access';
      pool ??= openStorePool(url, logger, 2);
      const client = await pool.connect();
      let failed: Error | undefined;
      try {
        return await work(client);
      } catch (error) {
        failed = error instanceof Error ? error : undefined;
        throw error;
      } finally {
        client.release(failed);
      }
    },
    close: async () => pool?.end(),
  };
}

export function startStoreLink(options: StoreLinkOptions): StoreLink {
  const sources = { env: options.env, settings: options.settings, readStoredPassword: options.readStoredPassword };
  const url = resolveStoreUrl('terminal', sources);
  const logger = options.logger.child('store');
  const managerUrl = resolveStoreUrl('manager', { ...sources, env: { ...options.env, POS_STORE_URL: options.env.POS_STORE_MANAGER_URL } });
  const manager = managerAccess(managerUrl, logger);
  if (!url) {
    return {
      configured: false, outbox: () => 0, status: () => undefined, managerUrl: () => managerUrl, nudge: () => undefined,
      withManager: (work) => manager.run(work), close: () => manager.close().then(() => undefined),
    };
  }
  const pool = openStorePool(url, logger, 1);
  const sync = new StoreSync({ journal: options.journal, pool, clock: options.clock, logger, scheduler: options.scheduler, timings: options.timings });
  sync.start();
  logger.info('store sync started', { store: redactUrl(url) });
  return {
    configured: true,
    outbox: () => unsentEventCount(options.journal),
    status: () => ({ ...sync.status(), store: redactUrl(url) }),
    managerUrl: () => managerUrl,
    nudge: () => sync.nudge(),
    withManager: (work) => manager.run(work),
    async close() {
      await sync.stop();
      await pool.end();
      await manager.close();
    },
  };
}
