// `npm run pos -- journal verify` and the manager's journal:verify (docs/journal.md "Verify"): the hash chain, then
// the tables rebuilt from the events and compared row by row (rebuild.ts), then each Z's seal. Never migrates and
// never writes, so an older file is verified as it is and a support engineer's check never changes the evidence; a
// file on a read-only medium is verified from a private temporary copy. The file checks are openJournal's, so a
// corrupt or future file gets the same typed error.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { canWriteBeside, explainStorageError } from '../shared/storage-faults.js';
import { inspectJournalFile } from './file-check.js';
import { newestVersion } from './migrate.js';
import { journalMigrations } from './migrations/index.js';
import { verifyChain, type ChainVerdict } from './events.js';
import { rebuildAndCompare, type TableDifference } from './rebuild.js';

/** A seal printed on a Z: event number and (a prefix of) its hash, typed back in to check a file against paper. */
export interface PrintedSeal {
  seq: number;
  hash: string;
}

export interface JournalVerdict {
  ok: boolean;
  chain: ChainVerdict;
  /** Events in the file, and the newest one. */
  events: number;
  head: { seq: number; hash: string } | null;
  differences: TableDifference[];
  /** Events from before full payloads (migration 0080): their rows were rebuilt best effort. */
  legacyEvents: number;
  /** Printed seals that the file no longer matches. */
  sealProblems: string[];
}

function checkPrintedSeal(db: Database.Database, seal: PrintedSeal, events: number): string | undefined {
  const row = db.prepare('SELECT hash FROM events WHERE seq = ?').get(seal.seq) as { hash: string } | undefined;
  if (!row) return `the printed seal names event ${seal.seq}, but the journal has only ${events} events: events were removed from its end`;
  if (!row.hash.startsWith(seal.hash.toLowerCase())) return `event ${seal.seq} has hash ${row.hash.slice(0, 16)}…, not the printed ${seal.hash}`;
  return undefined;
}

/** Verifies an open database (the app's own connection, or a read-only one). Only reads. */
export function verifyJournalDb(db: Database.Database, seals: readonly PrintedSeal[] = []): JournalVerdict {
  const chain = verifyChain({ db });
  const head = (db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
  const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  const { differences, legacyEvents } = rebuildAndCompare(db);
  const sealProblems = seals.map((s) => checkPrintedSeal(db, s, events)).filter((p): p is string => p !== undefined);
  return { ok: chain.ok && differences.length === 0 && sealProblems.length === 0, chain, events, head, differences, legacyEvents, sealProblems };
}

/** Opens `file` read-only where it lies, or a private copy of it (and its WAL) when its folder cannot be written. */
function withReadOnlyDb<T>(file: string, use: (db: Database.Database) => T): T {
  let dir: string | undefined;
  let path = file;
  if (!canWriteBeside(file)) {
    dir = mkdtempSync(join(tmpdir(), 'pos-journal-verify-'));
    path = join(dir, basename(file));
    copyFileSync(file, path);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${path}-wal`);
  }
  try {
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw explainStorageError(error, file) ?? error;
    }
    try {
      return use(db);
    } finally {
      db.close();
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

export function verifyJournalFile(file: string, seals: readonly PrintedSeal[] = []): JournalVerdict {
  inspectJournalFile(file, newestVersion(journalMigrations));
  return withReadOnlyDb(file, (db) => verifyJournalDb(db, seals));
}

/** Why the verdict is not ok, in one line (the manager screen shows it). */
export function verdictReason(verdict: JournalVerdict): string | null {
  if (!verdict.chain.ok) return verdict.chain.reason;
  if (verdict.differences.length > 0) {
    const n = verdict.differences.length;
    return `${n} ${n === 1 ? 'row differs' : 'rows differ'} from the events: ${verdict.differences[0]?.detail ?? ''}${n > 1 ? ' …' : ''}`;
  }
  return verdict.sealProblems[0] ?? null;
}

/** Lines for a terminal or a support ticket; exit code 0 only for an intact chain whose tables match it. */
export function describeVerdict(file: string, verdict: JournalVerdict): { lines: string[]; exitCode: number } {
  const lines: string[] = [];
  const head = verdict.head ? `, head event ${verdict.head.seq} hash ${verdict.head.hash}` : '';
  if (!verdict.chain.ok) lines.push(`journal BROKEN at event ${verdict.chain.firstBrokenSeq}: ${verdict.chain.reason} (${file})`);
  else if (verdict.ok) lines.push(`journal ok: ${verdict.events} events, hash chain intact${head}; the tables match the events (${file})`);
  else lines.push(`journal BROKEN: hash chain intact (${verdict.events} events${head}), but ${verdict.differences.length} difference(s) with the events${verdict.sealProblems.length ? ` and ${verdict.sealProblems.length} printed seal(s) not matched` : ''} (${file})`);
  for (const d of verdict.differences) lines.push(`  ${d.detail}`);
  for (const p of verdict.sealProblems) lines.push(`  seal: ${p}`);
  if (verdict.legacyEvents > 0) {
    lines.push(`note: ${verdict.legacyEvents} event(s) were written before the journal kept full records (migration 0080); their rows were rebuilt best effort (times to ±1 s; terminal id and Z period not compared)`);
  }
  return { lines, exitCode: verdict.ok ? 0 : 1 };
}
