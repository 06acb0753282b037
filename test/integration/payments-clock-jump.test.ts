// Wall-clock jumps mid-payment (a till that boots with a stale clock and then syncs over NTP, a technician
// setting the time): −1 h, +13 min and +25 h. Waits, countdowns and deadlines run on the monotonic clock
// (main/shared/clock.ts), so none of them changes what is shown or when the till stops waiting, and no attempt is
// ever closed on time alone. Real journal, real sandbox, on the test's clock (test/support/manual-time.ts): real
// time passes between the jumps as the test advances it, and only the wall clock jumps.
import { afterEach, describe, expect, it } from 'vitest';
import { getAttempt } from '../../main/journal/attempt-queries.js';
import { getSale } from '../../main/journal/sale-queries.js';
import type { PaymentEvent } from '../../main/payments/payment-events.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import type { ManualTime } from '../support/manual-time.js';
import { walletScan } from '../support/sandbox-fixtures.js';

const HOUR = 3_600_000;
const JUMPS = [-HOUR, 13 * 60_000, 25 * HOUR];

let rig: EngineRig;
afterEach(async () => rig?.close());

async function onTime(passwordMs: number): Promise<{ time: ManualTime; events: PaymentEvent[] }> {
  rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox: { passwordMs } });
  const events: PaymentEvent[] = [];
  rig.engine.subscribe((e) => events.push(e));
  return { time: rig.time!, events };
}

/** While `flow` runs: 10 s of real time, a jump, and so on for each jump; then the flow's own end. */
async function withJumps<T>(time: ManualTime, flow: Promise<T>): Promise<T> {
  for (const jump of JUMPS) {
    await time.advance(10_000);
    time.jump(jump);
  }
  return time.until(flow);
}

const countdowns = (events: PaymentEvent[]) => events.flatMap((e) => (e.type === 'countdown' ? [e.remainingMs] : []));

describe('wall-clock jumps mid-payment', () => {
  it('a QR: the till stops waiting at the QR expiry exactly, countdowns stay within its lifetime; paid later, it pays the sale', async () => {
    const { time, events } = await onTime(0);
    const saleId = rig.sale(1200);
    const startedAt = time.monotonic();
    const attempt = await withJumps(time, rig.engine.chargeByQr({ saleId, channel: 'ALIPAY_QR', cashier: 'alice' }));
    // Stopped waiting at the QR's own 120 s, not an hour early or 25 hours late.
    expect(attempt).toMatchObject({ state: 'expired', failureCode: 'QR_EXPIRED' });
    expect(time.monotonic() - startedAt).toBeLessThanOrEqual(SHIPPED_TIMINGS.qrExpiryMs + 100);
    const seen = countdowns(events);
    expect(seen.length).toBeGreaterThan(30);
    expect(Math.max(...seen)).toBeLessThanOrEqual(SHIPPED_TIMINGS.qrExpiryMs);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    // Nothing is given up on though 25 h "passed": still open, and a late payment is applied.
    await rig.engine.reconcile();
    expect(getAttempt(rig.journal, attempt.id).state).toBe('expired');
    await rig.sandbox.control.payQr({ payOrderId: rig.sandbox.ledger.snapshot().orders[0]!.payOrderId });
    void rig.engine.start();
    await time.advanceUntil('the reconciler sees it paid', () => getAttempt(rig.journal, attempt.id).state === 'succeeded', 10_000);
    expect(getAttempt(rig.journal, attempt.id)).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });

  it('a merchant-scan with a password: the jumps neither end the wait early nor fail the payment', async () => {
    const { time, events } = await onTime(40_000);
    const saleId = rig.sale(800);
    expect(await withJumps(time, rig.engine.chargeByScan({ saleId, ...walletScan('WX', '02'), cashier: 'alice' }))).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(Math.max(...countdowns(events))).toBeLessThanOrEqual(SHIPPED_TIMINGS.scanDeadlineMs.WX_MICROPAY);
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });

  it('an answer lost across a +25 h jump is not believed "never created" early: the grace runs on the monotonic clock', async () => {
    const { time } = await onTime(0);
    // The gateway answers 503 before creating anything: an unknown attempt with no order behind it.
    rig.sandbox.faults.injectNext({ kind: '5xx', path: 'create_order' });
    const attempt = await time.until(rig.engine.chargeByQr({ saleId: rig.sale(500), channel: 'WX_NATIVE', cashier: 'alice' }));
    expect(attempt.state).toBe('unknown');
    await rig.engine.reconcile();
    time.jump(25 * HOUR);
    await time.advance(SHIPPED_TIMINGS.reconcileEveryMs);
    await rig.engine.reconcile();
    // 30 s of real time, not the 2-minute grace, whatever the wall clock says: still unknown.
    expect(getAttempt(rig.journal, attempt.id).state).toBe('unknown');
    void rig.engine.start();
    await time.advanceUntil('the grace to pass', () => getAttempt(rig.journal, attempt.id).state !== 'unknown', 10_000);
    expect(getAttempt(rig.journal, attempt.id)).toMatchObject({ state: 'failed', failureCode: 'NEVER_CREATED' });
    expect(time.monotonic()).toBeGreaterThanOrEqual(SHIPPED_TIMINGS.notFoundGraceMs);
  });
});
