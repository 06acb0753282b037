// Reads settings.json from the data folder. A missing file means defaults (training mode); a broken file is
// a typed ConfigError naming the file and the field, and is never overwritten, so nothing the shop typed is lost.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return valid;
}
