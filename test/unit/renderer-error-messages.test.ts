// Refusals from main reach the screen in its own language. The codes are discovered from the source of every
// module whose errors can travel to a screen, so a new error code without words in all three dictionaries
// fails here (not just an en-CA key: fr-CA and zh-CN are checked by name too).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_DETAIL_FIELDS, publicDetails } from '../../main/app/error-details.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { describeError, errorMessageKey } from '../../renderer/shared/i18n/error-messages.js';
import { LOCALES } from '../../renderer/shared/locale.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where an error a screen can receive is defined: the dispatcher and handlers (main/app), the till (main/checkout), what they call into
 * (payments, journal, the IOTPay client), the two hosts' own refusals, and the renderer's transport. Left out on
 * purpose: main/sandbox and main/cli (separate programs), main/config, main/catalog, main/electron/errors.ts and
 * main/browser-host/errors.ts (start-up failures before any screen exists), main/scanners (device status text in
 * scanners:status, never a refusal).
 */
const SOURCES = [
  'main/app', 'main/checkout', 'main/payments', 'main/journal', 'main/iotpay', 'main/reports',
  'main/browser-host/bridge-protocol.ts', 'main/electron/ipc-registration.ts',
  'renderer/shared/browser-bridge.ts', 'renderer/shared/invoke.ts',
];

function tsFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) => tsFiles(join(path, name))).filter((f) => f.endsWith('.ts'));
}

const CODE = "'([A-Z][A-Z0-9_]*)'";
const PATTERNS = [
  // class FooError { readonly code = 'FOO' } (also `override readonly code`, `readonly code: string = 'FOO'`)
  new RegExp(`readonly code(?::\\s*\\w+)?\\s*=\\s*${CODE}`, 'g'),
  // constructor(readonly code: 'A' | 'B') and object literals { code: 'A', message }
  /\bcode\??:\s*((?:\|?\s*'[A-Z][A-Z0-9_]*'\s*)+)/g,
  // type BridgeErrorCode = 'A' | 'B'
  /type \w*Code\s*=\s*((?:\s*\|?\s*'[A-Z][A-Z0-9_]*')+)/g,
  // dispatch.ts refusal('NOT_ALLOWED', …), browser-bridge.ts fail('BRIDGE_…', …), bridge invalid(id, 'BAD_…', …)
  new RegExp(`\\b(?:refusal|fail)\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\binvalid\\(\\s*[\\w.]+,\\s*${CODE}`, 'g'),
  // const code = cond ? 'A' : 'B' (the till's scan refusals)
  /\bcode = [^;\n]*\? ('[A-Z][A-Z0-9_]*' : '[A-Z][A-Z0-9_]*')/g,
];

function discoverCodes(): Map<string, string> {
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

describe('error codes from main in every language', () => {
  const codes = discoverCodes();

  it('discovers the codes the screens meet (the scan itself works)', () => {
    for (const code of ['NOT_ALLOWED', 'INVALID_REQUEST', 'INTERNAL', 'UNKNOWN_CHANNEL', 'PIN_WRONG', 'PIN_LOCKED', 'SESSION_EXPIRED',
      'AMOUNT_EXCEEDS_DUE', 'OFFLINE', 'REFUND_EXCEEDS_PAID', 'DECLINED', 'UNKNOWN_PRODUCT', 'SENDER_REFUSED', 'BRIDGE_DISCONNECTED',
      'TOO_MANY_CALLS', 'TRANSPORT']) {
      expect(codes.has(code), code).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(40);
  });

  it.each(LOCALES)('%s has words for every code main can refuse with', (locale) => {
    const messages = DICTIONARIES[locale] as Record<string, string>;
    const missing = [...codes].filter(([code]) => !Object.hasOwn(messages, errorMessageKey(code))).map(([code, file]) => `${code} (${file})`);
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

  it('no dictionary has words for a code that no longer exists', () => {
    const known = new Set(codes.keys());
    const stale = Object.keys(DICTIONARIES['en-CA']).filter((k) => k.startsWith('errorCode.')).map((k) => k.slice(10).replace(/\.one$/, '')).filter((c) => !known.has(c));
    expect(stale).toEqual([]);
  });
});

describe('describeError', () => {
  it('words a refusal by its code in each language, with counts and money from details', () => {
    const wrong = (triesLeft: number) => ({ code: 'PIN_WRONG', message: 'Wrong PIN.', details: { triesLeft } });
    expect(describeError(wrong(4), 'en-CA', 'CAD')).toBe('Wrong PIN. 4 tries left.');
    expect(describeError(wrong(1), 'en-CA', 'CAD')).toBe('Wrong PIN. 1 try left.');
    expect(describeError(wrong(1), 'fr-CA', 'CAD')).toBe('NIP incorrect. 1 essai restant.');
    expect(describeError(wrong(3), 'fr-CA', 'CAD')).toBe('NIP incorrect. 3 essais restants.');
    expect(describeError(wrong(2), 'zh-CN', 'CAD')).toBe('密码错误。还可尝试 2 次。');
    const locked = { code: 'PIN_LOCKED', message: 'Too many wrong PINs.', details: { minutes: 5 } };
    expect(describeError(locked, 'zh-CN', 'CAD')).toBe('密码错误次数过多。请 5 分钟后再试。');
    const over = { code: 'AMOUNT_EXCEEDS_DUE', message: 'amount 900 exceeds the 450 cents still due', details: { amountCents: 900, dueCents: 450 } };
    expect(describeError(over, 'en-CA', 'CAD')).toBe('$9.00 is more than the $4.50 still due.');
    expect(describeError(over, 'fr-CA', 'CAD')).toMatch(/^9,00\s\$ dépasse le solde de 4,50\s\$\.$/);
    expect(describeError({ code: 'NOT_ALLOWED', message: 'This screen may not make that request.' }, 'zh-CN', 'CAD')).toBe('此屏幕无权执行该操作。');
  });

  it("falls back to main's message for an unknown code, or when the numbers the words need are missing", () => {
    expect(describeError({ code: 'SOMETHING_NEW', message: 'A brand-new refusal.' }, 'fr-CA', 'CAD')).toBe('A brand-new refusal.');
    expect(describeError({ code: 'PIN_WRONG', message: 'Wrong PIN. 2 tries left.' }, 'zh-CN', 'CAD')).toBe('Wrong PIN. 2 tries left.');
    // A key that merely looks like a prototype member is not a dictionary entry.
    expect(describeError({ code: 'constructor', message: 'x' }, 'en-CA', 'CAD')).toBe('x');
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
