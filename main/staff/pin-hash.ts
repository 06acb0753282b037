// A staff PIN is kept only as a slow salted hash (docs/staff.md "PINs"): node:crypto's scrypt (N=16384, r=8, p=1,
// a 32-byte key) over a random 16-byte salt, written `scrypt$<salt hex>$<key hex>`. Compared in constant time. A
// PIN is never logged, journaled or sent to a screen: only this hash is stored.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_BYTES = 32;
/** Node's defaults, written out: changing them would need a new prefix so old hashes still verify. */
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const HASH = /^scrypt\$([0-9a-f]{32})\$([0-9a-f]{64})$/;

export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): string {
  return `scrypt$${salt}$${scryptSync(pin, salt, KEY_BYTES, PARAMS).toString('hex')}`;
}

export function isPinHash(value: string): boolean {
  return HASH.test(value);
}

/** Whether `pin` is the one `stored` was made from; a malformed hash matches nothing. */
export function pinMatches(pin: string, stored: string): boolean {
  const m = HASH.exec(stored);
  if (!m) return false;
  const want = Buffer.from(m[2] as string, 'hex');
  const got = scryptSync(pin, m[1] as string, KEY_BYTES, PARAMS);
  return want.length === got.length && timingSafeEqual(want, got);
}
