// Store migrations, in the journal's runner style (main/journal/migrate.ts): numbered in tens, append-only, each
// applied in its own transaction together with its row in pos_store.schema_migrations, under an advisory lock so two
// `pos store init` runs cannot interleave. A store database from a newer app is refused, never downgraded.
import type pg from 'pg';
import type { Logger } from '../shared/logger.js';
import { storeSchema } from './migrations/0010-store-schema.js';
import { storeSecurity } from './migrations/0020-store-security.js';
import { storeStaff } from './migrations/0030-store-staff.js';
import { storeDiscountsRefundTax } from './migrations/0040-store-discounts-refund-tax.js';
import { ident, type StoreRoles } from './store-roles.js';
import { StoreSetupError } from './store-errors.js';

export interface StoreMigration {
  readonly version: number;
  readonly name: string;
  /** The SQL; roles are per database (store-roles.ts), so policies name them. */
  sql(roles: StoreRoles): string;
}

export const storeMigrations: readonly StoreMigration[] = [storeSchema, storeSecurity, storeStaff, storeDiscountsRefundTax];

const LOCK_KEY = 7_400_2026;

export function newestStoreVersion(migrations: readonly StoreMigration[] = storeMigrations): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

export async function storeVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query(`SELECT to_regclass('pos_store.schema_migrations') IS NOT NULL AS ok`);
  if (!exists.rows[0]?.ok) return 0;
  const r = await client.query('SELECT coalesce(max(version), 0) AS v FROM pos_store.schema_migrations');
  return Number(r.rows[0]?.v ?? 0);
}

/** The two group roles, created when missing (CREATE ROLE has no IF NOT EXISTS). Needs CREATEROLE. */
async function ensureGroupRoles(client: pg.ClientBase, roles: StoreRoles): Promise<void> {
  for (const role of [roles.terminals, roles.managers]) {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (found.rowCount === 0) await client.query(`CREATE ROLE ${ident(role)} NOLOGIN`);
  }
}

/** Applies every store migration above the current version; returns the versions applied. */
export async function migrateStore(client: pg.ClientBase, roles: StoreRoles, options: { logger?: Logger; migrations?: readonly StoreMigration[] } = {}): Promise<number[]> {
  const migrations = options.migrations ?? storeMigrations;
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await ensureGroupRoles(client, roles);
    await client.query(`CREATE SCHEMA IF NOT EXISTS pos_store`);
    await client.query(`REVOKE ALL ON SCHEMA pos_store FROM PUBLIC`);
    await client.query(`GRANT USAGE ON SCHEMA pos_store TO ${ident(roles.terminals)}, ${ident(roles.managers)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS pos_store.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = await storeVersion(client);
    const newest = newestStoreVersion(migrations);
    if (current > newest) throw new StoreSetupError(`the store database is at version ${current}, newer than this app knows (${newest}); update this app first`);
    const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
    for (const m of pending) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql(roles));
        await client.query('INSERT INTO pos_store.schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      options.logger?.info('store migrated', { version: m.version, name: m.name });
    }
    return pending.map((m) => m.version);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}
