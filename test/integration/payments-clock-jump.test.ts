// Wall-clock jumps mid-payment (a till that boots with a stale clock and then syncs over NTP, a technician
// setting the time): −1 h, +13 min and +25 h. Waits, countdowns and deadlines run on the monotonic clock
// (main/shared/clock.ts), so none of them changes what is shown or when the till stops waiting, and no attempt is
// ever closed on time alone. Real journal, real sandbox; only the wall clock is steered.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getAttempt } from '../../main/journal/attempt-queries.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { PaymentEngine } from '../../main/payments/engine.js';
import type { PaymentEvent } from '../../main/payments/payment-events.js';
import { realTimers } from '../../main/payments/timers.js';
import { startSandbox, type SandboxHandle } from '../../main/sandbox/index.js';
import type { Clock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { FAST_TIMINGS } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { clientFor, walletScan } from '../support/sandbox-fixtures.js';
import { makeTempDir } from '../support/temp-dir.js';

/** Real time passes as usual; the wall clock can be set by `jump`, as NTP or a technician would. */
class SteerableWallClock implements Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  monotonic(): number {
    return performance.now();
  }
  jump(ms: number): void {
    this.offset += ms;
  }
}

const HOUR = 3_600_000;
const JUMPS = [-HOUR, 13 * 60_000, 25 * HOUR];

let sandbox: SandboxHandle;
let journal: Journal;
let engine: PaymentEngine;
let dir: { path: string; remove(): void };
afterEach(async () => {
  await engine?.stop();
  journal?.close();
  await sandbox?.close();
  dir?.remove();
});

async function rig(passwordMs: number) {
  dir = makeTempDir('pos-clock-');
  const clock = new SteerableWallClock();
  sandbox = await startSandbox({ passwordMs, slowResponseMs: 1000 });
  journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock, terminalId: 'T1', timeZone: 'America/Toronto' });
  engine = new PaymentEngine({
    journal, client: clientFor(sandbox, { timeouts: { createMs: 500, queryMs: 500, refundMs: 500 } }), clock, timers: realTimers,
    logger: createLogger('clock', silentSink), timings: { ...FAST_TIMINGS, qrExpiryMs: 1500, minCheckMs: 300 }, currency: 'CAD',
  });
  const events: PaymentEvent[] = [];
  engine.subscribe((e) => events.push(e));
  const sale = (cents: number) => {
    const s = createSale(journal, { cashier: 'alice', currency: 'CAD' });
    addLine(journal, s.id, { sku: 'X', name: 'Item', unitPriceCents: cents, quantity: 1 });
    return s.id;
  };
  return { clock, events, sale };
}

const countdowns = (events: PaymentEvent[]) => events.flatMap((e) => (e.type === 'countdown' ? [e.remainingMs] : []));

describe('wall-clock jumps mid-payment', () => {
  it('a QR: countdowns stay within the QR lifetime through −1 h, +13 min and +25 h; paid after expiry, it pays the sale', async () => {
    const { clock, events, sale } = await rig(600);
    const saleId = sale(1200);
    const done = engine.chargeByQr({ saleId, channel: 'ALIPAY_QR', cashier: 'alice' });
    for (const jump of JUMPS) {
      await new Promise((r) => setTimeout(r, 150));
      clock.jump(jump);
    }
    const attempt = await done;
    // The till stopped waiting at the QR's own expiry, not an hour early or 25 hours late.
    expect(attempt).toMatchObject({ state: 'expired', failureCode: 'QR_EXPIRED' });
    const seen = countdowns(events);
    expect(seen.length).toBeGreaterThan(5);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1500);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    // Nothing is given up on though 25 h "passed": the reconciler still asks, and a late payment is applied.
    await engine.reconcile();
    expect(getAttempt(journal, attempt.id).state).toBe('expired');
    const order = sandbox.ledger.snapshot().orders[0]!;
    await sandbox.control.payQr({ payOrderId: order.payOrderId });
    for (let i = 0; i < 100 && getAttempt(journal, attempt.id).state !== 'succeeded'; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
      await engine.reconcile();
    }
    expect(getAttempt(journal, attempt.id)).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(journal, saleId).sale.status).toBe('paid');
    expect(ledgerDisagreements(journal, sandbox.ledger.snapshot())).toEqual([]);
  });

  it('a merchant-scan with a password: the jumps neither end the wait early nor fail the payment', async () => {
    const { clock, events, sale } = await rig(700);
    const saleId = sale(800);
    const done = engine.chargeByScan({ saleId, ...walletScan('WX', '02'), cashier: 'alice' });
    for (const jump of JUMPS) {
      await new Promise((r) => setTimeout(r, 100));
      clock.jump(jump);
    }
    expect(await done).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(Math.max(...countdowns(events))).toBeLessThanOrEqual(FAST_TIMINGS.scanDeadlineMs.WX_MICROPAY);
    expect(getSale(journal, saleId).sale.status).toBe('paid');
    expect(ledgerDisagreements(journal, sandbox.ledger.snapshot())).toEqual([]);
  });

  it('an answer lost across a +25 h jump is not believed "never created" early: the grace runs on the monotonic clock', async () => {
    const { clock, sale } = await rig(0);
    // The gateway answers 503 before creating anything: an unknown attempt with no order behind it.
    sandbox.faults.injectNext({ kind: '5xx', path: 'create_order' });
    const attempt = await engine.chargeByQr({ saleId: sale(500), channel: 'WX_NATIVE', cashier: 'alice' });
    expect(attempt.state).toBe('unknown');
    await engine.reconcile();
    clock.jump(25 * HOUR);
    await engine.reconcile();
    // FAST_TIMINGS.notFoundGraceMs of real time has not passed: still unknown, whatever the wall clock says.
    expect(getAttempt(journal, attempt.id).state).toBe('unknown');
    for (let i = 0; i < 100 && getAttempt(journal, attempt.id).state === 'unknown'; i += 1) {
      await new Promise((r) => setTimeout(r, 25));
      await engine.reconcile();
    }
    expect(getAttempt(journal, attempt.id)).toMatchObject({ state: 'failed', failureCode: 'NEVER_CREATED' });
  });
});
