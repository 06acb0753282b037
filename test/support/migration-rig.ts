// The journal migration tests' rig (docs/journal.md, main/journal/README.md "Adding a migration"): each test gets a
// fresh journal file in its own folder, opened as the app opens it (WAL, foreign keys on), closed and removed after
// the test. The test migrates it to the version before the one under test, puts data in, then migrates on.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { makeTempDir } from './temp-dir.js';

/**
 * For a test file: before each test a fresh journal file is opened and handed to `opened` (keep it in the file's
 * `db`); after it the file is closed and its folder removed.
 */
export function journalFilePerTest(prefix: string, opened: (db: Database.Database) => void): void {
  let dir: ReturnType<typeof makeTempDir> | undefined;
  let db: Database.Database | undefined;
  beforeEach(() => {
    dir = makeTempDir(prefix);
    db = new Database(join(dir.path, 'journal.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    opened(db);
  });
  afterEach(() => {
    db?.close();
    dir?.remove();
    db = dir = undefined;
  });
}

/** The migration listed just before `version`, whatever the other parts of the app have added. */
export function versionBefore(version: number): number {
  return Math.max(...journalMigrations.map((m) => m.version).filter((v) => v < version));
}

export function countRows(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
