// Which store database, as which role, with which password (docs/store.md "Configuration"). Like the gateway:
// `--store URL` for one run, then POS_STORE_URL, then settings.json `store.url` (a terminal) or `store.managerUrl`
// (managers). settings.json never holds a password: it comes from the URL given for one run, POS_STORE_PASSWORD, or
// the OS secret store (the app's `readStoredPassword`). The password never leaves main; logs show `redactUrl`.
import pg from 'pg';
import type { Logger } from '../shared/logger.js';
import { StoreSetupError } from './store-errors.js';

export type StoreAccess = 'terminal' | 'manager';

export interface StoreUrlSources {
  /** `--store URL`. */
  flag?: string;
  env: NodeJS.ProcessEnv;
  /** settings.json `store`. */
  settings?: { url: string; managerUrl?: string };
  /** The OS secret store's password for this access, if any. */
  readStoredPassword?: (access: StoreAccess) => string | undefined;
}

function parse(url: string, where: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreSetupError(`${where} is not a URL (expected postgres://ROLE@HOST:5432/DATABASE)`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new StoreSetupError(`${where} must be a postgres:// URL`);
  if (!parsed.username) throw new StoreSetupError(`${where} names no role (postgres://ROLE@HOST:5432/DATABASE)`);
  if (parsed.pathname.replace(/^\//, '') === '') throw new StoreSetupError(`${where} names no database (postgres://ROLE@HOST:5432/DATABASE)`);
  return parsed;
}

/** The connection string to use, password filled in; undefined when no store is configured (the default). */
export function resolveStoreUrl(access: StoreAccess, sources: StoreUrlSources): string | undefined {
  const fromSettings = access === 'manager' ? sources.settings?.managerUrl : sources.settings?.url;
  const [url, where] = sources.flag
    ? [sources.flag, '--store']
    : sources.env.POS_STORE_URL
      ? [sources.env.POS_STORE_URL, 'POS_STORE_URL']
      : [fromSettings, access === 'manager' ? 'settings.json store.managerUrl' : 'settings.json store.url'];
  if (!url) return undefined;
  const parsed = parse(url, where);
  if (!parsed.password) {
    // The managers' role has its own password; POS_STORE_PASSWORD serves a one-off CLI run of either.
    const fromEnv = access === 'manager' ? (sources.env.POS_STORE_MANAGER_PASSWORD ?? sources.env.POS_STORE_PASSWORD) : sources.env.POS_STORE_PASSWORD;
    const password = fromEnv ?? sources.readStoredPassword?.(access);
    if (password) parsed.password = encodeURIComponent(password);
  }
  return parsed.href;
}

/** For logs and screens: the role, host and database, never the password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username}@${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

export function databaseOf(url: string): string {
  return decodeURIComponent(parse(url, 'the store URL').pathname.replace(/^\//, ''));
}

export function roleOf(url: string): string {
  return decodeURIComponent(parse(url, 'the store URL').username);
}

/** A small pool: a terminal needs one connection; an idle one that breaks (the server restarted) is dropped, logged. */
export function openStorePool(url: string, logger: Logger, max = 2): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url, max, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 5_000,
    statement_timeout: 30_000, query_timeout: 35_000, application_name: 'pos-store',
  });
  // An idle client's error would otherwise crash the process; the next query reconnects.
  pool.on('error', (error) => logger.warn('store connection dropped; the next sync reconnects', { code: (error as { code?: string }).code }));
  return pool;
}
