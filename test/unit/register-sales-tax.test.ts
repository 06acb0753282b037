// Sales tax (docs/register.md "Sales tax"): every province and territory in the dated table, with prices exclusive and
// inclusive of tax; each tax rounded half-up once per sale on its base; property tests over random baskets that no
// cent is lost or created and that every tax is the exact amount rounded half-up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TAX_TABLE, taxSetupFor } from '../../main/checkout/tax-table.js';
import { computeSaleTax, PROVINCES, rateLabel, RATE_SCALE, TAX_CLASSES, type Province, type TaxableLine, type TaxClass } from '../../main/shared/sales-tax.js';

const DAY = '2026-11-22';
const rulesOf = (p: Province, day = DAY) => taxSetupFor(p, day, false).rules;
const line = (lineTotalCents: number, taxClass: TaxClass = 'standard'): TaxableLine => ({ lineTotalCents, taxClass });
/** A basket with every class: $10 standard, $10 gst-only, $10 zero-rated, $5 exempt. */
const MIXED = [line(1000), line(1000, 'gst-only'), line(1000, 'zero-rated'), line(500, 'exempt')];
const short = (taxes: ReturnType<typeof computeSaleTax>['taxes']) => taxes.map((t) => [t.code, t.ratePer100k, t.baseCents, t.amountCents]);

describe('the table: every province and territory, prices before tax', () => {
  // [province, the taxes of MIXED as [code, rate per 100 000, base, amount]]
  const CASES: Array<[Province, Array<[string, number, number, number]>]> = [
    ['AB', [['GST', 5000, 2000, 100]]],
    ['NT', [['GST', 5000, 2000, 100]]],
    ['NU', [['GST', 5000, 2000, 100]]],
    ['YT', [['GST', 5000, 2000, 100]]],
    ['ON', [['HST', 13000, 1000, 130], ['GST', 5000, 1000, 50]]],
    ['NS', [['HST', 14000, 1000, 140], ['GST', 5000, 1000, 50]]],
    ['NB', [['HST', 15000, 1000, 150], ['GST', 5000, 1000, 50]]],
    ['NL', [['HST', 15000, 1000, 150], ['GST', 5000, 1000, 50]]],
    ['PE', [['HST', 15000, 1000, 150], ['GST', 5000, 1000, 50]]],
    // QST 9.975% of $10 is 99.75¢: 100¢, half-up.
    ['QC', [['GST', 5000, 2000, 100], ['QST', 9975, 1000, 100]]],
    ['BC', [['GST', 5000, 2000, 100], ['PST', 7000, 1000, 70]]],
    ['MB', [['GST', 5000, 2000, 100], ['RST', 7000, 1000, 70]]],
    ['SK', [['GST', 5000, 2000, 100], ['PST', 6000, 1000, 60]]],
  ];

  it('covers all 13', () => {
    expect(CASES.map(([p]) => p).sort()).toEqual([...PROVINCES].sort());
  });

  it.each(CASES)('%s: each tax on its classes, zero-rated and exempt untaxed', (province, expected) => {
    const tax = computeSaleTax(MIXED, rulesOf(province), false);
    expect(short(tax.taxes)).toEqual(expected);
    expect(tax.subtotalCents).toBe(3500);
    expect(tax.totalCents).toBe(3500 + expected.reduce((s, t) => s + t[3], 0));
  });

  it('a zero-rated basket owes nothing anywhere', () => {
    for (const p of PROVINCES) expect(computeSaleTax([line(289, 'zero-rated'), line(799, 'exempt')], rulesOf(p), false)).toMatchObject({ subtotalCents: 1088, totalCents: 1088 });
  });
});

describe('prices that include tax: backed out once per sale', () => {
  // [province, gross of one standard line, expected taxes [code, amount], subtotal]
  const CASES: Array<[Province, number, Array<[string, number]>, number]> = [
    ['AB', 1050, [['GST', 50]], 1000],
    ['NT', 1050, [['GST', 50]], 1000],
    ['NU', 1050, [['GST', 50]], 1000],
    ['YT', 1050, [['GST', 50]], 1000],
    ['ON', 1130, [['HST', 130], ['GST', 0]], 1000],
    ['NS', 1140, [['HST', 140], ['GST', 0]], 1000],
    ['NB', 1150, [['HST', 150], ['GST', 0]], 1000],
    ['NL', 1150, [['HST', 150], ['GST', 0]], 1000],
    ['PE', 1150, [['HST', 150], ['GST', 0]], 1000],
    // $114.98 with 14.975% inside: GST 500.02¢ → 500, QST 997.55¢ → 998.
    ['QC', 11498, [['GST', 500], ['QST', 998]], 10000],
    ['BC', 1120, [['GST', 50], ['PST', 70]], 1000],
    ['MB', 1120, [['GST', 50], ['RST', 70]], 1000],
    ['SK', 1110, [['GST', 50], ['PST', 60]], 1000],
  ];

  it.each(CASES)('%s', (province, gross, expected, subtotal) => {
    const tax = computeSaleTax([line(gross)], rulesOf(province), true);
    expect(tax.taxes.map((t) => [t.code, t.amountCents])).toEqual(expected);
    expect(tax).toMatchObject({ subtotalCents: subtotal, totalCents: gross });
  });

  it('each class backs out only its own taxes: in Quebec a gst-only line holds GST alone', () => {
    // $10.50 gst-only holds 50¢ GST; $11.50 standard holds 11.50 × 5/114.975 = 50.01¢ GST and 99.77¢ QST.
    const tax = computeSaleTax([line(1050, 'gst-only'), line(1150), line(300, 'zero-rated')], rulesOf('QC'), true);
    expect(tax.taxes.map((t) => [t.code, t.baseCents, t.amountCents])).toEqual([['GST', 2000, 100], ['QST', 1000, 100]]);
    expect(tax).toMatchObject({ subtotalCents: 2500 - 200, totalCents: 2500 });
  });
});

describe('rounding: half-up, once per tax per sale', () => {
  it('rounds the half up', () => {
    const gst = rulesOf('AB');
    expect(computeSaleTax([line(50)], gst, false).taxes[0]!.amountCents).toBe(3); // 2.5¢
    expect(computeSaleTax([line(30)], gst, false).taxes[0]!.amountCents).toBe(2); // 1.5¢
    expect(computeSaleTax([line(29)], gst, false).taxes[0]!.amountCents).toBe(1); // 1.45¢
    expect(computeSaleTax([line(2)], rulesOf('QC'), false).taxes[1]!.amountCents).toBe(0); // QST 0.1995¢
  });

  it('on the sale, not per line: 3 × 10¢ at 13% owes 4¢, where rounding each line would give 3¢', () => {
    const tax = computeSaleTax([line(10), line(10), line(10)], rulesOf('ON'), false);
    expect(tax.taxes[0]).toMatchObject({ baseCents: 30, amountCents: 4 });
    expect(tax.totalCents).toBe(34);
  });

  it('rate labels', () => {
    expect([13_000, 9_975, 5_000, 14_000, 7_000].map(rateLabel)).toEqual(['13%', '9.975%', '5%', '14%', '7%']);
  });
});

describe('the dated table', () => {
  it('takes the version in force on the store day: Nova Scotia 15% until 2025-03-31, 14% from 2025-04-01', () => {
    expect(taxSetupFor('NS', '2025-03-31', false)).toMatchObject({ table: '2019-07-01', rules: [{ code: 'HST', ratePer100k: 15_000 }, { code: 'GST', ratePer100k: 5_000 }] });
    expect(taxSetupFor('NS', '2025-04-01', true)).toMatchObject({ table: '2025-04-01', pricesIncludeTax: true, rules: [{ code: 'HST', ratePer100k: 14_000 }, { code: 'GST', ratePer100k: 5_000 }] });
    expect(taxSetupFor('ON', '2025-03-31', false).rules).toEqual(taxSetupFor('ON', '2026-01-01', false).rules);
  });

  it('refuses a day before the oldest version and an unknown province', () => {
    expect(() => taxSetupFor('ON', '2019-06-30', false)).toThrow(/no tax table/);
    expect(() => taxSetupFor('XX' as Province, DAY, false)).toThrow(/unknown province/);
  });

  it('every version has every province, rates in parts per 100 000 (never floats), oldest first', () => {
    for (const v of TAX_TABLE) {
      expect(Object.keys(v.rules).sort()).toEqual([...PROVINCES].sort());
      for (const rule of Object.values(v.rules).flat()) expect(Number.isSafeInteger(rule.ratePer100k) && rule.ratePer100k > 0 && rule.ratePer100k < RATE_SCALE).toBe(true);
    }
    expect(TAX_TABLE.map((v) => v.effectiveFrom)).toEqual([...TAX_TABLE.map((v) => v.effectiveFrom)].sort());
  });

  it('a setup is a copy: changing it changes no later sale', () => {
    const a = taxSetupFor('QC', DAY, false);
    (a.rules[0]!.classes as TaxClass[]).push('exempt');
    expect(taxSetupFor('QC', DAY, false).rules[0]!.classes).toEqual(['standard', 'gst-only']);
  });
});

describe('properties over random baskets', () => {
  const basket = fc.array(fc.record({ lineTotalCents: fc.integer({ min: 0, max: 5_000_000 }), taxClass: fc.constantFrom(...TAX_CLASSES) }), { maxLength: 40 });
  const province = fc.constantFrom(...PROVINCES);
  const day = fc.constantFrom('2019-07-01', '2025-03-31', '2025-04-01', DAY);

  it('prices before tax: subtotal is the lines; lines + each tax = total; each tax is its exact amount rounded half-up', () => {
    fc.assert(fc.property(basket, province, day, (lines, p, d) => {
      const rules = rulesOf(p, d);
      const tax = computeSaleTax(lines, rules, false);
      const sum = lines.reduce((s, l) => s + l.lineTotalCents, 0);
      expect(tax.subtotalCents).toBe(sum);
      expect(tax.totalCents).toBe(sum + tax.taxes.reduce((s, t) => s + t.amountCents, 0));
      tax.taxes.forEach((t, i) => {
        const base = lines.filter((l) => rules[i]!.classes.includes(l.taxClass)).reduce((s, l) => s + l.lineTotalCents, 0);
        expect(t.baseCents).toBe(base);
        // half-up: (amount − ½)·S ≤ base·rate < (amount + ½)·S
        const exact = 2 * base * t.ratePer100k;
        expect((2 * t.amountCents - 1) * RATE_SCALE <= exact && exact < (2 * t.amountCents + 1) * RATE_SCALE).toBe(true);
      });
    }), { numRuns: 500 });
  });

  it('prices with tax: the lines are the total; subtotal + each tax = total, never below zero; each tax within half a cent of its share', () => {
    fc.assert(fc.property(basket, province, (lines, p) => {
      const rules = rulesOf(p);
      const tax = computeSaleTax(lines, rules, true);
      const sum = lines.reduce((s, l) => s + l.lineTotalCents, 0);
      expect(tax.totalCents).toBe(sum);
      expect(tax.subtotalCents + tax.taxes.reduce((s, t) => s + t.amountCents, 0)).toBe(sum);
      expect(tax.subtotalCents).toBeGreaterThanOrEqual(0);
      tax.taxes.forEach((t, i) => {
        // The share of each line, summed as floats only to check (the code is exact): within ½¢ plus float noise.
        const share = lines.filter((l) => rules[i]!.classes.includes(l.taxClass)).reduce((s, l) => {
          const combined = rules.filter((r) => r.classes.includes(l.taxClass)).reduce((c, r) => c + r.ratePer100k, 0);
          return s + (l.lineTotalCents * t.ratePer100k) / (RATE_SCALE + combined);
        }, 0);
        expect(Math.abs(t.amountCents - share)).toBeLessThanOrEqual(0.5 + 1e-6);
      });
    }), { numRuns: 500 });
  });

  it('a line more never lowers a tax; the order of the lines changes nothing', () => {
    fc.assert(fc.property(basket, fc.record({ lineTotalCents: fc.integer({ min: 0, max: 100_000 }), taxClass: fc.constantFrom(...TAX_CLASSES) }), province, fc.boolean(), (lines, extra, p, inclusive) => {
      const rules = rulesOf(p);
      const before = computeSaleTax(lines, rules, inclusive);
      const after = computeSaleTax([...lines, extra], rules, inclusive);
      after.taxes.forEach((t, i) => expect(t.amountCents).toBeGreaterThanOrEqual(before.taxes[i]!.amountCents));
      expect(computeSaleTax([...lines].reverse(), rules, inclusive)).toEqual(before);
    }), { numRuns: 300 });
  });
});

describe('the store settings', () => {
  it('province defaults to ON, prices to tax-exclusive; an unknown province is refused', async () => {
    const { settingsSchema } = await import('../../main/config/settings.js');
    expect(settingsSchema.parse({})).toMatchObject({ province: 'ON', pricesIncludeTax: false });
    expect(settingsSchema.parse({ province: 'QC', pricesIncludeTax: true })).toMatchObject({ province: 'QC', pricesIncludeTax: true });
    expect(settingsSchema.safeParse({ province: 'XX' }).success).toBe(false);
  });
});
