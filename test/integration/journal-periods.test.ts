// Z periods (docs/journal.md "Z periods"): a close ends the open period; what comes after belongs to the next Z.
// Every sale and payment is in exactly one Z, whatever the clock says, and a date that has not begun cannot close.
// Before this, a sale after close-day was in no Z, a second close was refused, a clock set back put a sale in a
// closed day, and close-day for 2099-01-01 was accepted.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { listDayCloses } from '../../main/journal/day-closes.js';
import { PeriodDateBeforeLastError, PeriodNotBegunError } from '../../main/journal/errors.js';
import { createRefund, transitionRefund } from '../../main/journal/refunds.js';
import { settleSale } from '../../main/journal/sale-settlement.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { verifyJournalDb } from '../../main/journal/verify-file.js';
import { runPos } from '../../main/cli/pos.js';
import { closeDay } from '../../main/reports/day-close.js';
import { ManualClock } from '../../main/shared/clock.js';
import { composedAppPerTest } from '../support/composed-app.js';
import { makeTempDir, tempDirsPerTest } from '../support/temp-dir.js';

const HOUR = 3_600_000;
let dir: ReturnType<typeof makeTempDir>;
let journal: Journal;
let clock: ManualClock;

beforeEach(() => {
  dir = makeTempDir('journal-periods-');
  clock = new ManualClock(Date.parse('2026-06-01T14:00:00Z')); // 10:00 in Toronto
  journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock, terminalId: 'T01', timeZone: 'America/Toronto' });
});
afterEach(() => {
  journal.close();
  dir.remove();
});

function cashSale(cents: number): { saleId: number; attemptId: number } {
  const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
  addLine(journal, sale.id, { sku: 'X', name: 'Item', unitPriceCents: cents, quantity: 1 });
  const a = createAttempt(journal, { saleId: sale.id, tender: 'cash', channel: 'CASH', amountCents: cents, currency: 'CAD', cashier: 'ann', cashTenderedCents: cents });
  transitionAttempt(journal, a.id, 'succeeded');
  settleSale(journal, sale.id);
  return { saleId: sale.id, attemptId: a.id };
}

const close = (storeDay: string, counted = 0) => closeDay(journal, { storeDay, closedBy: 'mgr', countedCashCents: counted, cashCurrency: 'CAD' });
const gross = (z: ReturnType<typeof close>) => z.totals.byCurrency[0]?.grossCents ?? 0;
const periodOf = (table: 'sales' | 'attempts', id: number) => (journal.db.prepare(`SELECT period FROM ${table} WHERE id = ?`).get(id) as { period: number | null }).period;

describe('Z periods', () => {
  it('a sale after close-day for today belongs to the next Z, and a second close on the same date closes it', () => {
    cashSale(1000);
    const z1 = close('2026-06-01', 1000);
    clock.advance(HOUR);
    const late = cashSale(250);
    expect(periodOf('sales', late.saleId)).toBe(2);
    const z2 = close('2026-06-01', 250);
    expect([z1.zNumber, gross(z1), z1.expectedCashCents]).toEqual([1, 1000, 1000]);
    expect([z2.zNumber, z2.storeDay, gross(z2), z2.expectedCashCents, z2.totals.salesPaid]).toEqual([2, '2026-06-01', 250, 250, 1]);
    // Z 1 as stored is unchanged by what came after it.
    expect(JSON.parse(listDayCloses(journal)[0]!.totalsJson).totals.byCurrency[0].grossCents).toBe(1000);
  });

  it('a sale never lands in a closed period, whatever the clock says', () => {
    cashSale(1000);
    close('2026-06-01');
    clock.jump(-24 * HOUR); // someone sets the clock back a day
    const back = cashSale(400);
    expect(periodOf('attempts', back.attemptId)).toBe(2);
    clock.jump(24 * HOUR);
    const z2 = close('2026-06-01');
    expect(gross(z2)).toBe(400);
  });

  it('every payment and refund is in exactly one Z', () => {
    const a = cashSale(1000);
    close('2026-06-01');
    const r = createRefund(journal, { attemptId: a.attemptId, amountCents: 300, reason: 'returned', approvedBy: 'mgr' });
    transitionRefund(journal, r.id, 'succeeded');
    cashSale(700);
    clock.advance(24 * HOUR);
    const z2 = close('2026-06-02');
    expect(z2.totals.byCurrency[0]).toMatchObject({ grossCents: 700, refundCents: 300, netCents: 400 });
    const unassigned = journal.db.prepare(`SELECT count(*) AS n FROM attempts WHERE state = 'succeeded' AND period IS NULL`).get() as { n: number };
    expect(unassigned.n).toBe(0);
    const byZ = journal.db.prepare(`SELECT period, sum(amount_cents) AS cents FROM attempts WHERE state = 'succeeded' GROUP BY period ORDER BY period`).all();
    expect(byZ).toEqual([{ period: 1, cents: 1000 }, { period: 2, cents: 700 }]);
    expect(verifyJournalDb(journal.db).differences).toEqual([]);
  });

  it('a period cannot be closed for a date that has not begun, nor before the last Z', () => {
    expect(() => close('2099-01-01')).toThrow(PeriodNotBegunError);
    expect(() => close('2026-06-02')).toThrow(/has not begun \(today is 2026-06-01/);
    close('2026-06-01');
    expect(() => close('2026-05-31')).toThrow(PeriodDateBeforeLastError);
    expect(listDayCloses(journal)).toHaveLength(1);
  });

  it('seals each Z with the event count and head hash it saw', () => {
    cashSale(100);
    const head = journal.db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const z = close('2026-06-01');
    expect({ eventCount: z.eventCount, headHash: z.headHash }).toEqual({ eventCount: head.seq, headHash: head.hash });
    expect(JSON.parse(journal.db.prepare('SELECT payload FROM events ORDER BY seq DESC LIMIT 1').pluck().get() as string)).toMatchObject({ eventCount: head.seq, headHash: head.hash, totalsHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});

describe('pos close-day and the manager channel', () => {
  const dataDir = tempDirsPerTest('pos-periods-');
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runPos(argv, (l) => lines.push(l), {}).catch((err: unknown) => (lines.push(String((err as Error).message)), 1));
    return { code, lines };
  };

  it('prints its Z number and seal; a second close the same day is Z 2; a future date is refused', async () => {
    const d = dataDir();
    expect((await run('charge', '--amount', '500', '--cash', '--data-dir', d)).code).toBe(0);
    const z1 = await run('close-day', '--counted-cash', '500', '--data-dir', d);
    expect(z1.code).toBe(0);
    expect(z1.lines[0]).toMatch(/^Z 1 for \d{4}-\d{2}-\d{2}: expected cash 5\.00 CAD/);
    expect(z1.lines[2]).toMatch(/^ {2}seal: event \d+, hash [0-9a-f]{64} \(journal verify --seal \d+:[0-9a-f]{16}\)$/);
    expect(z1.lines[3]).toMatch(/^ {2}sales CAD: 1 paid, net sales \d+\.\d\d CAD, tax \d+\.\d\d CAD, refunded tax 0\.00 CAD, cash rounding -?\d+\.\d\d CAD$/);
    expect((await run('charge', '--amount', '300', '--cash', '--data-dir', d)).code).toBe(0);
    const z2 = await run('close-day', '--counted-cash', '300', '--data-dir', d);
    expect(z2.lines[0]).toMatch(/^Z 2 for .*expected cash 3\.00 CAD/);
    const future = await run('close-day', '--counted-cash', '0', '--date', '2099-01-01', '--data-dir', d);
    expect(future).toMatchObject({ code: 1, lines: [expect.stringContaining('has not begun')] });
    const seal = /--seal (\S+)\)/.exec(z1.lines[2]!)![1]!;
    expect((await run('journal', 'verify', '--seal', seal, '--data-dir', d)).code).toBe(0);
  });

  const app = composedAppPerTest('app-periods-');
  it('report:closeDay answers the seal, and refuses 2099-01-01 with a typed code', async () => {
    await app.start();
    const session = ((await app.call('manager', 'manager:unlock', { pin: '1234' })).value as { session: string }).session;
    const z = await app.call('manager', 'report:closeDay', { session, countedCashCents: 0 });
    expect(z.value).toMatchObject({ zNumber: 1, eventCount: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await app.call('manager', 'report:closeDay', { session, countedCashCents: 0 })).value).toMatchObject({ zNumber: 2 });
    expect((await app.call('manager', 'report:closeDay', { session, countedCashCents: 0, date: '2099-01-01' })).error).toMatchObject({ code: 'PERIOD_NOT_BEGUN' });
  });
});
