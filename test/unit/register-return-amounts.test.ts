// Returns by line (docs/register.md "Returns and exchanges"): the three rules of main/journal/return-amounts.ts and
// the tender allocation of main/journal/returns.ts, written out and over random sales (fast-check): no cent lost or
// created, cumulative returns never pass a line's net or tax, every line returned is the sale's total, and cash back
// over every return of a sale is what the drawer took for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundCashCents } from '../../preload/money-limits.js';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { cashBack, largestRemainder, lineShares, returnedPart, type ReturnableLine, type SaleTaxAmount } from '../../main/journal/return-amounts.js';
import { allocateTenders } from '../../main/journal/returns.js';
import { computeSaleTax, PROVINCES, TAX_CLASSES, type Province } from '../../main/shared/sales-tax.js';

/** A sale's taxes as the journal stores them: computeSaleTax over the lines' nets. */
function saleOf(lines: ReturnableLine[], province: Province, inclusive: boolean) {
  const setup = taxSetupFor(province, '2026-11-22', inclusive);
  const sale = computeSaleTax(lines.map((l) => ({ lineTotalCents: l.lineTotalCents - l.discountCents, taxClass: l.taxClass })), setup.rules, inclusive);
  const taxes: SaleTaxAmount[] = setup.rules.map((r, i) => ({ code: r.code, ratePer100k: r.ratePer100k, classes: r.classes, amountCents: sale.taxes[i]?.amountCents ?? 0 }));
  return { sale, taxes };
}

const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 12 }),
  unit: fc.integer({ min: 0, max: 50_000 }),
  discountPct: fc.integer({ min: 0, max: 100 }),
  taxClass: fc.constantFrom(...TAX_CLASSES),
});
const saleArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
  province: fc.constantFrom(...PROVINCES),
  inclusive: fc.boolean(),
});
function linesOf(raw: Array<{ quantity: number; unit: number; discountPct: number; taxClass: (typeof TAX_CLASSES)[number] }>): ReturnableLine[] {
  return raw.map((l, i) => {
    const total = l.unit * l.quantity;
    return { lineNo: i + 1, quantity: l.quantity, lineTotalCents: total, discountCents: Math.floor((total * l.discountPct) / 100), taxClass: l.taxClass };
  });
}

describe('rule 1: each line gets a share of every tax, and the shares add up to the tax', () => {
  it('three lines of 10¢ at 13% owe 4¢ between them: 2, 1, 1 (largest remainder, ties to the earlier line)', () => {
    const lines: ReturnableLine[] = [1, 2, 3].map((n) => ({ lineNo: n, quantity: 1, lineTotalCents: 10, discountCents: 0, taxClass: 'standard' }));
    const { taxes } = saleOf(lines, 'ON', false);
    expect(taxes[0]?.amountCents).toBe(4);
    expect(lineShares(lines, taxes, false).map((s) => s.taxCents[0])).toEqual([2, 1, 1]);
  });

  it('a discounted line carries tax on its net only; a zero-rated line carries none', () => {
    const lines: ReturnableLine[] = [
      { lineNo: 1, quantity: 1, lineTotalCents: 1000, discountCents: 500, taxClass: 'standard' },
      { lineNo: 2, quantity: 1, lineTotalCents: 500, discountCents: 0, taxClass: 'standard' },
      { lineNo: 3, quantity: 1, lineTotalCents: 289, discountCents: 0, taxClass: 'zero-rated' },
    ];
    const shares = lineShares(lines, saleOf(lines, 'ON', false).taxes, false);
    expect(shares.map((s) => [s.netCents, s.taxCents[0]])).toEqual([[500, 65], [500, 65], [289, 0]]);
  });

  it('property: over any sale in any province, both price modes, each tax is split exactly', () => {
    fc.assert(fc.property(saleArb, ({ lines: raw, province, inclusive }) => {
      const lines = linesOf(raw);
      const { taxes } = saleOf(lines, province, inclusive);
      const shares = lineShares(lines, taxes, inclusive);
      taxes.forEach((t, i) => expect(shares.reduce((s, l) => s + (l.taxCents[i] ?? 0), 0)).toBe(t.amountCents));
      for (const s of shares) for (const c of s.taxCents) expect(c).toBeGreaterThanOrEqual(0);
    }), { numRuns: 1500 });
  });
});

describe('rule 2: partial quantities, cumulative', () => {
  it('3 units of a $10.00 line with 1.30 HST: 1 + 1 + 1 units come to 3.33/0.43, 3.34/0.44, 3.33/0.43', () => {
    const share = { lineNo: 1, quantity: 3, netCents: 1000, taxCents: [130] };
    const a = returnedPart(share, 0, 1, false);
    const b = returnedPart(share, 1, 1, false);
    const c = returnedPart(share, 2, 1, false);
    expect([a.netCents, b.netCents, c.netCents]).toEqual([333, 334, 333]);
    expect([a.taxCents[0], b.taxCents[0], c.taxCents[0]]).toEqual([43, 44, 43]);
    expect(a.valueCents + b.valueCents + c.valueCents).toBe(1130);
  });

  it('refuses more units than are left', () => {
    expect(() => returnedPart({ lineNo: 1, quantity: 2, netCents: 10, taxCents: [] }, 1, 2, false)).toThrow(RangeError);
  });

  it('property: any split of a line into returns never passes its net or tax and reaches them exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 40 }), (n, net, tax, chunks) => {
      const share = { lineNo: 1, quantity: n, netCents: net, taxCents: [tax] };
      let before = 0;
      let netSum = 0;
      let taxSum = 0;
      for (const want of [...chunks, n]) {
        const k = Math.min(want, n - before);
        if (k === 0) break;
        const part = returnedPart(share, before, k, false);
        netSum += part.netCents;
        taxSum += part.taxCents[0] ?? 0;
        before += k;
        expect(netSum).toBeLessThanOrEqual(net);
        expect(taxSum).toBeLessThanOrEqual(tax);
        expect(part.netCents).toBeGreaterThanOrEqual(0);
      }
      expect([before, netSum, taxSum]).toEqual([n, net, tax]);
    }), { numRuns: 2000 });
  });
});

describe('every line returned is the sale total', () => {
  it('property: returning every unit, in random chunks and order, gives back the total to the cent (the taxes exactly)', () => {
    fc.assert(fc.property(saleArb, fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 10 }), ({ lines: raw, province, inclusive }, chunks) => {
      const lines = linesOf(raw);
      const { sale, taxes } = saleOf(lines, province, inclusive);
      const shares = lineShares(lines, taxes, inclusive);
      let value = 0;
      const taxBack = taxes.map(() => 0);
      shares.forEach((share, i) => {
        let before = 0;
        let c = i;
        while (before < share.quantity) {
          const k = Math.min(chunks[c++ % chunks.length] ?? 1, share.quantity - before);
          const part = returnedPart(share, before, k, inclusive);
          value += part.valueCents;
          part.taxCents.forEach((t, j) => (taxBack[j] = (taxBack[j] ?? 0) + t));
          before += k;
        }
      });
      expect(value).toBe(sale.totalCents);
      expect(taxBack).toEqual(sale.taxes.map((t) => t.amountCents));
    }), { numRuns: 1000 });
  });
});

describe('rule 3: cash back is rounded to 5¢ cumulatively', () => {
  it('two returns of 3¢ each from a 6¢ cash sale (5¢ taken) give 5¢ then 0¢, never 10¢', () => {
    expect(cashBack(0, 3, 'CAD')).toBe(5);
    expect(cashBack(3, 3, 'CAD')).toBe(0);
    expect(roundCashCents(6)).toBe(5);
  });

  it('$11.32 of lines back in cash is $11.30; other currencies to the cent', () => {
    expect(cashBack(0, 1132, 'CAD')).toBe(1130);
    expect(cashBack(0, 1132, 'USD')).toBe(1132);
  });

  it('property: the cash back of any sequence of returns adds up to the rounded whole, each within 4¢ of its value', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }), (values) => {
      let before = 0;
      let back = 0;
      for (const v of values) {
        const c = cashBack(before, v, 'CAD');
        expect(c).toBeGreaterThanOrEqual(0);
        expect(Math.abs(c - v)).toBeLessThanOrEqual(4);
        back += c;
        before += v;
      }
      expect(back).toBe(roundCashCents(before));
    }), { numRuns: 2000 });
  });
});

describe('the tenders a return goes back on (allocateTenders)', () => {
  it('cards and wallets first, to the cent; the rest in cash, rounded', () => {
    const got = allocateTenders(1500, [{ attemptId: 1, cash: true, refundableCents: 1000 }, { attemptId: 2, cash: false, refundableCents: 1000 }], 0, 'CAD');
    expect(got).toEqual({ tenders: [{ attemptId: 2, cash: false, valueCents: 1000, amountCents: 1000 }, { attemptId: 1, cash: true, valueCents: 500, amountCents: 500 }], cashValueCents: 500, cashBackCents: 500 });
  });

  it('refuses what the tenders cannot hold', () => {
    expect(allocateTenders(1001, [{ attemptId: 1, cash: false, refundableCents: 1000 }], 0, 'CAD')).toBeNull();
    expect(allocateTenders(1010, [{ attemptId: 1, cash: true, refundableCents: 1005 }], 0, 'CAD')).toBeNull();
  });

  it('property: a sale paid in card + cash, returned in pieces, gives back exactly what was taken', () => {
    fc.assert(fc.property(fc.integer({ min: 10, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 }), (total, cardPct, weights) => {
      const cardPaid = Math.floor((total * cardPct) / 100);
      const cashPart = total - cardPaid;
      const cashTaken = roundCashCents(cashPart);
      if (cashPart > 0 && cashTaken === 0) return; // refused at the till (CASH_ROUNDS_TO_NOTHING)
      const rooms = [{ attemptId: 1, cash: false, refundableCents: cardPaid }, ...(cashPart > 0 ? [{ attemptId: 2, cash: true, refundableCents: cashTaken }] : [])];
      const pieces = largestRemainder(total, weights.map(BigInt));
      let cashBefore = 0;
      const back = new Map<number, number>();
      for (const piece of pieces) {
        const got = allocateTenders(piece, rooms, cashBefore, 'CAD');
        expect(got).not.toBeNull();
        for (const t of got!.tenders) {
          back.set(t.attemptId, (back.get(t.attemptId) ?? 0) + t.amountCents);
          const room = rooms.find((r) => r.attemptId === t.attemptId)!;
          room.refundableCents -= t.amountCents;
          expect(room.refundableCents).toBeGreaterThanOrEqual(0);
        }
        // A cash part that rounds to nothing moves no money now; the next return's rounding gives it back.
        expect(got!.tenders.filter((t) => !t.cash).reduce((s, t) => s + t.valueCents, 0) + got!.cashValueCents).toBe(piece);
        cashBefore += got!.cashValueCents;
      }
      expect(back.get(1) ?? 0).toBe(cardPaid);
      expect(back.get(2) ?? 0).toBe(cashPart > 0 ? cashTaken : 0);
    }), { numRuns: 1500 });
  });
});
