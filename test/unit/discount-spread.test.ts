// Discounts (docs/register.md "Discounts"): line discounts, a sale discount spread over the lines by largest remainder
// in integer cents, and the taxes on what is left. Property tests over random baskets (fast-check): the shares add up
// to the sale discount exactly, no line's discount exceeds its total, and Σ lines' net + each tax = the total, in
// every province, prices before or including tax: no cent lost or created by a discount.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { applyDiscounts, discountOf, exceedsPercent, spreadByLargestRemainder, type DiscountSpec } from '../../main/shared/discount-spread.js';
import { computeSaleTax, PROVINCES, TAX_CLASSES, type TaxClass } from '../../main/shared/sales-tax.js';

const pct = (value: number): DiscountSpec => ({ kind: 'pct', value });
const amount = (value: number): DiscountSpec => ({ kind: 'amount', value });

describe('worked examples', () => {
  it('a percentage is rounded half-up to the cent; an amount is capped at what it is taken off', () => {
    expect(discountOf(pct(1000), 1199)).toBe(120); // 119.9
    expect(discountOf(pct(1000), 1195)).toBe(120); // 119.5: half-up
    expect(discountOf(pct(1000), 1194)).toBe(119);
    expect(discountOf(pct(10_000), 1194)).toBe(1194);
    expect(discountOf(amount(500), 300)).toBe(300);
    expect(discountOf(pct(5000), 0)).toBe(0);
  });

  it('spreads 10¢ over three $1.00 lines as 4, 3, 3: the one cent left goes to the earlier line on a tie', () => {
    expect(spreadByLargestRemainder(10, [100, 100, 100])).toEqual([4, 3, 3]);
    // $1.00 over $3.00, $2.00, $1.00 is 50, 33.33, 16.67: the cent left goes to the largest remainder (0.67).
    expect(spreadByLargestRemainder(100, [300, 200, 100])).toEqual([50, 33, 17]);
    expect(spreadByLargestRemainder(0, [100, 100])).toEqual([0, 0]);
    expect(spreadByLargestRemainder(50, [0, 0])).toEqual([0, 0]);
  });

  it('a sale discount goes on what the lines come to after their own discounts', () => {
    // $20.00 with 10% off ($2.00) and $10.00; then 10% off the sale: 10% of $28.00 = $2.80, spread 1.80 and 1.00.
    const d = applyDiscounts([{ lineTotalCents: 2000, discount: pct(1000) }, { lineTotalCents: 1000, discount: null }], pct(1000));
    expect(d).toEqual({
      saleDiscountCents: 280, discountCents: 480,
      lines: [{ ownCents: 200, shareCents: 180, discountCents: 380, netCents: 1620 }, { ownCents: 0, shareCents: 100, discountCents: 100, netCents: 900 }],
    });
  });

  it('tax is on the discounted base: $20.00 with 30% off in Ontario is 14.00 + HST 1.82', () => {
    const d = applyDiscounts([{ lineTotalCents: 2000, discount: null }], pct(3000));
    const tax = computeSaleTax([{ lineTotalCents: d.lines[0]!.netCents, taxClass: 'standard' }], taxSetupFor('ON', '2026-11-22', false).rules, false);
    expect(tax).toMatchObject({ subtotalCents: 1400, totalCents: 1582 });
  });

  it('the approval threshold is a percent of what the discount is taken off, amounts included, strictly above', () => {
    expect(exceedsPercent(200, 1000, 20)).toBe(false);
    expect(exceedsPercent(201, 1000, 20)).toBe(true);
    expect(exceedsPercent(300, 1000, 20)).toBe(true);
  });
});

const specArb = fc.oneof(fc.integer({ min: 1, max: 10_000 }).map(pct), fc.integer({ min: 1, max: 200_000 }).map(amount));
const lineArb = fc.record({
  lineTotalCents: fc.integer({ min: 0, max: 100_000 }),
  taxClass: fc.constantFrom<TaxClass>(...TAX_CLASSES),
  discount: fc.option(specArb, { nil: null }),
});

describe('properties over random baskets', () => {
  it('largest remainder: the parts add up exactly, each between 0 and its weight', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 1_000_000 }), (weights, want) => {
      const sum = weights.reduce((s, w) => s + w, 0);
      const total = Math.min(want, sum);
      const parts = spreadByLargestRemainder(total, weights);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(sum === 0 ? 0 : total);
      parts.forEach((p, i) => {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(weights[i]!);
        // Within one cent of the exact share.
        if (sum > 0) expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1);
      });
    }));
  });

  it('no cent lost or created: shares = sale discount, line discount ≤ line, Σ net + taxes = total, in every province', () => {
    fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 20 }), fc.option(specArb, { nil: null }), fc.constantFrom(...PROVINCES), fc.boolean(), (lines, sale, province, inclusive) => {
      const d = applyDiscounts(lines, sale);
      const afterOwn = lines.map((l, i) => l.lineTotalCents - d.lines[i]!.ownCents);
      expect(d.lines.reduce((s, l) => s + l.shareCents, 0)).toBe(d.saleDiscountCents);
      expect(d.saleDiscountCents).toBeLessThanOrEqual(afterOwn.reduce((s, n) => s + n, 0));
      expect(d.discountCents).toBe(d.lines.reduce((s, l) => s + l.discountCents, 0));
      d.lines.forEach((l, i) => {
        expect(l.ownCents + l.shareCents).toBe(l.discountCents);
        expect(l.discountCents).toBeGreaterThanOrEqual(0);
        expect(l.discountCents).toBeLessThanOrEqual(lines[i]!.lineTotalCents);
        expect(l.netCents).toBe(lines[i]!.lineTotalCents - l.discountCents);
      });
      const tax = computeSaleTax(lines.map((l, i) => ({ lineTotalCents: d.lines[i]!.netCents, taxClass: l.taxClass })), taxSetupFor(province, '2026-11-22', inclusive).rules, inclusive);
      const net = d.lines.reduce((s, l) => s + l.netCents, 0);
      const taxes = tax.taxes.reduce((s, t) => s + t.amountCents, 0);
      if (inclusive) expect(tax.totalCents).toBe(net);
      else expect(tax.subtotalCents).toBe(net);
      expect(tax.subtotalCents + taxes).toBe(tax.totalCents);
      // The whole discount comes off the lines: Σ lines − Σ discounts = Σ net.
      expect(lines.reduce((s, l) => s + l.lineTotalCents, 0) - d.discountCents).toBe(net);
    }), { numRuns: 500 });
  });

  it('a sale percentage discount is that percentage of the lines after their own discounts, half-up', () => {
    fc.assert(fc.property(fc.array(lineArb, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 10_000 }), (lines, bp) => {
      const d = applyDiscounts(lines, pct(bp));
      const base = lines.reduce((s, l, i) => s + l.lineTotalCents - d.lines[i]!.ownCents, 0);
      expect(Math.abs(d.saleDiscountCents - (base * bp) / 10_000)).toBeLessThanOrEqual(0.5);
    }));
  });
});
