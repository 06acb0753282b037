import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sign, stringToSign, verify } from '../../main/iotpay/sign.js';

interface Vector { name: string; params: Record<string, string | number>; stringToSign: string; sign: string }
// The vectors are IOTPay facts (docs/iotpay-api.md §2.4); a copy is committed so the test never depends on the layout
// around the checkout, and the copy is checked against the original whenever it is there.
const fixture = fileURLToPath(new URL('../fixtures/iotpay-sign-vectors.json', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/iotpay/sign-vectors.json', import.meta.url));
const { key, vectors } = JSON.parse(readFileSync(fixture, 'utf8')) as { key: string; vectors: Vector[] };

describe('IOTPay signing (docs/iotpay-api.md §2.4, test/fixtures/iotpay-sign-vectors.json)', () => {
  it('has vectors to check, identical to shared/iotpay/sign-vectors.json when present', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(8);
    if (existsSync(shared)) expect(JSON.parse(readFileSync(shared, 'utf8'))).toEqual({ ...JSON.parse(readFileSync(fixture, 'utf8')) });
  });

  for (const v of vectors) {
    it(`${v.name}: string to sign and signature`, () => {
      expect(stringToSign(v.params, key)).toBe(v.stringToSign);
      expect(sign(v.params, key)).toBe(v.sign);
      expect(verify({ ...v.params, sign: v.sign }, key)).toBe(true);
      expect(verify({ ...v.params, sign: v.sign.toLowerCase() }, key)).toBe(true);
    });
  }

  it('rejects a tampered field, a tampered signature, a wrong key, a missing or short signature', () => {
    const v = vectors[1]!;
    expect(verify({ ...v.params, amount: 2857, sign: v.sign }, key)).toBe(false);
    expect(verify({ ...v.params, sign: `${v.sign.slice(0, 31)}0` }, key)).toBe(false);
    expect(verify({ ...v.params, sign: v.sign }, 'OTHERKEY')).toBe(false);
    expect(verify({ ...v.params }, key)).toBe(false);
    expect(verify({ ...v.params, sign: 'ABC' }, key)).toBe(false);
  });

  it('ignores nested objects and payParams when verifying a response', () => {
    const body = { retCode: 'SUCCESS', resCode: 'SUCCESS', payOrderId: 'P1', retParams: { url: 'x' } };
    const signed = { ...body, sign: sign({ retCode: 'SUCCESS', resCode: 'SUCCESS', payOrderId: 'P1' }, key) };
    expect(verify({ ...signed, payParams: 'a-string-is-still-excluded' }, key)).toBe(true);
  });

  it('keeps zero and false, drops empty strings, null and undefined', () => {
    expect(stringToSign({ a: 0, b: false, c: '', d: null, e: undefined }, 'K')).toBe('a=0&b=false&key=K');
  });
});
