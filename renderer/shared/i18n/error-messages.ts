// A refusal from main in the screen's own language. Main answers `{ code, message, details? }`; the words come
// from the dictionary key `errorCode.<CODE>` (with a `.one` variant where a count needs the singular), and
// `details` fills the placeholders: fields ending in `Cents` are shown as money. Main's English message is the
// fallback for a code the dictionaries do not know, or when a placeholder has no value to fill it; unless it
// reads like a machine's (a URL, a socket error, a stack), when a plain "Something went wrong" in the screen's
// language is shown instead: a cashier cannot act on "Error: connect ECONNREFUSED 127.0.0.1:8800".
import type { ErrorCode, IpcError } from '../../../preload/contract.js';
import type { Locale } from '../locale.js';
import { formatMoney } from '../money.js';
import { DICTIONARIES } from './dictionaries.js';
import { enCA } from './en-CA.js';
import { translate, type MessageKey, type Messages } from './translate.js';

const PREFIX = 'errorCode.';
export type ErrorMessageKey = `errorCode.${ErrorCode}`;

/**
 * Every code main can refuse with (preload/error-codes.ts) has words: a code without an `errorCode.<CODE>` entry in
 * en-CA is a compile error here, and fr-CA and zh-CN are typed against en-CA's keys (translate.ts).
 */
const _everyCodeHasWords: Record<ErrorMessageKey, string> = enCA;

/** Which detail field decides singular or plural, for codes whose message counts something. */
const PLURAL_FIELD: Readonly<Partial<Record<ErrorCode, string>>> = { PIN_WRONG: 'triesLeft', PIN_LOCKED: 'minutes' };

export function errorMessageKey(code: ErrorCode): ErrorMessageKey {
  return `${PREFIX}${code}`;
}

function lookup(messages: Messages, key: string): MessageKey | undefined {
  return Object.hasOwn(messages, key) ? (key as MessageKey) : undefined;
}

function pluralKey(messages: Messages, code: ErrorCode, locale: Locale, details: Record<string, number> | undefined): MessageKey | undefined {
  const field = Object.hasOwn(PLURAL_FIELD, code) ? PLURAL_FIELD[code] : undefined;
  const count = field ? details?.[field] : undefined;
  if (count === undefined || new Intl.PluralRules(locale).select(count) !== 'one') return undefined;
  return lookup(messages, `${errorMessageKey(code)}.one`);
}

/** Main's own text is shown only when a person can read it: no URLs, socket codes, exception names or stacks. */
export function looksTechnical(message: string): boolean {
  if (message.trim() === '') return true;
  // Node's socket codes (ECONNREFUSED, ETIMEDOUT, EPIPE) are capitals only; the rest in any case.
  if (/\bE[A-Z]{3,}\b/.test(message)) return true;
  return /https?:|:\/\/|\bwww\.|http|error:|\bat \S+ \(|[{}<>]|\bundefined\b|\bNaN\b/i.test(message);
}

function fallback(messages: Messages, message: string): string {
  return looksTechnical(message) ? translate(messages, 'error.generic') : message;
}

export function describeError(error: Pick<IpcError, 'code' | 'message' | 'details'>, locale: Locale, currency: string): string {
  const messages = DICTIONARIES[locale];
  const key = pluralKey(messages, error.code, locale, error.details) ?? lookup(messages, errorMessageKey(error.code));
  if (!key) return fallback(messages, error.message);
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.details ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    vars[name] = name.endsWith('Cents') ? formatMoney(value, currency, locale) : value.toLocaleString(locale);
  }
  const text = translate(messages, key, vars);
  // A placeholder left unfilled means main sent fewer numbers than the words need: its own message says it whole.
  return /\{\w+\}/.test(text) ? fallback(messages, error.message) : text;
}
