import { describe, expect, it } from 'vitest';
import { classifyCode, defaultClassifierRules, looksLikePaymentCode, type ClassifierRules } from '../../main/scanners/classifier.js';
import { gs1CheckDigit, hasValidGs1CheckDigit, normaliseGtin } from '../../main/scanners/gs1.js';

describe('GS1 check digit (docs/iotpay-api.md §7.2)', () => {
  it('accepts real codes of every length and rejects a changed digit', () => {
    for (const code of ['96385074', '036000291452', '4006381333931', '10012345678902']) {
      expect(hasValidGs1CheckDigit(code)).toBe(true);
      const wrong = code.slice(0, -1) + String((Number(code.slice(-1)) + 1) % 10);
      expect(hasValidGs1CheckDigit(wrong)).toBe(false);
    }
    expect(gs1CheckDigit('400638133393')).toBe(1);
    expect(hasValidGs1CheckDigit('12a4')).toBe(false);
  });

  it('normalises UPC-A and its EAN-13 form to one GTIN-14', () => {
    expect(normaliseGtin('036000291452')?.gtin).toBe('00036000291452');
    expect(normaliseGtin('0036000291452')?.gtin).toBe('00036000291452');
    expect(normaliseGtin('12345')).toBeUndefined();
  });
});

describe('classifyCode (docs/iotpay-api.md §7.1 vectors)', () => {
  it.each([
    ['134567890123456789', 'WX_MICROPAY'],
    ['154567890123456789', 'WX_MICROPAY'],
    ['289431869362714645', 'ALIPAY_MICROPAY'],
    ['28763443825664394', 'ALIPAY_MICROPAY'],
    ['300000000000000000000001', 'ALIPAY_MICROPAY'],
    ['6226123456789012345', 'UPI_MICROPAY'],
  ])('%s is a %s payment code', (code, wallet) => {
    expect(classifyCode(code)).toEqual({ kind: 'payment', wallet, code });
  });

  it.each([
    ['4006381333931', 'EAN-13'],
    ['036000291452', 'UPC-A'],
    ['96385074', 'EAN-8'],
    ['10012345678902', 'GTIN-14'],
  ])('%s is a %s product', (code, format) => {
    const result = classifyCode(code);
    expect(result).toMatchObject({ kind: 'product', format, scanned: code });
  });

  it.each([
    ['1234567890123', 'bad-check-digit'],
    ['164567890123456789', 'no-rule-matched'], // WeChat length, prefix 16
    ['13456789012345678', 'no-rule-matched'], // WeChat prefix, 17 digits
    ['2512345678901', 'bad-check-digit'], // Alipay prefix but product length: never a payment
    ['62261234567890123', 'no-rule-matched'], // UnionPay prefix, 17 digits
    ['hQVDUFYwMQ', 'no-rule-matched'],
    ['13456789012345678９', 'no-rule-matched'], // full-width digit
    ['', 'empty'],
  ])('%s is unknown (%s)', (code, reason) => {
    expect(classifyCode(code)).toEqual({ kind: 'unknown', reason });
  });

  it('strips a configured scanner prefix and follows configured wallet rules', () => {
    const rules: ClassifierRules = {
      ...defaultClassifierRules,
      stripPrefixes: [']E0'],
      wallets: [{ wallet: 'WX_MICROPAY', prefixes: ['16'], lengths: [18] }],
    };
    expect(classifyCode(']E04006381333931', rules)).toMatchObject({ kind: 'product', scanned: '4006381333931' });
    expect(classifyCode('164567890123456789', rules)).toMatchObject({ kind: 'payment', wallet: 'WX_MICROPAY' });
    expect(classifyCode('134567890123456789', rules)).toMatchObject({ kind: 'unknown' });
  });

  it('prefers payment when a misconfiguration makes a product length overlap a wallet', () => {
    const rules: ClassifierRules = { ...defaultClassifierRules, wallets: [{ wallet: 'ALIPAY_MICROPAY', prefixes: ['40'], lengths: [13] }] };
    expect(classifyCode('4006381333931', rules).kind).toBe('payment');
    expect(looksLikePaymentCode('4006381333931')).toBe(false);
    expect(looksLikePaymentCode('134567890123456789')).toBe(true);
  });
});
