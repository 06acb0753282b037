// The data folder holds the journal, settings and training credentials: on Linux and macOS it is 0700 and its files
// 0600, whatever the umask (docs/journal.md "Permissions"). Windows keeps its ACLs (the folder is under the user's
// profile). Only what this process owns is ever changed; nothing here throws for a file it cannot tighten.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const posix = process.platform !== 'win32';

function ownedByMe(mode: { uid: number }): boolean {
  return typeof process.getuid !== 'function' || mode.uid === process.getuid();
}

/** chmod 0600 when this process owns the file and group or others can read it. */
export function tightenFile(file: string): void {
  if (!posix) return;
  try {
    const s = statSync(file);
    if (s.isFile() && ownedByMe(s) && (s.mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE_MODE);
  } catch {
    // gone, or not ours to change: the caller's own open reports a real problem
  }
}

/** Files the app keeps in its data folder; anything else there (Electron's own caches) is left alone. */
const OUR_FILES = /^(journal\.sqlite(-wal|-shm)?|settings\.json|training-ledger\.json|training-merchant\.json|training-sandbox\.lock|catalog\.csv(\.bak)?)$/;

/**
 * Creates the data folder 0700, or tightens an existing one this process owns that already holds our files (a
 * folder the desktop shell created with its own umask). A shared folder such as /tmp (sticky bit) is never changed.
 */
export function securePrivateDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    if (posix) chmodSync(dir, PRIVATE_DIR_MODE);
    return;
  }
  if (!posix) return;
  try {
    const s = statSync(dir);
    const entries = readdirSync(dir);
    const ours = entries.length === 0 || entries.some((name) => OUR_FILES.test(name));
    if (s.isDirectory() && ownedByMe(s) && (s.mode & 0o1000) === 0 && (s.mode & 0o077) !== 0 && ours) chmodSync(dir, PRIVATE_DIR_MODE);
    for (const name of entries) if (OUR_FILES.test(name)) tightenFile(join(dir, name));
  } catch {
    // not ours, or read-only: reading still works, and a write reports its own fault
  }
}
