// Storage faults the app can explain (docs/journal.md "Storage faults"): a read-only medium, a full disk, a
// journal that went missing, a file locked by another process, a folder or file the app may not write (wrong
// owner or permissions). Each is a typed error whose message names the file, the cause and the next step, so the
// log, the command line and the recovery screen say something a person can act on instead of
// "SqliteError: unable to open database file". A corrupt journal is JournalCorruptError (main/journal/errors.ts).
import { accessSync, constants, existsSync, statSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';

export abstract class StorageFaultError extends Error {
  abstract readonly code: string;
  constructor(readonly file: string, readonly reason: string, readonly nextStep: string, options?: { cause?: unknown }) {
    super(`${file}: ${reason}. Next step: ${nextStep}`, options);
    this.name = new.target.name;
  }
}

export class StorageReadOnlyError extends StorageFaultError {
  readonly code = 'STORAGE_READ_ONLY';
}

export class StorageFullError extends StorageFaultError {
  readonly code = 'STORAGE_FULL';
}

export class StorageLockedError extends StorageFaultError {
  readonly code = 'STORAGE_LOCKED';
}

/** The app may not write there: the folder or file belongs to another user, or its permissions forbid it. */
export class StoragePermissionError extends StorageFaultError {
  readonly code = 'STORAGE_PERMISSION';
}

/** The journal file is gone although this data folder had one; it is never silently recreated empty. */
export class JournalMissingError extends StorageFaultError {
  readonly code = 'JOURNAL_MISSING';
}

const READ_ONLY_NEXT = 'remount that medium read-write or move the data folder to writable storage; `npm run pos -- report`, `export` and `journal verify` still work read-only';
const FULL_NEXT = 'free space on that disk, then try again; everything committed before this is safe in the journal';
const LOCKED_NEXT = 'close the other POS window, command or sqlite3 shell using this data folder, then try again';

function uid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

function errnoOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function accessError(path: string, mode: number): string | undefined {
  try {
    accessSync(path, mode);
    return undefined;
  } catch (error) {
    return errnoOf(error) || 'EACCES';
  }
}

function freeBytes(dir: string): number | undefined {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

/**
 * Whether this process owns `path`; a folder or file of another user is refused before anything is written (files
 * the app created there would belong to the wrong user). Undefined when the platform has no uids (Windows).
 */
export function wrongOwner(path: string): StoragePermissionError | undefined {
  const me = uid();
  if (me === undefined || !existsSync(path)) return undefined;
  const owner = statSync(path).uid;
  if (owner === me) return undefined;
  return new StoragePermissionError(path, `it belongs to user id ${owner}, but the app runs as user id ${me}`, `start the app as the user who owns the data folder, or give it to this user (chown -R ${me} "${dirname(path)}")`);
}

/** Looks at the folder and file to tell why SQLite or fs could not open or write `file`. */
function diagnose(file: string, error: unknown): StorageFaultError | undefined {
  const dir = dirname(file);
  const target = existsSync(file) ? file : dir;
  const denied = accessError(target, constants.R_OK | constants.W_OK) ?? (existsSync(file) ? accessError(dir, constants.W_OK) : undefined);
  if (denied === 'EROFS') return new StorageReadOnlyError(file, `the medium holding ${dir} is read-only (EROFS); nothing was written`, READ_ONLY_NEXT, { cause: error });
  if (denied === 'EACCES' || denied === 'EPERM') {
    return wrongOwner(target) ?? new StoragePermissionError(file, `this user may not write ${target} (${denied})`, `give the app's user write access to the data folder (chmod u+rwx "${dir}")`, { cause: error });
  }
  if (denied === 'ENOENT') return new StoragePermissionError(file, `the folder ${dir} does not exist and could not be created`, 'check the data folder path (--data-dir or POS_DATA_DIR) and that its parent is writable', { cause: error });
  if (freeBytes(dir) === 0) return new StorageFullError(file, `the disk holding ${dir} is full`, FULL_NEXT, { cause: error });
  return wrongOwner(target);
}

/**
 * The storage fault behind `error` while working on `file`, or undefined when it is something else (a bug, a
 * constraint, a corrupt file: those keep their own errors). Never throws.
 */
export function explainStorageError(error: unknown, file: string): StorageFaultError | undefined {
  if (error instanceof StorageFaultError) return error;
  const code = errnoOf(error);
  try {
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
      return new StorageFullError(file, `the disk holding ${dirname(file)} is full (${code}); the last change was not saved`, FULL_NEXT, { cause: error });
    }
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return new StorageLockedError(file, `another process holds a lock on it (${code})`, LOCKED_NEXT, { cause: error });
    }
    if (code === 'EROFS') return new StorageReadOnlyError(file, `the medium holding ${dirname(file)} is read-only (EROFS); nothing was written`, READ_ONLY_NEXT, { cause: error });
    if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_PERM')) {
      return diagnose(file, error);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** True when new files can be written beside `file` (the folder exists, is writable, and not on a read-only medium). */
export function canWriteBeside(file: string): boolean {
  const dir = dirname(file);
  return accessError(dir, constants.W_OK) === undefined && (!existsSync(file) || accessError(file, constants.W_OK) === undefined);
}
