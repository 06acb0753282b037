// `pos store init`: against a store database and an administrator's connection, apply the store migrations, create
// one login role per terminal named and the managers' login role, and hand back the connection string each should
// use (printed once; the passwords are not stored anywhere by us). Running it again applies what is new and adds
// new terminals; an existing role keeps its password unless `rotate` names it.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Logger } from '../shared/logger.js';
import { databaseOf } from './store-connection.js';
import { migrateStore } from './store-migrate.js';
import { ident, literal, storeRoles, terminalRole, type StoreRoles } from './store-roles.js';

export interface InitResult {
  applied: number[];
  roles: StoreRoles;
  /** One per terminal asked for; `url` carries the password only when it was created or rotated now. */
  terminals: Array<{ terminalId: string; role: string; url: string; created: boolean; passwordIssued: boolean }>;
  manager: { role: string; url: string; passwordIssued: boolean };
}

function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

function urlFor(adminUrl: string, role: string, password: string | undefined): string {
  const u = new URL(adminUrl);
  u.username = encodeURIComponent(role);
  u.password = password ? encodeURIComponent(password) : '';
  return u.href;
}

async function ensureLogin(client: pg.ClientBase, role: string, member: string, rotate: boolean): Promise<{ created: boolean; password?: string }> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (found.rowCount !== 0 && !rotate) return { created: false };
  const password = newPassword();
  if (found.rowCount === 0) await client.query(`CREATE ROLE ${ident(role)} LOGIN PASSWORD ${literal(password)} IN ROLE ${ident(member)}`);
  else await client.query(`ALTER ROLE ${ident(role)} PASSWORD ${literal(password)}`);
  return { created: found.rowCount === 0, password };
}

export async function initStore(client: pg.ClientBase, adminUrl: string, options: { terminals: string[]; rotate?: string[]; logger?: Logger }): Promise<InitResult> {
  const roles = storeRoles(databaseOf(adminUrl));
  const applied = await migrateStore(client, roles, { logger: options.logger });
  const rotate = new Set(options.rotate ?? []);
  const terminals: InitResult['terminals'] = [];
  for (const terminalId of options.terminals) {
    const role = terminalRole(roles, terminalId);
    const login = await ensureLogin(client, role, roles.terminals, rotate.has(terminalId));
    // A role can only ever speak for one terminal; re-running init keeps the mapping.
    await client.query(`INSERT INTO pos_store.terminals (terminal_id, role_name) VALUES ($1, $2) ON CONFLICT (terminal_id) DO NOTHING`, [terminalId, role]);
    terminals.push({ terminalId, role, url: urlFor(adminUrl, role, login.password), created: login.created, passwordIssued: login.password !== undefined });
  }
  const manager = await ensureLogin(client, roles.manager, roles.managers, rotate.has('manager'));
  return { applied, roles, terminals, manager: { role: roles.manager, url: urlFor(adminUrl, roles.manager, manager.password), passwordIssued: manager.password !== undefined } };
}
