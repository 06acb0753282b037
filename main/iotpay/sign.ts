// IOTPay's MD5 signature (docs/iotpay-api.md §2.1, identical for v1 and v3):
// drop `sign` and empty values, sort names by code unit, join `k=v` with `&`, append `&key=KEY`,
// MD5 over UTF-8, uppercase hex. Verification recomputes over whatever fields arrived, because
// IOTPay says responses may gain fields (docs/iotpay-api.md §2.3).
import { createHash, timingSafeEqual } from 'node:crypto';

export type SignScalar = string | number | boolean | null | undefined;
export type SignParams = Readonly<Record<string, SignScalar>>;

function isSignable(value: unknown): value is string | number | boolean {
  return (typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean';
}

/** The exact string that is hashed. Exported for tests and redacted debugging only. */
export function stringToSign(params: SignParams, key: string): string {
  const pairs = Object.keys(params)
    .filter((name) => name !== 'sign' && isSignable(params[name]))
    .sort() // plain code-unit order: ASCII for IOTPay's ASCII field names (docs/iotpay-api.md §2.2)
    .map((name) => `${name}=${String(params[name])}`);
  return `${pairs.join('&')}&key=${key}`;
}

export function sign(params: SignParams, key: string): string {
  return createHash('md5').update(stringToSign(params, key), 'utf8').digest('hex').toUpperCase();
}

/**
 * Keeps only top-level scalars: nested objects (`payParams`, `retData`, `retParams` objects) are not
 * covered by IOTPay's signature (docs/iotpay-api.md §2.3, inferred from xxpay's makeRetData).
 */
export function signableFields(received: Readonly<Record<string, unknown>>): Record<string, SignScalar> {
  const flat: Record<string, SignScalar> = {};
  for (const [name, value] of Object.entries(received)) {
    if (name === 'payParams') continue;
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      flat[name] = value;
    }
  }
  return flat;
}

/** Constant-time check of `received.sign` against the signature of its top-level scalar fields. */
export function verify(received: Readonly<Record<string, unknown>>, key: string): boolean {
  const got = received.sign;
  if (typeof got !== 'string') return false;
  const want = Buffer.from(sign(signableFields(received), key), 'utf8');
  const have = Buffer.from(got.toUpperCase(), 'utf8');
  // timingSafeEqual needs equal lengths; comparing against itself keeps the timing flat on a length mismatch.
  if (have.length !== want.length) {
    timingSafeEqual(want, want);
    return false;
  }
  return timingSafeEqual(have, want);
}
