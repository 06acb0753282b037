// Reads settings.json from the data folder. A missing file means defaults (training mode); a broken file is
// a typed ConfigError naming the file and the field, and is never overwritten, so nothing the shop typed is lost.
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainStorageError } from '../shared/storage-faults.js';
import { settingsSchema, type Settings } from './settings.js';

export const SETTINGS_FILE = 'settings.json';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ConfigError';
  }
}

export function parseSettings(raw: unknown, file: string): Settings {
  const result = settingsSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ConfigError(file, issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid settings');
}

export function loadSettings(dataDir: string): Settings {
  const file = join(dataDir, SETTINGS_FILE);
  if (!existsSync(file)) return parseSettings({}, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(file, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return parseSettings(raw, file);
}

/** Validates, then replaces the file atomically (write + rename), so a power cut leaves the old or the new file. */
export function saveSettings(dataDir: string, settings: unknown): Settings {
  const file = join(dataDir, SETTINGS_FILE);
  const valid = parseSettings(settings, file);
  writeAtomically(file, valid);
  return valid;
}

function writeAtomically(file: string, value: unknown): void {
  const temp = `${file}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, file);
  } catch (error) {
    // A full disk, a read-only medium or the wrong owner is said as such (file, cause, next step), not as an errno.
    throw explainStorageError(error, file) ?? error;
  }
}

const ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Order numbers are unique across terminals only if terminal ids are (journal/order-numbers.ts). A shop that
 * never set one would otherwise run every terminal as the schema's default `T1`; so the first start of a data
 * folder mints `T` + 5 random characters (about 1 in 33 million per pair to collide, before the journal tag)
 * and saves it. A set id is never changed, and a broken file is left for loadSettings to report.
 */
export function ensureTerminalId(dataDir: string, pick: (n: number) => number = randomInt): void {
  const file = join(dataDir, SETTINGS_FILE);
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
      raw = parsed as Record<string, unknown>;
    } catch {
      return;
    }
    if (raw.terminalId !== undefined || !settingsSchema.safeParse(raw).success) return;
  }
  mkdirSync(dataDir, { recursive: true });
  const id = `T${Array.from({ length: 5 }, () => ID_ALPHABET[pick(ID_ALPHABET.length)]).join('')}`;
  // Only the id is added: defaults the shop never chose stay unwritten, so a later version's defaults apply.
  const withId = { ...raw, terminalId: id };
  parseSettings(withId, file);
  writeAtomically(file, withId);
}

/** settings.json as the shop wrote it, or undefined when absent or unreadable (loadSettings reports those). */
function readRaw(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The journal id this data folder's settings remember, if any. */
export function rememberedJournalId(dataDir: string): string | undefined {
  const id = readRaw(join(dataDir, SETTINGS_FILE))?.journalId;
  return typeof id === 'string' ? id : undefined;
}

/** Remembers the journal's id in settings.json (only that key is added, like ensureTerminalId). */
export function rememberJournalId(dataDir: string, journalId: string): void {
  const file = join(dataDir, SETTINGS_FILE);
  const raw = readRaw(file) ?? (existsSync(file) ? undefined : {});
  if (!raw || raw.journalId === journalId) return;
  const next = { ...raw, journalId };
  parseSettings(next, file);
  writeAtomically(file, next);
}
