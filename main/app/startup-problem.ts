// What the recovery screen says when the app cannot start (docs/journal.md "Storage faults"): a typed start-up error
// (a storage fault, a corrupt or newer journal, broken settings, a busy training sandbox) becomes the screen's words
// in the store's language plus the error's own message, which names the file, the cause and the next step. An
// untyped error gives no problem: the host logs it and exits as before.
import { join } from 'node:path';
import { isErrorCode, type ErrorCode } from '../../preload/error-codes.js';
import { LOCALES, type Locale } from '../../preload/locales.js';
import { SETTINGS_FILE } from '../config/load-settings.js';
import { readFileSync } from 'node:fs';
// A declared layer crossing (eslint.config.js): the recovery screen's words are the screens' own dictionaries.
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';

export interface StartupProblem {
  code: ErrorCode;
  locale: Locale;
  title: string;
  /** What a person at the till reads: errorCode.<CODE> in the store's language. */
  summary: string;
  safe: string;
  technicalLabel: string;
  /** The error's own message: file, cause, next step (English, for support). */
  detail: string;
}

/** The store's language from settings.json if it can be read at all; English otherwise. */
function storeLocale(dataDir: string | undefined): Locale {
  if (!dataDir) return 'en-CA';
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, SETTINGS_FILE), 'utf8')) as { locale?: unknown };
    return LOCALES.find((l) => l === raw.locale) ?? 'en-CA';
  } catch {
    return 'en-CA';
  }
}

export function startupProblemOf(error: unknown, dataDir?: string): StartupProblem | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof Error) || !isErrorCode(code)) return undefined;
  const locale = storeLocale(dataDir);
  const words = DICTIONARIES[locale];
  const key = `errorCode.${code}` as keyof typeof words;
  return {
    code,
    locale,
    title: words['recovery.startupTitle'],
    summary: Object.hasOwn(words, key) ? words[key] : error.message,
    safe: words['recovery.startupSafe'],
    technicalLabel: words['recovery.technical'],
    detail: error.message,
  };
}
