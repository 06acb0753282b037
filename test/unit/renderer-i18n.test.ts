// The three dictionaries must carry the same keys, no blank strings, and the same {placeholders} per key,
// or a screen would show a raw key or an unfilled "{amount}" in one language only.
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { translate } from '../../renderer/shared/i18n/translate.js';
import { enCA } from '../../renderer/shared/i18n/en-CA.js';
import { LOCALES } from '../../renderer/shared/locale.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('renderer dictionaries', () => {
  const reference = Object.keys(DICTIONARIES['en-CA']).sort();

  it('has a dictionary for every locale', () => {
    expect(Object.keys(DICTIONARIES).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has exactly the en-CA keys', (locale) => {
    expect(Object.keys(DICTIONARIES[locale]).sort()).toEqual(reference);
  });

  it.each(LOCALES)('%s has no blank strings and the same placeholders as en-CA', (locale) => {
    const dict = DICTIONARIES[locale];
    for (const key of reference) {
      const value = dict[key as keyof typeof enCA];
      expect(value.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(enCA[key as keyof typeof enCA]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(DICTIONARIES['en-CA'], 'receipt.saleNo', { id: 42 })).toBe('Sale #42');
    expect(translate(DICTIONARIES['fr-CA'], 'refund.left', {})).toBe('{amount} remboursable');
  });
});
