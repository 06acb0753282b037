// Discounts and price overrides from the till to the journal to the reports (docs/register.md "Discounts"), on a real
// journal and the real sandbox: a cashier's 10% line discount alone, a 30% sale discount only with a manager's PIN
// (who approved is journaled), the sale discount spread again when lines change, a price override (always approved),
// taxes on the discounted base, `journal verify` rebuilding every discount from the events, and the daily totals, the
// Z and the CSV carrying what discounts took off.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalAction } from '../../preload/approvals.js';
import { Catalog } from '../../main/catalog/catalog.js';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { Till, TillError } from '../../main/checkout/till.js';
import { createAttempt } from '../../main/journal/attempts.js';
import type { EventRow } from '../../main/journal/events.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { storeDayOf } from '../../main/journal/store-day.js';
import { PaymentInProgressError } from '../../main/payments/payment-errors.js';
import { CSV_COLUMNS, exportCsv } from '../../main/reports/csv-export.js';
import { dailyTotals } from '../../main/reports/daily-totals.js';
import { closeDay } from '../../main/reports/day-close.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { REGISTER_PRODUCTS } from '../support/register-till.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

const MANAGER_PIN = '2468';

function till(r: EngineRig, approvals: Array<[string, ApprovalAction]>, threshold?: number): Till {
  const catalog = new Catalog();
  for (const p of REGISTER_PRODUCTS) catalog.add(p);
  return new Till({
    journal: r.journal, engine: r.engine, catalog, currency: 'CAD', cashier: () => 'alice', logger: createLogger('till', silentSink),
    onEvent: () => undefined, tax: () => taxSetupFor('ON', '2026-11-22', false),
    approve: (pin, action) => {
      if (pin !== MANAGER_PIN) throw new TillError('UNKNOWN_LINE', 'wrong pin in this test');
      approvals.push([pin, action]);
      return 'Maria (manager)';
    },
    ...(threshold === undefined ? {} : { discountApprovalPercent: () => threshold }),
  });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
}

function events(r: EngineRig, saleId: number): Array<{ kind: string; payload: Record<string, unknown> }> {
  const rows = r.journal.db.prepare(`SELECT * FROM events WHERE entity = 'sale' AND entity_id = ? ORDER BY seq`).all(String(saleId)) as EventRow[];
  return rows.map((e) => ({ kind: e.kind, payload: JSON.parse(e.payload) as Record<string, unknown> }));
}

/** Σ lines' net + each tax = total, and the lines' discounts add up to the sale's. */
function expectBalanced(r: EngineRig, saleId: number): void {
  const { sale, lines, taxes } = getSale(r.journal, saleId);
  const net = lines.reduce((s, l) => s + l.lineTotalCents - l.discountCents, 0);
  expect(sale.subtotalCents).toBe(net);
  expect(sale.totalCents).toBe(net + taxes.reduce((s, t) => s + t.amountCents, 0));
  expect(sale.discountCents).toBe(lines.reduce((s, l) => s + l.discountCents, 0));
  for (const l of lines) expect(l.discountCents).toBeLessThanOrEqual(l.lineTotalCents);
}

describe('discounts at the till, in the journal and in the reports', () => {
  it('10% off a line alone, 30% off the sale with the PIN, re-spread on change, verify, paid, reported', async () => {
    rig = await engineRig();
    const approvals: Array<[string, ApprovalAction]> = [];
    const t = till(rig, approvals);
    t.addProduct('POUTINE', 2); // 23.98 standard (HST 13%)
    t.addProduct('BOOK', 1); // 15.00 gst-only (HST 5%)
    const saleId = t.currentSale();

    // 10% of 23.98 = 2.398 → 2.40, by the cashier alone: nobody approved.
    t.discountLine(1, { kind: 'pct', value: 1000 });
    expect(approvals).toEqual([]);
    let details = getSale(rig.journal, saleId);
    expect(details.lines[0]).toMatchObject({ discountCents: 240, lineDiscount: { kind: 'pct', value: 1000, cents: 240, approvedBy: null } });
    // HST 13% on 21.58 = 2.8054 → 2.81; HST 5% on 15.00 = 0.75.
    expect(details.taxes.map((x) => [x.ratePer100k, x.baseCents, x.amountCents])).toEqual([[13000, 2158, 281], [5000, 1500, 75]]);
    expect(details.sale).toMatchObject({ subtotalCents: 3658, totalCents: 3658 + 281 + 75, discountCents: 240 });
    expectBalanced(rig, saleId);

    // 30% off the sale is above the 20% threshold: refused without the PIN, the sale unchanged.
    expect(codeOf(() => t.discountSale({ kind: 'pct', value: 3000 }))).toBe('DISCOUNT_NEEDS_APPROVAL');
    expect(getSale(rig.journal, saleId).sale.discountCents).toBe(240);
    t.discountSale({ kind: 'pct', value: 3000, reason: 'loyalty' }, { pin: MANAGER_PIN });
    expect(approvals).toEqual([[MANAGER_PIN, 'discount']]);
    details = getSale(rig.journal, saleId);
    // 30% of 36.58 = 10.974 → 10.97, spread 21.58 : 15.00 → 6.4717 / 4.4983 → 6.47 + 4.50 (largest remainder).
    expect(details.sale.saleDiscount).toMatchObject({ kind: 'pct', value: 3000, cents: 1097, reason: 'loyalty', approvedBy: 'Maria (manager)' });
    expect(details.lines.map((l) => l.discountCents)).toEqual([240 + 647, 450]);
    expectBalanced(rig, saleId);
    const discounted = events(rig, saleId).find((e) => e.kind === 'sale.discounted');
    expect(discounted?.payload).toMatchObject({ kind: 'pct', value: 3000, approvedBy: 'Maria (manager)', discountCents: 240 + 1097 });

    // A line added: the sale discount spreads over it too.
    t.addProduct('MILK', 1);
    details = getSale(rig.journal, saleId);
    expect(details.sale.saleDiscount?.cents).toBe(Math.round((3658 + 289) * 0.3));
    expect(details.lines.reduce((s, l) => s + l.discountCents, 0) - 240).toBe(details.sale.saleDiscount?.cents);
    expectBalanced(rig, saleId);
    t.setQuantity(1, 1);
    expectBalanced(rig, saleId);
    t.removeLine(3);
    expectBalanced(rig, saleId);

    // Every discount is rebuilt from the events alone.
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);

    const total = getSale(rig.journal, saleId).sale.totalCents;
    const paid = await t.chargeScanned(walletScan('WX', '01'));
    expect(paid).toMatchObject({ state: 'succeeded', amountCents: total });
    const sale = getSale(rig.journal, saleId).sale;

    const day = storeDayOf(Date.now(), 'America/Toronto');
    const [register] = dailyTotals(rig.journal, day, 'America/Toronto').register;
    expect(register).toMatchObject({ salesCount: 1, netSalesCents: sale.subtotalCents, discountCents: sale.discountCents });
    const z = closeDay(rig.journal, { storeDay: day, closedBy: 'manager', countedCashCents: 0, cashCurrency: 'CAD', timeZone: 'America/Toronto' });
    expect(z.totals.register[0]).toMatchObject({ discountCents: sale.discountCents, netSalesCents: sale.subtotalCents });
    const [head, ...rows] = exportCsv(rig.journal, { fromDay: day, toDay: day, timeZone: 'America/Toronto' }).trimEnd().split('\r\n');
    expect(head?.split(',').at(-1)).toBe('discount_cents');
    const payment = rows.map((r) => r.split(',')).find((c) => c[0] === 'payment' && c[CSV_COLUMNS.indexOf('state')] === 'succeeded');
    expect(payment?.at(-1)).toBe(String(sale.discountCents));
    expect(payment?.[CSV_COLUMNS.indexOf('net_sales_cents')]).toBe(String(sale.subtotalCents));
  });

  it('a price override always needs the PIN; the catalog price is kept; an amount discount above the line is refused', async () => {
    rig = await engineRig();
    const approvals: Array<[string, ApprovalAction]> = [];
    const t = till(rig, approvals);
    t.addProduct('POUTINE', 2);
    const saleId = t.currentSale();
    expect(codeOf(() => t.overridePrice(1, 999, 'price match'))).toBe('PRICE_OVERRIDE_NEEDS_APPROVAL');
    t.overridePrice(1, 999, 'price match', { pin: MANAGER_PIN });
    expect(approvals).toEqual([[MANAGER_PIN, 'price-override']]);
    const line = getSale(rig.journal, saleId).lines[0];
    expect(line).toMatchObject({ unitPriceCents: 999, lineTotalCents: 1998, catalogPriceCents: 1199, priceOverride: { reason: 'price match', approvedBy: 'Maria (manager)' } });
    // A second override keeps the catalog's price, not the first override's.
    t.overridePrice(1, 899, undefined, { pin: MANAGER_PIN });
    expect(getSale(rig.journal, saleId).lines[0]).toMatchObject({ unitPriceCents: 899, catalogPriceCents: 1199 });
    expect(getSale(rig.journal, saleId).sale).toMatchObject({ subtotalCents: 1798, totalCents: 1798 + 234 });
    // The same product scanned again is a new line at the catalog's price, not more of the overridden one.
    t.addProduct('POUTINE', 1);
    expect(getSale(rig.journal, saleId).lines.map((l) => [l.unitPriceCents, l.quantity])).toEqual([[899, 2], [1199, 1]]);

    expect(codeOf(() => t.discountLine(2, { kind: 'amount', value: 1200 }))).toBe('DISCOUNT_TOO_LARGE');
    // $2.00 off $11.99 is 16.7%: alone. Removing the discount needs nobody either.
    t.discountLine(2, { kind: 'amount', value: 200 });
    expect(getSale(rig.journal, saleId).lines[1]?.discountCents).toBe(200);
    t.removeDiscount(2);
    expect(getSale(rig.journal, saleId).lines[1]).toMatchObject({ discountCents: 0, lineDiscount: null });
    expect(approvals).toHaveLength(2);
    expectBalanced(rig, saleId);
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
    // A discount edited in the table, not through an event, is named by verify.
    rig.journal.db.prepare('UPDATE sale_lines SET discount_cents = discount_cents + 100 WHERE sale_id = ? AND line_no = 1').run(saleId);
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([expect.objectContaining({ table: 'sale_lines', key: `${saleId}/1`, column: 'discount_cents', problem: 'changed' })]);
  });

  it('the threshold is the setting, percent of the amount, amounts included; a line change that grows a cashier\'s amount discount past it needs the PIN', async () => {
    rig = await engineRig();
    const approvals: Array<[string, ApprovalAction]> = [];
    const t = till(rig, approvals, 10);
    t.addProduct('POUTINE', 2); // 23.98
    const saleId = t.currentSale();
    // $2.40 of $23.98 is 10.008%: above 10%.
    expect(codeOf(() => t.discountSale({ kind: 'amount', value: 240 }))).toBe('DISCOUNT_NEEDS_APPROVAL');
    t.discountSale({ kind: 'amount', value: 239 }); // 9.97%: alone
    expect(approvals).toEqual([]);
    // One poutine left: $2.39 of $11.99 is 19.9%, past 10%: the change needs the manager, who is journaled.
    expect(codeOf(() => t.setQuantity(1, 1))).toBe('DISCOUNT_NEEDS_APPROVAL');
    expect(getSale(rig.journal, saleId).lines[0]?.quantity).toBe(2);
    t.setQuantity(1, 1, { pin: MANAGER_PIN });
    expect(approvals).toEqual([[MANAGER_PIN, 'discount']]);
    expect(getSale(rig.journal, saleId).sale.saleDiscount).toMatchObject({ kind: 'amount', value: 239, cents: 239, approvedBy: 'Maria (manager)' });
    expect(events(rig, saleId).at(-1)).toMatchObject({ kind: 'sale.discounted', payload: { approvedBy: 'Maria (manager)' } });
    expectBalanced(rig, saleId);
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
  });

  it('like any line change: refused while a payment holds the sale, and below what was paid only with the PIN', async () => {
    rig = await engineRig();
    const approvals: Array<[string, ApprovalAction]> = [];
    const t = till(rig, approvals);
    t.addProduct('POUTINE', 1); // 11.99 + HST 1.56 = 13.55
    const saleId = t.currentSale();
    const part = rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1000, amountCents: 1000 });
    expect(part.state).toBe('succeeded');
    // 20% off: 9.59 + 1.25 = 10.84, still above the $10.00 paid: alone.
    t.discountLine(1, { kind: 'pct', value: 2000 });
    expect(getSale(rig.journal, saleId).sale.totalCents).toBe(1084);
    // $3.00 off is above the threshold; $1.50 off (15.6%) would leave it below what was paid (8.09 + 1.05 = 9.14).
    expect(codeOf(() => t.discountSale({ kind: 'amount', value: 50 }))).toBeUndefined(); // 9.09 + 1.18 = 10.27: still above
    expect(codeOf(() => t.discountSale({ kind: 'amount', value: 300 }))).toBe('DISCOUNT_NEEDS_APPROVAL');
    expect(codeOf(() => t.discountSale({ kind: 'amount', value: 150 }))).toBe('BELOW_PAID');
    t.discountSale({ kind: 'amount', value: 150 }, { pin: MANAGER_PIN });
    expect(approvals).toEqual([[MANAGER_PIN, 'below-paid']]);
    expect(getSale(rig.journal, saleId).sale.saleDiscount?.approvedBy).toBe('Maria (manager)');
    expect(getSale(rig.journal, saleId).sale.totalCents).toBeLessThan(1000);
    expectBalanced(rig, saleId);

    // A payment in flight freezes the sale: no discount, no override, no removal.
    const t2 = till(rig, approvals);
    t2.addProduct('BOOK', 1);
    const held = t2.currentSale();
    createAttempt(rig.journal, { saleId: held, tender: 'wallet_qr', channel: 'WX_NATIVE', amountCents: 1575, currency: 'CAD', cashier: 'alice' });
    expect(() => t2.discountLine(1, { kind: 'pct', value: 1000 })).toThrow(PaymentInProgressError);
    expect(() => t2.discountSale({ kind: 'pct', value: 1000 })).toThrow(PaymentInProgressError);
    expect(() => t2.removeDiscount(undefined)).toThrow(PaymentInProgressError);
    expect(() => t2.overridePrice(1, 100, undefined, { pin: MANAGER_PIN })).toThrow(PaymentInProgressError);
    expect(getSale(rig.journal, held).sale.discountCents).toBe(0);
  });
});
