// Money on screen: integer cents in, locale-formatted text out; typed amounts back to cents without floats.
import { describe, expect, it } from 'vitest';
import { cashSuggestions, centsToInput, formatMoney, fractionDigits, parseAmountToCents } from '../../renderer/shared/money.js';

// Intl uses narrow no-break spaces in some locales; compare with ordinary spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats cents per locale', () => {
    expect(formatMoney(123456, 'CAD', 'en-CA')).toBe('$1,234.56');
    expect(plain(formatMoney(123456, 'CAD', 'fr-CA'))).toBe('1 234,56 $');
    expect(formatMoney(5, 'CNY', 'zh-CN')).toBe('¥0.05');
  });

  it('knows currencies without minor units', () => {
    expect(fractionDigits('JPY')).toBe(0);
    expect(formatMoney(500, 'JPY', 'en-CA')).toContain('500');
  });
});

describe('parseAmountToCents', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['12,50', 1250],
    ['0.01', 1],
    ['$20', 2000],
    [' 7.05 ', 705],
    ['0.29', 29],
    ['1.005', null],
    ['1,234.56', null],
    ['abc', null],
    ['', null],
    ['-3', null],
  ])('%j → %j', (text, cents) => {
    expect(parseAmountToCents(text)).toBe(cents);
  });

  it('is exact where float multiplication is not', () => {
    // 4.35 * 100 === 434.99999999999994 in floating point.
    expect(parseAmountToCents('4.35')).toBe(435);
    expect(parseAmountToCents('1.15')).toBe(115);
  });
});

describe('cashSuggestions', () => {
  it('offers exact then the next round notes', () => {
    expect(cashSuggestions(1234)).toEqual([1234, 1500, 2000, 5000, 10_000]);
    expect(cashSuggestions(2000)).toEqual([2000, 5000, 10_000]);
    expect(cashSuggestions(0)).toEqual([]);
  });
});

describe('centsToInput', () => {
  it('writes cents as field text', () => {
    expect(centsToInput(1999)).toBe('19.99');
    expect(centsToInput(5)).toBe('0.05');
    expect(centsToInput(700, 0)).toBe('700');
  });
});
