// A refusal from main in the screen's own language. Main answers `{ code, message, details? }`; the words come
// from the dictionary key `errorCode.<CODE>` (with a `.one` variant where a count needs the singular), and
// `details` fills the placeholders: fields ending in `Cents` are shown as money. Main's English message is the
// fallback for a code the dictionaries do not know, or when a placeholder has no value to fill it.
import type { IpcError } from '../../../preload/contract.js';
import type { Locale } from '../locale.js';
import { formatMoney } from '../money.js';
import { DICTIONARIES } from './dictionaries.js';
import { translate, type MessageKey, type Messages } from './translate.js';

const PREFIX = 'errorCode.';

/** Which detail field decides singular or plural, for codes whose message counts something. */
const PLURAL_FIELD: Readonly<Record<string, string>> = { PIN_WRONG: 'triesLeft', PIN_LOCKED: 'minutes' };

export function errorMessageKey(code: string): string {
  return `${PREFIX}${code}`;
}

function lookup(messages: Messages, key: string): MessageKey | undefined {
  return Object.hasOwn(messages, key) ? (key as MessageKey) : undefined;
}

function pluralKey(messages: Messages, code: string, locale: Locale, details: Record<string, number> | undefined): MessageKey | undefined {
  const field = Object.hasOwn(PLURAL_FIELD, code) ? PLURAL_FIELD[code] : undefined;
  const count = field ? details?.[field] : undefined;
  if (count === undefined || new Intl.PluralRules(locale).select(count) !== 'one') return undefined;
  return lookup(messages, `${errorMessageKey(code)}.one`);
}

export function describeError(error: Pick<IpcError, 'code' | 'message' | 'details'>, locale: Locale, currency: string): string {
  const messages = DICTIONARIES[locale];
  const key = pluralKey(messages, error.code, locale, error.details) ?? lookup(messages, errorMessageKey(error.code));
  if (!key) return error.message;
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.details ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    vars[name] = name.endsWith('Cents') ? formatMoney(value, currency, locale) : value.toLocaleString(locale);
  }
  const text = translate(messages, key, vars);
  // A placeholder left unfilled means main sent fewer numbers than the words need: its own message says it whole.
  return /\{\w+\}/.test(text) ? error.message : text;
}
