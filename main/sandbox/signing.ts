// The sandbox's own MD5 signer, written from docs/iotpay-api.md §2.1 and deliberately NOT shared with the client
// (main/iotpay/sign.ts): if both sides used one implementation, a mistake in it would pass every test. The sign
// vectors in test/fixtures/iotpay-sign-vectors.json are the common ground; both signers are tested against them.
//   1. every field except `sign`; 2. drop empty values ("", null, absent); 3. names in ascending ASCII order;
//   4. `name=value` joined by `&`, nothing URL-encoded; 5. `&key=KEY`; 6. MD5 of the UTF-8 bytes, uppercase hex.
import { createHash, timingSafeEqual } from 'node:crypto';

type Fields = Readonly<Record<string, unknown>>;

/** A value that takes part in the signature: text that is not empty, or a number or boolean as its decimal text. */
function signedText(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null; // null, absent, objects and arrays are not signed (xxpay leaves payParams and retData out)
}

/** Ascending order by UTF-16 code unit, which is ASCII order for IOTPay's ASCII names (§2.2). */
function asciiOrder(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function sandboxStringToSign(fields: Fields, key: string): string {
  const pairs: string[] = [];
  for (const name of Object.keys(fields).sort(asciiOrder)) {
    if (name === 'sign') continue;
    const value = signedText(fields[name]);
    if (value !== null) pairs.push(name + '=' + value);
  }
  pairs.push('key=' + key);
  return pairs.join('&');
}

export function sandboxSign(fields: Fields, key: string): string {
  return createHash('md5').update(Buffer.from(sandboxStringToSign(fields, key), 'utf8')).digest('hex').toUpperCase();
}

/**
 * The fields an answer's signature covers, as xxpay's makeRetData does it (docs/iotpay-api.md §2.3): top-level
 * scalars only, never `payParams` whatever its type.
 */
export function answerFields(body: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name !== 'payParams' && signedText(value) !== null) out[name] = value;
  }
  return out;
}

/** A request is authentic when its `sign` (either letter case) matches; compared in constant time. */
export function sandboxVerify(fields: Fields, key: string): boolean {
  const given = fields.sign;
  if (typeof given !== 'string' || given.length !== 32) return false;
  const expected = Buffer.from(sandboxSign(fields, key), 'ascii');
  const actual = Buffer.from(given.toUpperCase(), 'ascii');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
