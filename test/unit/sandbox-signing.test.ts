// The sandbox signs and validates on its own (main/sandbox/signing.ts, wire-rules.ts), so a mistake in the
// client's signer cannot hide behind the same mistake in the sandbox. The sign vectors of docs/iotpay-api.md §2.4
// are the common ground: both signers must produce them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sign, stringToSign, verify } from '../../main/iotpay/sign.js';
import { answerFields, sandboxSign, sandboxStringToSign, sandboxVerify } from '../../main/sandbox/signing.js';

interface Vector { name: string; params: Record<string, string | number>; stringToSign: string; sign: string }
const fixture = fileURLToPath(new URL('../fixtures/iotpay-sign-vectors.json', import.meta.url));
const { key, vectors } = JSON.parse(readFileSync(fixture, 'utf8')) as { key: string; vectors: Vector[] };
const SANDBOX = fileURLToPath(new URL('../../main/sandbox/', import.meta.url));

describe('both signers against the sign vectors (test/fixtures/iotpay-sign-vectors.json)', () => {
  it('has the vectors', () => expect(vectors.length).toBeGreaterThanOrEqual(8));

  for (const v of vectors) {
    it(`${v.name}: the client and the sandbox give the documented string and sign`, () => {
      expect(stringToSign(v.params, key)).toBe(v.stringToSign);
      expect(sandboxStringToSign(v.params, key)).toBe(v.stringToSign);
      expect(sign(v.params, key)).toBe(v.sign);
      expect(sandboxSign(v.params, key)).toBe(v.sign);
      // Each verifies what the other signed.
      expect(sandboxVerify({ ...v.params, sign: sign(v.params, key) }, key)).toBe(true);
      expect(verify({ ...v.params, sign: sandboxSign(v.params, key) }, key)).toBe(true);
      expect(sandboxVerify({ ...v.params, sign: v.sign.toLowerCase() }, key)).toBe(true);
    });
  }

  it('the sandbox refuses a tampered field, another key, a missing or short sign', () => {
    const v = vectors[1]!;
    expect(sandboxVerify({ ...v.params, amount: 2857, sign: v.sign }, key)).toBe(false);
    expect(sandboxVerify({ ...v.params, sign: v.sign }, 'OTHERKEY')).toBe(false);
    expect(sandboxVerify({ ...v.params }, key)).toBe(false);
    expect(sandboxVerify({ ...v.params, sign: 'ABC' }, key)).toBe(false);
  });

  it('signs answers over top-level scalars only, never payParams (docs/iotpay-api.md §2.3), like the client verifies them', () => {
    const body = { retCode: 'SUCCESS', resCode: 'SUCCESS', payOrderId: 'P1', amount: 0, payParams: 'orderString', retParams: { url: 'x' }, empty: '' };
    expect(answerFields(body)).toEqual({ retCode: 'SUCCESS', resCode: 'SUCCESS', payOrderId: 'P1', amount: 0 });
    expect(verify({ ...body, sign: sandboxSign(answerFields(body), key) }, key)).toBe(true);
  });
});

describe('the sandbox is written apart from the client', () => {
  it('imports nothing from main/iotpay/', () => {
    const offenders = readdirSync(SANDBOX)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from\s+['"][^'"]*iotpay\//.test(readFileSync(join(SANDBOX, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
