import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../main/journal/canonical-json.js';
import { JournalInputError } from '../../main/journal/errors.js';

describe('canonical JSON for event hashes', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, z: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
  });

  it('gives the same text for the same data in any key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('escapes strings like JSON', () => {
    expect(canonicalJson({ s: 'a"b\n' })).toBe('{"s":"a\\"b\\n"}');
  });

  it('refuses floats, so money cannot enter as a float', () => {
    expect(() => canonicalJson({ amount: 12.5 })).toThrow(JournalInputError);
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(JournalInputError);
  });
});
