// The Z report: numbered, expected vs counted cash, one per store day and terminal, immutable.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { getDayClose, listDayCloses } from '../../main/journal/day-closes.js';
import { verifyChain } from '../../main/journal/events.js';
import { createRefund, transitionRefund } from '../../main/journal/refunds.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { closeDay } from '../../main/reports/day-close.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let journal: Journal;
let clock: ManualClock;

beforeEach(() => {
  dir = makeTempDir('reports-zclose-');
  clock = new ManualClock(Date.parse('2026-06-01T14:00:00Z'));
  journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock, terminalId: 'T01', timeZone: 'America/Toronto' });
});
afterEach(() => {
  journal.close();
  dir.remove();
});

function pay(channel: string, cents: number): number {
  const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
  addLine(journal, sale.id, { sku: 'X', name: 'Item', unitPriceCents: cents, quantity: 1 });
  const tender = channel === 'CASH' ? 'cash' : 'wallet_scan';
  const a = createAttempt(journal, { saleId: sale.id, tender, channel, amountCents: cents, currency: 'CAD', cashier: 'ann', cashTenderedCents: channel === 'CASH' ? cents : undefined });
  transitionAttempt(journal, a.id, 'succeeded');
  return a.id;
}

describe('day close (Z report)', () => {
  it('computes expected cash (cash tenders minus cash refunds) and the difference', () => {
    const cash = pay('CASH', 2000);
    pay('CASH', 550);
    pay('WX_MICROPAY', 9999);
    const r = createRefund(journal, { attemptId: cash, amountCents: 300, reason: 'return', approvedBy: 'mgr' });
    transitionRefund(journal, r.id, 'succeeded');
    clock.advance(3_600_000);
    const z = closeDay(journal, { storeDay: '2026-06-01', closedBy: 'mgr', countedCashCents: 2200, cashCurrency: 'CAD' });
    expect(z).toMatchObject({ zNumber: 1, expectedCashCents: 2250, countedCashCents: 2200, differenceCents: -50, terminalId: 'T01' });
    expect(z.totals.byCurrency[0]).toMatchObject({ grossCents: 12549, refundCents: 300, netCents: 12249 });
    expect(getDayClose(journal, 1)).toMatchObject({ zNumber: 1, storeDay: '2026-06-01', differenceCents: -50 });
    expect(JSON.parse(getDayClose(journal, 1).totalsJson)).toMatchObject({ chainHead: { seq: expect.any(Number) } });
  });

  it('numbers closes in sequence; a second close on the same date closes the next period (migration 0080)', () => {
    closeDay(journal, { storeDay: '2026-06-01', closedBy: 'mgr', countedCashCents: 0, cashCurrency: 'CAD' });
    const z2 = closeDay(journal, { storeDay: '2026-06-01', closedBy: 'mgr', countedCashCents: 0, cashCurrency: 'CAD' });
    expect(z2).toMatchObject({ zNumber: 2, storeDay: '2026-06-01' });
    clock.advance(24 * 3_600_000);
    const z3 = closeDay(journal, { storeDay: '2026-06-02', closedBy: 'mgr', countedCashCents: 0, cashCurrency: 'CAD' });
    expect(z3.zNumber).toBe(3);
    expect(listDayCloses(journal).map((z) => z.zNumber)).toEqual([1, 2, 3]);
  });

  it('is immutable: UPDATE and DELETE are refused by the database', () => {
    closeDay(journal, { storeDay: '2026-06-01', closedBy: 'mgr', countedCashCents: 500, cashCurrency: 'CAD' });
    expect(() => journal.db.prepare('UPDATE day_closes SET counted_cash_cents = 0').run()).toThrow(/immutable/);
    expect(() => journal.db.prepare('DELETE FROM day_closes').run()).toThrow(/immutable/);
    expect(getDayClose(journal, 1).countedCashCents).toBe(500);
  });

  it('records a day.closed event in the chain', () => {
    closeDay(journal, { storeDay: '2026-06-01', closedBy: 'mgr', countedCashCents: 0, cashCurrency: 'CAD' });
    const last = journal.db.prepare('SELECT kind FROM events ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ kind: 'day.closed' });
    expect(verifyChain(journal).ok).toBe(true);
  });
});
