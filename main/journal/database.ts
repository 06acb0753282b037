// Opens the journal: refuse anything we cannot open safely (file left untouched), then set the durability
// pragmas and migrate. Payment writes are synchronous=FULL in WAL mode: a committed attempt survives power loss.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../shared/clock.js';
import { createLogger, silentSink, type Logger } from '../shared/logger.js';
import { JournalCorruptError, JournalInputError, JournalVersionError } from './errors.js';
import { inspectJournalFile } from './file-check.js';
import { migrate, newestVersion, userVersion } from './migrate.js';
import { journalMigrations } from './migrations/index.js';
import { validateTimeZone } from './store-day.js';

export interface OpenJournalOptions {
  file: string;
  clock: Clock;
  /** `[A-Z0-9]{2,8}`; prefixes every mchOrderNo and mchRefundNo, so it must be unique per store. */
  terminalId: string;
  logger?: Logger;
  /** IANA zone of the store; decides the store day printed in order numbers. Default UTC. */
  timeZone?: string;
  /** How long a write waits for another connection's lock before failing. */
  busyTimeoutMs?: number;
}

export interface Journal {
  readonly db: Database.Database;
  readonly file: string;
  readonly clock: Clock;
  readonly terminalId: string;
  readonly timeZone: string;
  readonly logger: Logger;
  /** A prepared statement, cached per connection: preparing costs more than a small insert. */
  statement(sql: string): Database.Statement;
  /** Runs `work` in one IMMEDIATE transaction; any throw rolls everything back. */
  write<T>(work: () => T): T;
  close(): void;
}

const TERMINAL_ID = /^[A-Z0-9]{2,8}$/;

function isCorruptionError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Database.SqliteError ? error.code : '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/** Read-only look before the real open: structure check, version, and "is this our journal at all". */
function precheckExisting(file: string, newest: number): void {
  inspectJournalFile(file, newest);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new JournalCorruptError(file, `quick_check: ${problems.slice(0, 3).join('; ')}`);
    }
    // The header can lag the WAL; the connection sees the committed version.
    const version = userVersion(db);
    if (version > newest) throw new JournalVersionError(file, version, newest);
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
    if (version === 0 && tables.n > 0) throw new JournalCorruptError(file, 'a SQLite database, but not a journal');
  } catch (error) {
    // Only SQLite's own verdicts on the bytes mean "corrupt"; a lock or a permission problem is not.
    if (isCorruptionError(error)) throw new JournalCorruptError(file, error.message);
    throw error;
  } finally {
    db?.close();
  }
}

function applyPragmas(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
}

export function openJournal(options: OpenJournalOptions): Journal {
  const { file, clock } = options;
  if (!TERMINAL_ID.test(options.terminalId)) throw new JournalInputError('terminalId', 'must match [A-Z0-9]{2,8}');
  const timeZone = validateTimeZone(options.timeZone ?? 'UTC');
  const logger = options.logger ?? createLogger('journal', silentSink);
  const newest = newestVersion(journalMigrations);
  if (existsSync(file)) precheckExisting(file, newest);
  else mkdirSync(dirname(file), { recursive: true });

  const db = new Database(file);
  try {
    applyPragmas(db, options.busyTimeoutMs ?? 5000);
    migrate(db, journalMigrations, { logger, file });
  } catch (error) {
    db.close();
    throw error;
  }
  const statements = new Map<string, Database.Statement>();
  // One reusable transaction wrapper; nested calls become savepoints (better-sqlite3 semantics).
  const transaction = db.transaction((work: () => unknown) => work());
  return {
    db,
    file,
    clock,
    terminalId: options.terminalId,
    timeZone,
    logger,
    statement(sql) {
      let stmt = statements.get(sql);
      if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
      return stmt;
    },
    write: <T>(work: () => T) => transaction.immediate(work) as T,
    close: () => db.close(),
  };
}
