// The tax table as data (main/checkout/tax-rates.json, docs/register.md "The tax table"): every jurisdiction read from
// the file, the file's checks (each bad row named), and the manager's overrides' precedence by date ("Rate overrides").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overrideInForce, parseTaxTable, TAX_TABLE, TaxTableError, taxSetupFor, type TaxRateOverride } from '../../main/checkout/tax-table.js';
import { PROVINCES, type Province } from '../../main/shared/sales-tax.js';
import { parsePercentRate } from '../../renderer/manager/tax-rate-input.js';

const file = () => JSON.parse(readFileSync(new URL('../../main/checkout/tax-rates.json', import.meta.url), 'utf8')) as { versions: Array<{ effectiveFrom: string; rules: Record<string, Array<Record<string, unknown>>> }> };
const rates = (p: Province, day = '2026-11-22') => taxSetupFor(p, day, false).rules.map((r) => [r.code, r.ratePer100k, r.classes.join('+')]);

describe('every jurisdiction, from the data file', () => {
  it('the table is the file, read and checked', () => {
    expect(TAX_TABLE.map((v) => v.effectiveFrom)).toEqual(file().versions.map((v) => v.effectiveFrom));
    expect(TAX_TABLE).toEqual(parseTaxTable(file()));
    expect(Object.isFrozen(TAX_TABLE)).toBe(true);
  });

  it.each(['AB', 'NT', 'NU', 'YT'] as const)('%s: GST 5% on standard and gst-only', (p) => {
    expect(rates(p)).toEqual([['GST', 5_000, 'standard+gst-only']]);
  });

  it.each([['ON', 13_000], ['NS', 14_000], ['NB', 15_000], ['NL', 15_000], ['PE', 15_000]] as const)('%s: HST %i per 100 000 on standard, GST 5% on gst-only', (p, hst) => {
    expect(rates(p)).toEqual([['HST', hst, 'standard'], ['GST', 5_000, 'gst-only']]);
  });

  it('NS: HST 15% until 2025-03-31, 14% from 2025-04-01', () => {
    expect(rates('NS', '2025-03-31')[0]).toEqual(['HST', 15_000, 'standard']);
    expect(rates('NS', '2025-04-01')[0]).toEqual(['HST', 14_000, 'standard']);
  });

  it.each([['QC', 'QST', 9_975], ['BC', 'PST', 7_000], ['MB', 'RST', 7_000], ['SK', 'PST', 6_000]] as const)('%s: GST 5% + %s %i per 100 000', (p, code, rate) => {
    expect(rates(p)).toEqual([['GST', 5_000, 'standard+gst-only'], [code, rate, 'standard']]);
  });

  it('every version names all 13 provinces and territories', () => {
    for (const v of TAX_TABLE) expect(Object.keys(v.rules).sort()).toEqual([...PROVINCES].sort());
  });
});

describe('the data is checked at load, naming the row', () => {
  const bad = (change: (d: ReturnType<typeof file>) => void) => {
    const d = file();
    change(d);
    return () => parseTaxTable(d);
  };
  const rowOf = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(TaxTableError);
      return `${(e as TaxTableError).row} | ${(e as Error).message}`;
    }
    throw new Error('not refused');
  };

  it('the shipped file passes', () => {
    expect(() => parseTaxTable(file())).not.toThrow();
  });
  it('an unknown province', () => {
    expect(rowOf(bad((d) => { d.versions[1]!.rules.XX = d.versions[1]!.rules.ON!; }))).toMatch(/^version 2025-04-01, XX \|.*not a province/);
  });
  it('a province missing from a version', () => {
    expect(rowOf(bad((d) => { delete d.versions[0]!.rules.PE; }))).toMatch(/^version 2019-07-01 \|.*no rules for PE/);
  });
  it.each([[13_000.5, /whole number/], [0, /not above 0/], [-5, /not above 0/], [130_000, /above 25000/], ['13000', /number/]])('a rate of %s', (rate, why) => {
    expect(rowOf(bad((d) => { d.versions[1]!.rules.ON![0]!.ratePer100k = rate; }))).toMatch(new RegExp(`^version 2025-04-01, ON, rule 1 \\(HST\\) \\|.*${why.source}`));
  });
  it('an unknown tax code or class, or a tax twice', () => {
    expect(rowOf(bad((d) => { d.versions[0]!.rules.QC![1]!.code = 'TVQ'; }))).toMatch(/^version 2019-07-01, QC, rule 2 \(TVQ\)/);
    expect(rowOf(bad((d) => { d.versions[0]!.rules.BC![1]!.classes = ['luxury']; }))).toMatch(/^version 2019-07-01, BC, rule 2 \(PST\)/);
    expect(rowOf(bad((d) => { d.versions[0]!.rules.BC![1]!.classes = []; }))).toMatch(/applies to no tax class/);
    expect(rowOf(bad((d) => { d.versions[0]!.rules.MB![1]!.code = 'GST'; }))).toMatch(/^version 2019-07-01, MB \|.*twice/);
  });
  it('dates not ascending, or not dates', () => {
    expect(rowOf(bad((d) => { d.versions[1]!.effectiveFrom = '2019-07-01'; }))).toMatch(/^version 2019-07-01 \|.*ascending/);
    expect(rowOf(bad((d) => { d.versions.reverse(); }))).toMatch(/^version 2019-07-01 \|.*ascending/);
    expect(rowOf(bad((d) => { d.versions[1]!.effectiveFrom = '2025-02-30'; }))).toMatch(/^version 2025-02-30 \|.*not a date/);
  });
  it('a file without versions, or with a stray field', () => {
    expect(rowOf(() => parseTaxTable({ versions: [] }))).toMatch(/^file/);
    expect(rowOf(() => parseTaxTable([]))).toMatch(/^file/);
    expect(rowOf(bad((d) => { (d.versions[0] as Record<string, unknown>).rate = 1; }))).toMatch(/^version 2019-07-01/);
  });
});

describe('overrides: the latest-dated of the version and the overrides in force wins', () => {
  const o = (code: TaxRateOverride['code'], ratePer100k: number, effectiveFrom: string, province: Province = 'ON'): TaxRateOverride => ({ province, code, ratePer100k, effectiveFrom });
  const hst = (day: string, overrides: TaxRateOverride[]) => taxSetupFor('ON', day, false, TAX_TABLE, overrides).rules.find((r) => r.code === 'HST')!.ratePer100k;

  it('applies from its day on, not before; other taxes, provinces and the table stay as they were', () => {
    const overrides = [o('HST', 15_000, '2026-12-01')];
    expect(hst('2026-11-30', overrides)).toBe(13_000);
    expect(hst('2026-12-01', overrides)).toBe(15_000);
    expect(hst('2027-06-01', overrides)).toBe(15_000);
    expect(taxSetupFor('ON', '2026-12-01', false, TAX_TABLE, overrides)).toMatchObject({ table: '2025-04-01', rules: [{ code: 'HST', ratePer100k: 15_000 }, { code: 'GST', ratePer100k: 5_000 }] });
    expect(taxSetupFor('NS', '2026-12-01', false, TAX_TABLE, overrides).rules[0]!.ratePer100k).toBe(14_000);
    expect(taxSetupFor('ON', '2026-12-01', false).rules[0]!.ratePer100k).toBe(13_000);
  });

  it('a later-dated override wins; of two on the same day, the later made', () => {
    const overrides = [o('HST', 14_000, '2026-12-10'), o('HST', 15_000, '2026-12-01'), o('HST', 12_000, '2026-12-10')];
    expect(hst('2026-12-05', overrides)).toBe(15_000);
    expect(hst('2026-12-10', overrides)).toBe(12_000);
    expect(overrideInForce('ON', 'HST', '2026-12-10', overrides)).toBe(overrides[2]);
    expect(overrideInForce('ON', 'HST', '2026-11-10', overrides)).toBeUndefined();
  });

  it('a table version dated after an override wins over it; an override dated after a version wins over it', () => {
    const table = parseTaxTable({ versions: [...file().versions, { ...file().versions[1]!, effectiveFrom: '2027-01-01' }] });
    const overrides = [o('HST', 15_000, '2026-12-01'), o('GST', 6_000, '2027-02-01')];
    const day = (d: string) => taxSetupFor('ON', d, false, table, overrides).rules.map((r) => r.ratePer100k);
    expect(day('2026-12-31')).toEqual([15_000, 5_000]);
    expect(day('2027-01-01')).toEqual([13_000, 5_000]);
    expect(day('2027-02-01')).toEqual([13_000, 6_000]);
  });

  it('an override for a tax the province does not charge changes nothing', () => {
    expect(taxSetupFor('ON', '2026-12-01', false, TAX_TABLE, [o('PST', 8_000, '2026-11-01')]).rules.map((r) => r.code)).toEqual(['HST', 'GST']);
  });
});

describe('the screen reads a typed percent as parts per 100 000, without a float', () => {
  it.each([['15', 15_000], ['9.975', 9_975], ['9,975', 9_975], ['13.5', 13_500], [' 7 ', 7_000], ['5 %', 5_000], ['0.001', 1], ['25', 25_000]])('%s', (typed, rate) => {
    expect(parsePercentRate(typed)).toBe(rate);
  });
  it.each(['', '0', '25.001', '26', '1.2345', 'abc', '-5', '1e2', '100'])('refuses %s', (typed) => {
    expect(parsePercentRate(typed)).toBeNull();
  });
});
