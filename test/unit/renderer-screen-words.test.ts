// What people read on the screens: channels as people say them, every reason a payment did not go through in
// words in all three languages, no gateway text outside the manager's technical details, errors worded by code
// with a plain fallback when main's own message reads like a machine's, and countdowns on the monotonic clock.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../preload/error-codes.js';
import { ATTEMPT_REASONS } from '../../preload/payment-states.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { describeError, looksTechnical } from '../../renderer/shared/i18n/error-messages.js';
import { LOCALES } from '../../renderer/shared/locale.js';
import { customerReasonKey, reasonKey } from '../../renderer/shared/reasons.js';
import { channelKey, tenderKey, walletKey } from '../../renderer/shared/wallet.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CODES = ['WX_MICROPAY', 'ALIPAY_MICROPAY', 'UPI_MICROPAY', 'WX_NATIVE', 'ALIPAY_QR', 'UPI_QR', 'PF_CC', 'CASH'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('channel names', () => {
  it('names every gateway channel in words, in every language, never as its code', () => {
    const en = DICTIONARIES['en-CA'];
    expect(CODES.map((c) => en[channelKey(c)])).toEqual([
      'WeChat Pay (scan)', 'Alipay (scan)', 'UnionPay (scan)', 'WeChat Pay QR', 'Alipay QR', 'UnionPay QR', 'Card', 'Cash',
    ]);
    for (const locale of LOCALES) {
      const words = CODES.map((c) => DICTIONARIES[locale][channelKey(c)]);
      for (const [i, w] of words.entries()) for (const code of CODES) expect(w, `${locale} ${CODES[i]}`).not.toContain(code);
    }
  });

  it('gives an unknown channel the nearest words, never the code itself', () => {
    expect(channelKey('WX_JSAPI')).toBe('wallet.wechat');
    expect(channelKey('ALIPAY_WAP')).toBe('wallet.alipay');
    expect(channelKey('SOMETHING_NEW')).toBe('tender.wallet');
    expect(walletKey('PF_CC')).toBeNull();
    expect(tenderKey({ tender: 'wallet_scan', channel: 'ALIPAY_MICROPAY' })).toBe('channel.ALIPAY_MICROPAY');
    expect(tenderKey({ tender: 'card', channel: 'PF_CC' })).toBe('tender.card');
  });
});

describe('reasons a payment did not go through', () => {
  it.each(LOCALES)('%s words every reason for the cashier, and the customer ones', (locale) => {
    const messages = DICTIONARIES[locale] as Record<string, string>;
    for (const reason of ATTEMPT_REASONS) {
      expect(messages[reasonKey(reason)], `${locale} ${reason}`).toBeTruthy();
      const customer = customerReasonKey(reason);
      if (customer) expect(messages[customer], `${locale} customer ${reason}`).toBeTruthy();
    }
    expect(messages[reasonKey(null)]).toBe(messages['reason.OTHER']);
  });

  it('says what the issue asks for in English', () => {
    const en = DICTIONARIES['en-CA'];
    expect(en['reason.INSUFFICIENT_FUNDS']).toBe("The customer's balance is not enough");
    expect(en['reason.CANCELLED_BY_CUSTOMER']).toBe('The customer cancelled in the wallet app');
    expect(en['reason.CANCELLED_AT_TILL']).toBe('The cashier stopped waiting');
    expect(en['attempt.checking']).toBe('Checking whether the payment went through…');
    expect(en['attempt.notPaid']).toBe('Not paid: choose another way to pay');
    expect(en['display.checking']).toBe('Checking your payment… please wait');
  });
});

describe('errors in words', () => {
  it.each(LOCALES)('%s has words for the refusals the till meets most', (locale) => {
    for (const code of ['PAYMENT_CODE_REUSED', 'BELOW_PAID', 'SALE_HAS_PAYMENTS', 'PAYMENT_IN_PROGRESS', 'NOT_A_PAYMENT_CODE', 'INTERNAL', 'PIN_WRONG', 'PIN_LOCKED']) {
      expect(Object.hasOwn(DICTIONARIES[locale], `errorCode.${code}`), `${locale} ${code}`).toBe(true);
    }
    expect(describeError({ code: 'PAYMENT_CODE_REUSED', message: 'x' }, 'en-CA', 'CAD')).toBe('This payment code was already used. Ask the customer to refresh it.');
    expect(describeError({ code: 'PAYMENT_IN_PROGRESS', message: 'x', details: { attemptId: 4 } }, 'en-CA', 'CAD')).toBe('A payment is still being checked on this sale');
  });

  it('never shows a machine message raw: a URL, a socket error, an exception', () => {
    // Every listed code has words (a compile error otherwise); a code the list does not know can still arrive from
    // a peer built from other sources, and is worded the careful way.
    const unlisted = 'NEW_CODE' as ErrorCode;
    for (const message of [
      'connect ECONNREFUSED 127.0.0.1:8800', 'request to http://127.0.0.1:8800/v1/ failed', 'Error: boom', 'TypeError: Cannot read properties of undefined',
      'see https://develop.iotpay.ca', '{"retCode":"FAIL"}', '',
    ]) {
      expect(looksTechnical(message), message).toBe(true);
      for (const locale of LOCALES) expect(describeError({ code: unlisted, message }, locale, 'CAD')).toBe(DICTIONARIES[locale]['error.generic']);
    }
    expect(describeError({ code: unlisted, message: 'The drawer is open.' }, 'en-CA', 'CAD')).toBe('The drawer is open.');
    // Words that need numbers main did not send fall back the same careful way.
    expect(describeError({ code: 'PIN_WRONG', message: 'Error: no tries' }, 'fr-CA', 'CAD')).toBe(DICTIONARIES['fr-CA']['error.generic']);
  });
});

describe('renderer sources', () => {
  const files = sources('renderer');

  it('show gateway failure codes and messages only in the manager screens', () => {
    const screens = files.filter((f) => !f.startsWith(join('renderer', 'manager')) && !f.startsWith(join('renderer', 'shared', 'i18n')));
    const offenders = screens.filter((f) => /\.failure(Message|Code)\b/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([]);
  });

  it('time countdowns on the monotonic clock, never Date.now()', () => {
    const offenders = files.filter((f) => /Date\.now\(\)/.test(readFileSync(join(ROOT, f), 'utf8').replace(/\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('spell no attempt state list of their own (preload/payment-states.ts is the one)', () => {
    const ownList = /\bisAttempt(Live|Final)\b|state [!=]== '(created|sent|expired|unknown)'|\['created', 'sent'|'sent', 'pending'/;
    const offenders = files.filter((f) => ownList.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
