// Reads settings.json from the data folder. A missing file means defaults (training mode); a broken file is
// a typed ConfigError naming the file and the field, and is never overwritten, so nothing the shop typed is lost.
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
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
