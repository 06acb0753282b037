// `npm run pos -- journal verify`: checks a journal file's hash chain without migrating or writing anything,
// so an older file is verified as it is and a support engineer's check never changes the evidence.
// The file checks are the same as openJournal's, so a corrupt or future file gets the same typed error.
import Database from 'better-sqlite3';
import { inspectJournalFile } from './file-check.js';
import { newestVersion } from './migrate.js';
import { journalMigrations } from './migrations/index.js';
import { verifyChain, type ChainVerdict } from './events.js';

export function verifyJournalFile(file: string): ChainVerdict {
  inspectJournalFile(file, newestVersion(journalMigrations));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyChain({ db });
  } finally {
    db.close();
  }
}

/** One line for a terminal or a support ticket; exit code 0 only for an intact chain. */
export function describeVerdict(file: string, verdict: ChainVerdict): { line: string; exitCode: number } {
  return verdict.ok
    ? { line: `journal ok: ${verdict.events} events, hash chain intact (${file})`, exitCode: 0 }
    : { line: `journal BROKEN at event ${verdict.firstBrokenSeq}: ${verdict.reason} (${file})`, exitCode: 1 };
}
