// Random sequences of line changes, discounts and price overrides on a real journal (fast-check), in a taxed
// province with prices before or including tax: after every step no line's discount exceeds its total, the lines'
// discounts add up to the sale's and its sale discount is spread exactly, Σ net + each tax = total; and at the end
// `journal verify` rebuilds every discount, tax and total from the events alone (docs/register.md "Discounts").
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { discountLine, discountSale, overridePrice, removeLineDiscount, removeSaleDiscount } from '../../main/journal/sale-discounts.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { addLine, createSale, removeLine, updateQuantity } from '../../main/journal/sales.js';
import { ManualClock } from '../../main/shared/clock.js';
import { PROVINCES, TAX_CLASSES } from '../../main/shared/sales-tax.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let journal: Journal;
beforeAll(() => {
  dir = makeTempDir('discounts-property-');
  journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock: new ManualClock(), terminalId: 'T01' });
});
afterAll(() => {
  journal.close();
  dir.remove();
});

const spec = fc.oneof(fc.record({ kind: fc.constant('pct' as const), value: fc.integer({ min: 1, max: 10_000 }) }), fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 1, max: 50_000 }) }));
const op = fc.oneof(
  fc.record({ op: fc.constant('add' as const), price: fc.integer({ min: 0, max: 20_000 }), quantity: fc.integer({ min: 1, max: 5 }), taxClass: fc.constantFrom(...TAX_CLASSES) }),
  fc.record({ op: fc.constant('quantity' as const), pick: fc.nat(), quantity: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('discountLine' as const), pick: fc.nat(), spec }),
  fc.record({ op: fc.constant('removeLineDiscount' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('discountSale' as const), spec }),
  fc.record({ op: fc.constant('removeSaleDiscount' as const) }),
  fc.record({ op: fc.constant('override' as const), pick: fc.nat(), price: fc.integer({ min: 0, max: 20_000 }) }),
);

function expectBalanced(saleId: number): void {
  const { sale, lines, taxes } = getSale(journal, saleId);
  const net = lines.reduce((s, l) => s + l.lineTotalCents - l.discountCents, 0);
  const tax = taxes.reduce((s, t) => s + t.amountCents, 0);
  for (const l of lines) {
    expect(l.discountCents).toBeGreaterThanOrEqual(0);
    expect(l.discountCents).toBeLessThanOrEqual(l.lineTotalCents);
    expect(l.discountCents).toBeGreaterThanOrEqual(l.lineDiscount?.cents ?? 0);
  }
  expect(sale.discountCents).toBe(lines.reduce((s, l) => s + l.discountCents, 0));
  // The sale discount is exactly what the lines got beyond their own discounts.
  expect(lines.reduce((s, l) => s + l.discountCents - (l.lineDiscount?.cents ?? 0), 0)).toBe(sale.saleDiscount?.cents ?? 0);
  if (sale.pricesIncludeTax) expect(sale.totalCents).toBe(net);
  else expect(sale.subtotalCents).toBe(net);
  expect(sale.subtotalCents + tax).toBe(sale.totalCents);
}

describe('discounts on a real journal, random sequences', () => {
  it('keep every invariant after every step, and verify rebuilds them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROVINCES), fc.boolean(), fc.array(op, { minLength: 1, maxLength: 14 }), (province, inclusive, ops) => {
        const saleId = createSale(journal, { cashier: 'ann', currency: 'CAD', tax: taxSetupFor(province, '2026-11-22', inclusive) }).id;
        for (const o of ops) {
          const lines = getSale(journal, saleId).lines;
          const line = 'pick' in o && lines.length > 0 ? lines[o.pick % lines.length] : undefined;
          switch (o.op) {
            case 'add':
              addLine(journal, saleId, { sku: 'X', name: 'Thing', unitPriceCents: o.price, quantity: o.quantity, taxClass: o.taxClass });
              break;
            case 'quantity':
              if (line) updateQuantity(journal, saleId, line.lineNo, o.quantity);
              break;
            case 'remove':
              if (line) removeLine(journal, saleId, line.lineNo);
              break;
            case 'discountLine':
              if (line) discountLine(journal, saleId, line.lineNo, { ...o.spec, approvedBy: null });
              break;
            case 'removeLineDiscount':
              if (line) removeLineDiscount(journal, saleId, line.lineNo);
              break;
            case 'discountSale':
              discountSale(journal, saleId, { ...o.spec, approvedBy: 'manager' });
              break;
            case 'removeSaleDiscount':
              removeSaleDiscount(journal, saleId);
              break;
            case 'override':
              if (line) overridePrice(journal, saleId, line.lineNo, { unitPriceCents: o.price, approvedBy: 'manager' });
              break;
          }
          expectBalanced(saleId);
        }
      }),
      { numRuns: 120 },
    );
    expect(rebuildAndCompare(journal.db).differences).toEqual([]);
  });
});
