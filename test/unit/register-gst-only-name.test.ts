// A gst-only item in an HST province pays the federal 5% only, and that line is named GST 5% (docs/register.md "The
// tax table"): never "HST 5%", a rate no province has. Every HST province, every version of the table.
import { describe, expect, it } from 'vitest';
import { TAX_TABLE, taxSetupFor } from '../../main/checkout/tax-table.js';
import { computeSaleTax, rateLabel, type Province } from '../../main/shared/sales-tax.js';
import { enCA } from '../../renderer/shared/i18n/en-CA.js';
import { frCA } from '../../renderer/shared/i18n/fr-CA.js';

const HST_PROVINCES: Province[] = ['ON', 'NS', 'NB', 'NL', 'PE'];

describe('the federal part of HST on a gst-only item', () => {
  it.each(HST_PROVINCES)('%s: the gst-only rule is GST 5%, the standard rule HST, in every table version', (province) => {
    for (const version of TAX_TABLE) {
      const { rules } = taxSetupFor(province, version.effectiveFrom, false);
      const onGstOnly = rules.filter((r) => r.classes.includes('gst-only'));
      expect(onGstOnly).toEqual([{ code: 'GST', ratePer100k: 5_000, classes: ['gst-only'] }]);
      expect(rules.filter((r) => r.code === 'HST').every((r) => r.classes.join() === 'standard')).toBe(true);
    }
  });

  it('a picture book ($15.00, gst-only) in Ontario: one tax line, GST 5% $0.75, worded GST / TPS', () => {
    const { rules } = taxSetupFor('ON', '2026-11-22', false);
    const tax = computeSaleTax([{ lineTotalCents: 1500, taxClass: 'gst-only' }], rules, false);
    const shown = tax.taxes.filter((t) => t.baseCents > 0);
    expect(shown).toEqual([{ code: 'GST', ratePer100k: 5_000, baseCents: 1500, amountCents: 75 }]);
    expect(tax.totalCents).toBe(1575);
    const line = shown[0]!;
    expect(`${enCA[`tax.${line.code}`]} ${rateLabel(line.ratePer100k)}`).toBe('GST 5%');
    expect(frCA[`tax.${line.code}`]).toBe('TPS');
  });

  it('a mixed Ontario basket: HST 13% on the standard item, GST 5% on the gst-only one, each rounded once', () => {
    const { rules } = taxSetupFor('ON', '2026-11-22', true);
    // Inclusive prices: $11.30 standard holds $1.30 HST; $10.50 gst-only holds $0.50 GST.
    const tax = computeSaleTax([{ lineTotalCents: 1130, taxClass: 'standard' }, { lineTotalCents: 1050, taxClass: 'gst-only' }], rules, true);
    expect(tax.taxes.map((t) => [t.code, t.amountCents])).toEqual([['HST', 130], ['GST', 50]]);
    expect(tax.subtotalCents + 130 + 50).toBe(tax.totalCents);
  });
});
