// Migration runner in the Signal Desktop style: numbered, append-only migrations, each applied in its own
// transaction together with the `user_version` bump, so a crash leaves the journal at one exact version.
import type Database from 'better-sqlite3';
import type { Logger } from '../shared/logger.js';
import { JournalVersionError } from './errors.js';

export interface Migration {
  /** Numbered in tens (10, 20, ...); stored as PRAGMA user_version once applied. */
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function newestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Applies every migration above the current version, up to `target` (default: all). Refuses a database
 * from the future. Returns the versions applied.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: { target?: number; logger?: Logger; file?: string } = {},
): number[] {
  const newest = newestVersion(migrations);
  const current = userVersion(db);
  if (current > newest) throw new JournalVersionError(options.file ?? db.name, current, newest);
  const target = options.target ?? newest;
  const pending = [...migrations]
    .sort((a, b) => a.version - b.version)
    .filter((m) => m.version > current && m.version <= target);
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      // Integer from our own constant list, not user input; PRAGMA takes no bound parameters.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
    options.logger?.info('journal migrated', { version: migration.version, name: migration.name });
  }
  return pending.map((m) => m.version);
}
