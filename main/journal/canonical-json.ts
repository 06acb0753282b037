// Canonical JSON for event hashing: object keys sorted, no whitespace, `undefined` members dropped. Only
// the JSON value types are allowed, and numbers must be safe integers (money is integer cents, times are ms),
// so a hash never depends on float formatting.
import { JournalInputError } from './errors.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new JournalInputError('payload', `non-integer number ${value}`);
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const members = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
  return `{${members.join(',')}}`;
}
