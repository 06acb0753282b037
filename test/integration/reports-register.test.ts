// The register in the reports (docs/register.md "In the reports"), through the real till, engine, sandbox and journal:
// net sales before tax, each tax from the sale_taxes rows of paid sales, a refund's tax apportioned (largest
// remainder), the 5¢ cash rounding; the same in the daily totals, the Z, the CSV; every query on its index.
import { afterEach, describe, expect, it } from 'vitest';
import { storeDayOf } from '../../main/journal/store-day.js';
import { exportCsv, CSV_COLUMNS } from '../../main/reports/csv-export.js';
import { dailyTotals } from '../../main/reports/daily-totals.js';
import { closeDay } from '../../main/reports/day-close.js';
import { apportion, REGISTER_DAY_SQL, REGISTER_PERIOD_SQL } from '../../main/reports/register-totals.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { registerTill } from '../support/register-till.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());


const quebecTill = (r: EngineRig) => registerTill(r, 'QC');

describe('apportion (largest remainder, integer cents)', () => {
  it('splits exactly, the leftover cents to the largest remainders, capped at the whole', () => {
    expect(apportion(500, [1500, 75])).toEqual([476, 24]); // 476.19 + 23.81
    expect(apportion(1575, [1500, 75])).toEqual([1500, 75]);
    expect(apportion(2000, [1500, 75])).toEqual([1500, 75]);
    expect(apportion(1, [1, 1])).toEqual([1, 0]); // a tie goes to the earlier part
    expect(apportion(100, [0, 0])).toEqual([0, 0]);
    for (const amount of [1, 7, 333, 1667]) expect(apportion(amount, [1488, 60, 120]).reduce((a, b) => a + b, 0)).toBe(amount);
  });
});

describe('net sales, taxes, refunded tax and cash rounding in the reports', () => {
  it('a taxed cash sale with rounding, a zero-rated item, a refund: daily totals, the Z and the CSV agree', async () => {
    rig = await engineRig();
    const till = quebecTill(rig);
    // Sale 1, Quebec: poutine (GST 5% + QST 9.975%) and milk (zero-rated). GST 59.95 → 60, QST 119.60 → 120.
    till.addProduct('POUTINE', 1);
    till.addProduct('MILK', 1);
    const first = till.currentSale();
    const cash = rig.engine.payCash({ saleId: first, cashier: 'alice', tenderedCents: 2000 });
    expect(cash).toMatchObject({ state: 'succeeded', amountCents: 1670, roundingCents: 2 }); // 16.68 → 16.70
    // Sale 2: a book (GST only, 75¢), paid by wallet; 5.00 of it refunded: 476¢ net and 24¢ GST (largest remainder).
    till.newSale();
    till.addProduct('BOOK', 1);
    const paid = await till.chargeScanned(walletScan('WX', '01'));
    expect(paid).toMatchObject({ state: 'succeeded', amountCents: 1575 });
    const refund = await rig.engine.refund({ attemptId: paid.id, amountCents: 500, reason: 'damaged', approvedBy: 'manager' });
    expect(refund.state).toBe('succeeded');
    // Sale 3: open, never paid: not in the sums.
    till.newSale();
    till.addProduct('POUTINE', 1);

    const expected = {
      currency: 'CAD', salesCount: 2, netSalesCents: 1199 + 289 + 1500, discountCents: 0, refundedNetCents: 476,
      taxes: [{ code: 'GST', collectedCents: 60 + 75, refundedCents: 24 }, { code: 'QST', collectedCents: 120, refundedCents: 0 }],
      taxCollectedCents: 255, taxRefundedCents: 24, roundingCents: 2,
    };
    const day = storeDayOf(Date.now(), 'America/Toronto');
    const totals = dailyTotals(rig.journal, day, 'America/Toronto');
    expect(totals.register).toEqual([expected]);
    // Money in = what the sales came to plus the rounding; refunds = refunded net + refunded tax.
    expect(totals.byCurrency[0]).toMatchObject({ grossCents: expected.netSalesCents + expected.taxCollectedCents + expected.roundingCents, refundCents: 500 });

    const z = closeDay(rig.journal, { storeDay: day, closedBy: 'manager', countedCashCents: 1670, cashCurrency: 'CAD', timeZone: 'America/Toronto' });
    expect(z.totals.register).toEqual([expected]);
    expect(z).toMatchObject({ expectedCashCents: 1670, differenceCents: 0 });
    expect(JSON.parse(z.totalsJson).totals.register).toEqual([expected]);
    // The next day's totals and the next Z are empty of it.
    expect(dailyTotals(rig.journal, '2000-01-01', 'America/Toronto').register).toEqual([]);

    // The CSV: the new columns are last; summing the succeeded rows gives the same.
    const [head, ...rows] = exportCsv(rig.journal, { fromDay: day, toDay: day, timeZone: 'America/Toronto' }).trimEnd().split('\r\n');
    expect(head).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS.slice(-8, -1)).toEqual(['rounding_cents', 'net_sales_cents', 'gst_cents', 'hst_cents', 'pst_cents', 'qst_cents', 'rst_cents']);
    const at = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    const cells = rows.map((r) => r.split(','));
    const succeeded = cells.filter((c) => c[at('state')] === 'succeeded');
    const sum = (name: string) => succeeded.reduce((n, c) => n + Number(c[at(name)] || 0), 0);
    expect([sum('rounding_cents'), sum('net_sales_cents'), sum('gst_cents'), sum('qst_cents'), sum('hst_cents')]).toEqual([2, 2988 - 476, 135 - 24, 120, 0]);
    const refundRow = cells.find((c) => c[0] === 'refund');
    expect(refundRow?.slice(-8, -1)).toEqual(['0', '-476', '-24', '', '', '0', '']); // the book's Quebec sale has a QST rule, with nothing on it
  });

  it('every register query is a search on an index, never a table scan', async () => {
    rig = await engineRig();
    const plan = (sql: string, params: number[]) =>
      (rig.journal.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join(' | ');
    const day = Object.values(REGISTER_DAY_SQL).map((sql) => plan(sql, [0, 1]));
    const period = Object.values(REGISTER_PERIOD_SQL).map((sql) => plan(sql, [1]));
    expect(day[0]).toMatch(/COVERING INDEX sales_paid_by_closed_at/);
    expect(day[1]).toMatch(/sales_paid_by_closed_at/);
    expect(day[2]).toMatch(/COVERING INDEX attempts_rounded_by_day/);
    expect(day[3]).toMatch(/refunds_succeeded_by_day/);
    expect(period[0]).toMatch(/sales_by_period/);
    expect(period[1]).toMatch(/sales_by_period/);
    expect(period[2]).toMatch(/COVERING INDEX attempts_rounded_by_period/);
    expect(period[3]).toMatch(/refunds_succeeded_by_period/);
    for (const p of [...day, ...period]) expect(p).not.toMatch(/SCAN (sales|attempts|refunds|sale_taxes|s|t|r|a)\b(?! USING)/);
  });
});
