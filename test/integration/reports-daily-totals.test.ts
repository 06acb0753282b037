// Daily totals: store days in the store's zone (America/Toronto across the 2026-03-08 DST change vs UTC),
// breakdowns, refunds on the day they succeed, pending and needs-action counts, index-backed plans.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { createRefund, transitionRefund } from '../../main/journal/refunds.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { DAILY_TOTALS_SQL, dailyTotals } from '../../main/reports/daily-totals.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let journal: Journal;
let clock: ManualClock;

beforeEach(() => {
  dir = makeTempDir('reports-totals-');
  clock = new ManualClock();
  journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock, terminalId: 'T01', timeZone: 'America/Toronto' });
});
afterEach(() => {
  journal.close();
  dir.remove();
});

interface Pay { at: string; cents: number; channel?: string; cashier?: string; currency?: string }

function paidAt({ at, cents, channel = 'WX_MICROPAY', cashier = 'ann', currency = 'CAD' }: Pay): number {
  clock.advance(Date.parse(at) - clock.now());
  const sale = createSale(journal, { cashier, currency });
  addLine(journal, sale.id, { sku: 'X', name: 'Item', unitPriceCents: cents, quantity: 1 });
  const tender = channel === 'CASH' ? 'cash' : 'wallet_scan';
  const a = createAttempt(journal, { saleId: sale.id, tender, channel, amountCents: cents, currency, cashier });
  transitionAttempt(journal, a.id, 'succeeded');
  return a.id;
}

function refundedAt(attemptId: number, at: string, cents: number): void {
  clock.advance(Date.parse(at) - clock.now());
  const r = createRefund(journal, { attemptId, amountCents: cents, reason: 'return', approvedBy: 'mgr' });
  transitionRefund(journal, r.id, 'succeeded');
}

describe('daily totals across the spring-forward day (Toronto 2026-03-08 is 23 h long)', () => {
  beforeEach(() => {
    paidAt({ at: '2026-03-08T04:30:00Z', cents: 1000 }); // Toronto 03-07 23:30 EST | UTC 03-08
    paidAt({ at: '2026-03-08T05:30:00Z', cents: 2000 }); // Toronto 03-08 00:30 EST | UTC 03-08
    paidAt({ at: '2026-03-09T03:30:00Z', cents: 4000 }); // Toronto 03-08 23:30 EDT | UTC 03-09
    paidAt({ at: '2026-03-09T04:30:00Z', cents: 8000 }); // Toronto 03-09 00:30 EDT | UTC 03-09
  });

  it('counts the payments of the Toronto store day', () => {
    const t = dailyTotals(journal, '2026-03-08');
    expect(t.byCurrency).toEqual([{ key: 'CAD', currency: 'CAD', grossCents: 6000, refundCents: 0, netCents: 6000, paymentCount: 2, refundCount: 0 }]);
  });

  it('counts different payments for the same date in UTC', () => {
    const t = dailyTotals(journal, '2026-03-08', 'UTC');
    expect(t.byCurrency[0]).toMatchObject({ grossCents: 3000, paymentCount: 2 });
  });

  it('the days either side get the rest', () => {
    expect(dailyTotals(journal, '2026-03-07').byCurrency[0]).toMatchObject({ grossCents: 1000 });
    expect(dailyTotals(journal, '2026-03-09').byCurrency[0]).toMatchObject({ grossCents: 8000 });
  });
});

describe('daily totals breakdown', () => {
  it('splits by channel, currency and cashier; refunds net on the day they succeeded', () => {
    const early = paidAt({ at: '2026-05-31T20:00:00Z', cents: 5000, cashier: 'bob' }); // Toronto 05-31
    paidAt({ at: '2026-06-01T14:00:00Z', cents: 1500, cashier: 'ann' });
    paidAt({ at: '2026-06-01T15:00:00Z', cents: 2500, cashier: 'bob' });
    paidAt({ at: '2026-06-01T16:00:00Z', cents: 700, cashier: 'ann', channel: 'CASH' });
    paidAt({ at: '2026-06-01T17:00:00Z', cents: 9900, cashier: 'ann', channel: 'ALIPAY_QR', currency: 'CNY' });
    refundedAt(early, '2026-06-01T18:00:00Z', 1200);

    const t = dailyTotals(journal, '2026-06-01');
    expect(t.rows).toEqual([
      { channel: 'CASH', currency: 'CAD', cashier: 'ann', grossCents: 700, refundCents: 0, netCents: 700, paymentCount: 1, refundCount: 0 },
      { channel: 'WX_MICROPAY', currency: 'CAD', cashier: 'ann', grossCents: 1500, refundCents: 0, netCents: 1500, paymentCount: 1, refundCount: 0 },
      { channel: 'WX_MICROPAY', currency: 'CAD', cashier: 'bob', grossCents: 2500, refundCents: 1200, netCents: 1300, paymentCount: 1, refundCount: 1 },
      { channel: 'ALIPAY_QR', currency: 'CNY', cashier: 'ann', grossCents: 9900, refundCents: 0, netCents: 9900, paymentCount: 1, refundCount: 0 },
    ]);
    expect(t.byCashier).toContainEqual({ key: 'ann', currency: 'CAD', grossCents: 2200, refundCents: 0, netCents: 2200, paymentCount: 2, refundCount: 0 });
    expect(t.byChannel).toContainEqual({ key: 'WX_MICROPAY', currency: 'CAD', grossCents: 4000, refundCents: 1200, netCents: 2800, paymentCount: 2, refundCount: 1 });
    expect(t.byCurrency).toEqual([
      { key: 'CAD', currency: 'CAD', grossCents: 4700, refundCents: 1200, netCents: 3500, paymentCount: 3, refundCount: 1 },
      { key: 'CNY', currency: 'CNY', grossCents: 9900, refundCents: 0, netCents: 9900, paymentCount: 1, refundCount: 0 },
    ]);
    expect(dailyTotals(journal, '2026-05-31').byCurrency[0]).toMatchObject({ grossCents: 5000, refundCents: 0 });
  });

  it('counts attempts still pending and those needing action, and leaves both out of the money', () => {
    clock.advance(Date.parse('2026-06-01T14:00:00Z') - clock.now());
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    addLine(journal, sale.id, { sku: 'X', name: 'Item', unitPriceCents: 100, quantity: 1 });
    const make = () => createAttempt(journal, { saleId: sale.id, tender: 'card', channel: 'PF_CC', amountCents: 100, currency: 'CAD', cashier: 'ann' });
    transitionAttempt(journal, make().id, 'pending');
    transitionAttempt(journal, make().id, 'unknown');
    const late = make();
    transitionAttempt(journal, late.id, 'expired');
    const t1 = dailyTotals(journal, '2026-06-01');
    expect([t1.pendingCount, t1.needsActionCount, t1.rows.length]).toEqual([3, 0, 0]);
    transitionAttempt(journal, late.id, 'succeeded', { needsAction: true });
    const t2 = dailyTotals(journal, '2026-06-01');
    expect([t2.pendingCount, t2.needsActionCount]).toEqual([2, 1]);
  });

  it('every query is a search on its index, never a table scan', () => {
    const plans = Object.values(DAILY_TOTALS_SQL).map((sql) =>
      (journal.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 1) as { detail: string }[]).map((p) => p.detail).join(' | '),
    );
    expect(plans[0]).toMatch(/USING COVERING INDEX attempts_succeeded_by_day/);
    expect(plans[1]).toMatch(/refunds_succeeded_by_day/);
    expect(plans[2]).toMatch(/attempts_unsettled/);
    expect(plans[3]).toMatch(/attempts_needing_action/);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN (attempts|refunds|r|a)\b(?! USING)/);
  });
});
