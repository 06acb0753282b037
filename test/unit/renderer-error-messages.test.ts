// Refusals from main reach the screen in its own language. The codes are one list (preload/error-codes.ts); the
// compiler already refuses a listed code without en-CA words (i18n/error-messages.ts) and fr-CA and zh-CN are typed
// against en-CA. These tests check the same at run time by name, plus the placeholders; the source scan that found
// codes is now only a guard that every error class a screen can meet declares a listed code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_DETAIL_FIELDS, publicDetails } from '../../main/app/error-details.js';
import { ERROR_CODES, isErrorCode, type ErrorCode } from '../../preload/error-codes.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { describeError, errorMessageKey } from '../../renderer/shared/i18n/error-messages.js';
import { LOCALES } from '../../renderer/shared/locale.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where an error a screen can receive is defined: the dispatcher and handlers (main/app), the till (main/checkout), what they call into
 * (payments, journal, the IOTPay client, settings), the two hosts' own refusals, and the screen's transport. Left out on
 * purpose: main/sandbox and main/cli (separate programs), main/catalog, main/electron/errors.ts,
 * main/browser-host/errors.ts and main/app/training-gateway.ts (start-up failures before any screen exists, see
 * START_UP_ONLY), main/scanners (device status text in scanners:status, never a refusal).
 */
const SOURCES = [
  'main/app', 'main/checkout', 'main/payments', 'main/journal', 'main/iotpay', 'main/reports', 'main/config/load-settings.ts',
  'main/browser-host/bridge-protocol.ts', 'main/electron/ipc-registration.ts',
  'preload/role-api.ts', 'renderer/shared/browser-bridge.ts', 'renderer/shared/invoke.ts',
];

/** Inside SOURCES but thrown only while the app is composed (main/app/services.ts), before any screen can ask. */
const START_UP_ONLY = ['main/app/training-gateway.ts'];

function tsFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) => tsFiles(join(path, name))).filter((f) => f.endsWith('.ts') && !START_UP_ONLY.includes(relative(ROOT, f)));
}

const CODE = "'([A-Z][A-Z0-9_]*)'";
const PATTERNS = [
  // class FooError { readonly code = 'FOO' } (also `override readonly code`, `readonly code: string = 'FOO'`, `= 'FOO' satisfies ErrorCode`)
  new RegExp(`readonly code(?::\\s*\\w+)?\\s*=\\s*${CODE}`, 'g'),
  // constructor(readonly code: 'A' | 'B') and object literals { code: 'A', message }
  /\bcode\??:\s*((?:\|?\s*'[A-Z][A-Z0-9_]*'\s*)+)/g,
  // type BridgeErrorCode = 'A' | 'B'
  /type \w*Code\s*=\s*((?:\s*\|?\s*'[A-Z][A-Z0-9_]*')+)/g,
  // dispatch.ts refusal('NOT_ALLOWED', …), role-api.ts refused('IPC_FAILED', …), browser-bridge.ts fail('BRIDGE_…', …), bridge invalid(id, 'BAD_…', …)
  new RegExp(`\\b(?:refusal|refused|fail)\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\binvalid\\(\\s*[\\w.]+,\\s*${CODE}`, 'g'),
  // const code = cond ? 'A' : 'B' (the till's scan refusals)
  /\bcode = [^;\n]*\? ('[A-Z][A-Z0-9_]*' : '[A-Z][A-Z0-9_]*')/g,
];

/** Each code the error classes and refusals in SOURCES declare, with the first file that declares it. */
function declaredCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of SOURCES.flatMap(tsFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        for (const code of (match[1] ?? '').matchAll(/([A-Z][A-Z0-9_]*)/g)) {
          if (!found.has(code[1]!)) found.set(code[1]!, relative(ROOT, file));
        }
      }
    }
  }
  return found;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

describe('error codes: one list, words in every language', () => {
  it.each(LOCALES)('%s has words for every listed code', (locale) => {
    const messages = DICTIONARIES[locale] as Record<string, string>;
    expect(ERROR_CODES.filter((code) => !Object.hasOwn(messages, errorMessageKey(code)))).toEqual([]);
  });

  it('the list has no duplicates, and no dictionary has words for a code that is not listed', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const locale of LOCALES) {
      const stale = Object.keys(DICTIONARIES[locale]).filter((k) => k.startsWith('errorCode.')).map((k) => k.slice(10).replace(/\.one$/, '')).filter((c) => !isErrorCode(c));
      expect(stale, locale).toEqual([]);
    }
  });

  it('guard: every error class and refusal a screen can meet declares a listed code', () => {
    const declared = declaredCodes();
    // The scan itself still works: it finds codes of every kind (class fields, unions, refusal calls, the till's scans).
    for (const code of ['NOT_ALLOWED', 'SECRET_STORE_UNAVAILABLE', 'AMOUNT_EXCEEDS_DUE', 'DECLINED', 'REFUND_EXCEEDS_PAID', 'DAY_ALREADY_CLOSED', 'SCAN_UNREADABLE', 'TOO_MANY_CALLS', 'BRIDGE_DISCONNECTED', 'IPC_FAILED', 'CONFIG_INVALID']) {
      expect(declared.has(code), code).toBe(true);
    }
    const missing = [...declared].filter(([code]) => !isErrorCode(code)).map(([code, file]) => `${code} (${file}): add it to preload/error-codes.ts`);
    expect(missing).toEqual([]);
  });

  it('every placeholder in an error message is a whitelisted detail of that code', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(DICTIONARIES[locale])) {
        if (!key.startsWith('errorCode.')) continue;
        const code = key.slice('errorCode.'.length).replace(/\.one$/, '');
        for (const name of placeholders(text)) expect(ERROR_DETAIL_FIELDS[code], `${locale} ${key} {${name}}`).toContain(name);
      }
    }
  });
});

describe('describeError', () => {
  it('words a refusal by its code in each language, with counts and money from details', () => {
    const wrong = (triesLeft: number) => ({ code: 'PIN_WRONG' as const, message: 'Wrong PIN.', details: { triesLeft } });
    expect(describeError(wrong(4), 'en-CA', 'CAD')).toBe('Wrong PIN. 4 tries left.');
    expect(describeError(wrong(1), 'en-CA', 'CAD')).toBe('Wrong PIN. 1 try left.');
    expect(describeError(wrong(1), 'fr-CA', 'CAD')).toBe('NIP incorrect. 1 essai restant.');
    expect(describeError(wrong(3), 'fr-CA', 'CAD')).toBe('NIP incorrect. 3 essais restants.');
    expect(describeError(wrong(2), 'zh-CN', 'CAD')).toBe('密码错误。还可尝试 2 次。');
    const locked = { code: 'PIN_LOCKED' as const, message: 'Too many wrong PINs.', details: { minutes: 5 } };
    expect(describeError(locked, 'zh-CN', 'CAD')).toBe('密码错误次数过多。请 5 分钟后再试。');
    const over = { code: 'AMOUNT_EXCEEDS_DUE' as const, message: 'amount 900 exceeds the 450 cents still due', details: { amountCents: 900, dueCents: 450 } };
    expect(describeError(over, 'en-CA', 'CAD')).toBe('$9.00 is more than the $4.50 still due.');
    expect(describeError(over, 'fr-CA', 'CAD')).toMatch(/^9,00\s\$ dépasse le solde de 4,50\s\$\.$/);
    expect(describeError({ code: 'NOT_ALLOWED', message: 'This screen may not make that request.' }, 'zh-CN', 'CAD')).toBe('此屏幕无权执行该操作。');
  });

  it("falls back to main's message for an unknown code, or when the numbers the words need are missing", () => {
    // Unlisted codes are a compile error; at run time one could still come from a peer built from other sources.
    const unlisted = (code: string) => code as ErrorCode;
    expect(describeError({ code: unlisted('SOMETHING_NEW'), message: 'A brand-new refusal.' }, 'fr-CA', 'CAD')).toBe('A brand-new refusal.');
    expect(describeError({ code: 'PIN_WRONG', message: 'Wrong PIN. 2 tries left.' }, 'zh-CN', 'CAD')).toBe('Wrong PIN. 2 tries left.');
    // A key that merely looks like a prototype member is not a dictionary entry.
    expect(describeError({ code: unlisted('constructor'), message: 'x' }, 'en-CA', 'CAD')).toBe('x');
  });
});

describe('publicDetails (what main lets travel with a refusal)', () => {
  it('sends only whitelisted finite numbers, never other fields of the error', () => {
    const err = Object.assign(new Error('m'), { amountCents: 900, dueCents: 450, file: '/secret/path', key: 'TESTKEY', codeLast4: '0001' });
    expect(publicDetails('AMOUNT_EXCEEDS_DUE', err)).toEqual({ amountCents: 900, dueCents: 450 });
    expect(publicDetails('JOURNAL_CORRUPT', err)).toBeUndefined();
    expect(publicDetails('PAYMENT_CODE_REUSED', err)).toBeUndefined();
    expect(publicDetails('PIN_WRONG', Object.assign(new Error('m'), { triesLeft: '3' }))).toBeUndefined();
    expect(publicDetails('PIN_WRONG', Object.assign(new Error('m'), { triesLeft: Number.NaN }))).toBeUndefined();
    expect(publicDetails('__proto__', err)).toBeUndefined();
    for (const fields of Object.values(ERROR_DETAIL_FIELDS)) for (const f of fields) expect(f).not.toMatch(/key|secret|pin$|session|code|token|file/i);
  });
});
