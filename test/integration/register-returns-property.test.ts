// Returns and exchanges over random sales on a real journal (docs/register.md "Returns and exchanges"), fast-check:
// a taxed sale paid in cash, its lines returned in random pieces, some as plain returns and some as exchanges against
// a new sale of random size. Whatever the order: no line comes back more often than it was sold; every exchange's
// value is its credit plus what it refunded (cards to the cent; cash within its 5¢ rounding); the new sale is owed its
// total less the credit; the cash given back never passes the cash taken, and equals it when everything came back as
// plain returns; the tax refunded in the report is exactly the returned lines' tax; `journal verify` stays clean.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { saleBalanceOf } from '../../main/journal/sale-queries.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { storeDayOf, storeDayRange } from '../../main/journal/store-day.js';
import { registerTotalsForRange } from '../../main/reports/register-totals.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';

let rig: EngineRig;
beforeAll(async () => {
  rig = await engineRig();
});
afterAll(async () => rig.close());

const ON = () => taxSetupFor('ON', '2026-11-22', false);
const refundedTax = () => registerTotalsForRange(rig.journal, storeDayRange(storeDayOf(rig.journal.clock.now(), 'America/Toronto'), 'America/Toronto'))[0]?.taxRefundedCents ?? 0;

describe('returns and exchanges over random sales', () => {
  it('property: nothing returned twice, no cent lost or created beyond the documented cash rounding', async () => {
    const line = fc.record({ unit: fc.integer({ min: 1, max: 5000 }), quantity: fc.integer({ min: 1, max: 4 }), taxClass: fc.constantFrom('standard' as const, 'gst-only' as const, 'zero-rated' as const) });
    const step = fc.record({ line: fc.nat(), quantity: fc.integer({ min: 1, max: 4 }), exchangeFor: fc.option(fc.integer({ min: 1, max: 6000 }), { nil: undefined }) });
    await fc.assert(fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 4 }), fc.array(step, { minLength: 1, maxLength: 8 }), async (lines, steps) => {
      const sale = createSale(rig.journal, { cashier: 'alice', currency: 'CAD', tax: ON() });
      lines.forEach((l, i) => addLine(rig.journal, sale.id, { sku: `SKU${i}`, name: `Item ${i}`, unitPriceCents: l.unit, quantity: l.quantity, taxClass: l.taxClass }));
      const total = saleBalanceOf(rig.journal, sale.id).totalCents;
      // A total of 1¢ or 2¢ rounds to nothing in cash and is refused at the till (CASH_ROUNDS_TO_NOTHING).
      if (total < 3) return;
      const cash = rig.engine.payCash({ saleId: sale.id, cashier: 'alice', tenderedCents: total + 5 });
      expect(saleBalanceOf(rig.journal, sale.id).dueCents).toBe(0);
      const left = lines.map((l) => l.quantity);
      let cashBack = 0;
      let allPlain = true;
      const taxBefore = refundedTax();
      let taxReturned = 0;
      for (const s of steps) {
        const i = s.line % lines.length;
        const k = Math.min(s.quantity, left[i] ?? 0);
        if (k === 0) {
          await expect(rig.engine.returnLines({ saleId: sale.id, lines: [{ lineNo: i + 1, quantity: 1 }], reason: 'again', approvedBy: 'm' })).rejects.toMatchObject({ code: 'RETURN_EXCEEDS_SOLD' });
          continue;
        }
        if (s.exchangeFor !== undefined) {
          allPlain = false;
          const next = createSale(rig.journal, { cashier: 'alice', currency: 'CAD' });
          addLine(rig.journal, next.id, { sku: 'NEW', name: 'New', unitPriceCents: s.exchangeFor, quantity: 1 });
          const ex = await rig.engine.exchangeLines({ saleId: sale.id, lines: [{ lineNo: i + 1, quantity: k }], newSaleId: next.id, reason: 'swap', approvedBy: 'm' });
          const q = ex.quote;
          expect(q.creditCents).toBe(Math.min(q.valueCents, s.exchangeFor));
          expect(saleBalanceOf(rig.journal, next.id).dueCents).toBe(s.exchangeFor - q.creditCents);
          // The rest goes back in cash, 5¢-rounded: within 4¢ of the value left after the credit.
          const back = ex.refunds.reduce((sum, r) => sum + r.amountCents, 0);
          expect(Math.abs(back - (q.valueCents - q.creditCents))).toBeLessThanOrEqual(4);
          cashBack += back;
          taxReturned += q.taxCents;
        } else {
          const done = await rig.engine.returnLines({ saleId: sale.id, lines: [{ lineNo: i + 1, quantity: k }], reason: 'back', approvedBy: 'm' });
          cashBack += done.refunds.reduce((sum, r) => sum + r.amountCents, 0);
          taxReturned += done.quote.taxCents;
        }
        left[i] = (left[i] ?? 0) - k;
      }
      expect(cashBack).toBeLessThanOrEqual(cash.amountCents);
      if (allPlain && left.every((n) => n === 0)) expect(cashBack).toBe(cash.amountCents);
      expect(refundedTax() - taxBefore).toBe(taxReturned);
    }), { numRuns: 100 });
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
  }, 120_000);
});
