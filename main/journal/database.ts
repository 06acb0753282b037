// Opens the journal: refuse anything we cannot open safely (file left untouched), then set the durability
// pragmas and migrate. Payment writes are synchronous=FULL in WAL mode: a committed attempt survives power loss.
// Storage faults (read-only medium, full disk, lock, wrong owner) become typed errors naming the file, the cause
// and the next step (main/shared/storage-faults.ts). A read-only open on a read-only medium works on a private copy.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../shared/clock.js';
import { createLogger, silentSink, type Logger } from '../shared/logger.js';
import { securePrivateDir, tightenFile } from '../shared/private-files.js';
import { canWriteBeside, explainStorageError, JournalMissingError, StorageReadOnlyError, wrongOwner } from '../shared/storage-faults.js';
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
  /**
   * For reports, export and verification: every write is refused, and a file on a read-only medium is read from a
   * private temporary copy (SQLite cannot read a WAL journal where it may not create its -shm file).
   */
  readOnly?: boolean;
}

export interface Journal {
  readonly db: Database.Database;
  readonly file: string;
  readonly clock: Clock;
  readonly terminalId: string;
  readonly timeZone: string;
  readonly logger: Logger;
  /** Opened with `readOnly`: write() refuses. */
  readonly readOnly: boolean;
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
function precheckExisting(file: string, newest: number, busyTimeoutMs: number): void {
  inspectJournalFile(file, newest);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
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
  // First, so a lock held by another process is waited for (and then named) from the very first pragma on.
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** The typed storage fault behind `error`, logged once; anything else unchanged. */
function explained(error: unknown, file: string, logger: Logger): unknown {
  const fault = explainStorageError(error, file);
  if (!fault || fault === error) return error;
  logger.error('journal storage fault', { fault: fault.code, file, message: fault.message });
  return fault;
}

function openDatabase(file: string, options: { busyTimeoutMs: number; logger: Logger; checkOwner: boolean }): Database.Database {
  const newest = newestVersion(journalMigrations);
  let db: Database.Database | undefined;
  try {
    const existed = existsSync(file);
    if (options.checkOwner) {
      const notMine = wrongOwner(dirname(file)) ?? wrongOwner(file);
      if (notMine) throw notMine;
    }
    if (existed) precheckExisting(file, newest, options.busyTimeoutMs);
    else securePrivateDir(dirname(file));
    db = new Database(file);
    // Before the first pragma creates -wal and -shm: SQLite gives them the journal's own mode.
    tightenFile(file);
    applyPragmas(db, options.busyTimeoutMs);
    migrate(db, journalMigrations, { logger: options.logger, file });
    for (const side of ['-wal', '-shm']) tightenFile(`${file}${side}`);
    return db;
  } catch (error) {
    db?.close();
    throw explained(error, file, options.logger);
  }
}

function makeJournal(db: Database.Database, fields: Omit<Journal, 'db' | 'statement' | 'write' | 'close'>, onClose: () => void = () => {}): Journal {
  const statements = new Map<string, Database.Statement>();
  // One reusable transaction wrapper; nested calls become savepoints (better-sqlite3 semantics).
  const transaction = db.transaction((work: () => unknown) => work());
  const { file, logger, readOnly } = fields;
  return {
    db,
    ...fields,
    statement(sql) {
      let stmt = statements.get(sql);
      if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
      return stmt;
    },
    write: <T>(work: () => T) => {
      if (readOnly) {
        throw new StorageReadOnlyError(file, 'this journal was opened read-only (a report, an export or a verification)', 'run the change from the app or a write command (charge, refund, close-day) on writable storage');
      }
      try {
        return transaction.immediate(work) as T;
      } catch (error) {
        throw explained(error, file, logger);
      }
    },
    close: () => {
      db.close();
      onClose();
    },
  };
}

/** A journal on a read-only medium: copied (with its WAL) into a private temporary folder and opened there. */
function openPrivateCopy(file: string, options: { busyTimeoutMs: number; logger: Logger }): { db: Database.Database; cleanUp: () => void } {
  if (!existsSync(file)) throw new JournalMissingError(file, 'there is no journal file there', 'check the data folder (--data-dir or POS_DATA_DIR)');
  inspectJournalFile(file, newestVersion(journalMigrations));
  const dir = mkdtempSync(join(tmpdir(), 'pos-journal-read-'));
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  try {
    const copy = join(dir, basename(file));
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    options.logger.info('journal is on a read-only medium; reading a private copy', { file, copy });
    try {
      return { db: openDatabase(copy, { ...options, checkOwner: false }), cleanUp };
    } catch (error) {
      // The copy is byte-for-byte the file: name the file, not the copy.
      if (error instanceof JournalCorruptError) throw new JournalCorruptError(file, error.reason);
      if (error instanceof JournalVersionError) throw new JournalVersionError(file, error.found, error.newest);
      throw error;
    }
  } catch (error) {
    cleanUp();
    throw error;
  }
}

export function openJournal(options: OpenJournalOptions): Journal {
  const { file, clock } = options;
  if (!TERMINAL_ID.test(options.terminalId)) throw new JournalInputError('terminalId', 'must match [A-Z0-9]{2,8}');
  const timeZone = validateTimeZone(options.timeZone ?? 'UTC');
  const logger = options.logger ?? createLogger('journal', silentSink);
  const readOnly = options.readOnly === true;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const fields = { file, clock, terminalId: options.terminalId, timeZone, logger, readOnly };
  if (readOnly && existsSync(file) && !canWriteBeside(file)) {
    const { db, cleanUp } = openPrivateCopy(file, { busyTimeoutMs, logger });
    return makeJournal(db, fields, cleanUp);
  }
  return makeJournal(openDatabase(file, { busyTimeoutMs, logger, checkOwner: !readOnly }), fields);
}

/** This journal's random id (migration 0080): settings.json remembers it so a vanished journal is noticed. */
export function journalIdOf(journal: Pick<Journal, 'db'>): string | undefined {
  const row = journal.db.prepare(`SELECT value FROM meta WHERE key = 'journal_id'`).get() as { value: string } | undefined;
  return row?.value;
}
