// The reconciler on its timer (engine.start(), reconcileEveryMs 200 ms, real timers) with no manual
// reconcile() calls: it drives expired and unknown attempts to a final state by itself, engine.stop() stops it,
// and after an outage it resumes by itself once the gateway is back. Also: card tenders are refused offline.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getAttempt } from '../../main/journal/attempt-queries.js';
import { getSale } from '../../main/journal/sale-queries.js';
import type { AttemptRecord } from '../../main/journal/payment-records.js';
import { OfflineError, PaymentInProgressError } from '../../main/payments/payment-errors.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../main/sandbox/index.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import type { ManualTime } from '../support/manual-time.js';
import { gatewayOrderProblems, ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletScan } from '../support/sandbox-fixtures.js';
import { tempDirsPerTest } from '../support/temp-dir.js';

// Registered first: after-hooks run last-registered first, so the folder goes after the sandbox has closed.
const tempDir = tempDirsPerTest('pos-reconciler-');
let rig: EngineRig;
let revived: SandboxHandle | undefined;
afterEach(async () => {
  await rig?.close();
  await revived?.close();
  revived = undefined;
});

const isFinal = (a: AttemptRecord) => a.state === 'succeeded' || a.state === 'failed';

/** Engine and sandbox on the test's clock (test/support/manual-time.ts), with the timings a till ships with. */
async function onTime(sandbox: SandboxOptions = {}): Promise<ManualTime> {
  rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox });
  return rig.time!;
}

/** The till stops waiting on a WeChat password payment at WeChat's 45 s; the customer confirms at 50 s. */
async function expiredAtTill(time: ManualTime, cents: number): Promise<AttemptRecord> {
  const expired = await time.until(rig.engine.chargeByScan({ saleId: rig.sale(cents), ...walletScan('WX', '02'), cashier: 'alice' }));
  expect(expired.state).toBe('expired');
  return expired;
}

describe('the reconciler timer', () => {
  it('settles expired and unknown attempts by itself; stop() stops it; start() resumes it', async () => {
    const time = await onTime({ passwordMs: 50_000 });
    await rig.engine.start();

    // Expired at the till, paid later: the timer applies it to its sale, which still owes it.
    const expired = await expiredAtTill(time, 600);
    // Unknown: the QR create_order was answered 503 before the gateway did anything, so no order exists.
    rig.sandbox.faults.injectNext({ kind: '5xx', path: 'create_order' });
    const unknown = await time.until(rig.engine.chargeByQr({ saleId: rig.sale(700), channel: 'ALIPAY_QR', cashier: 'bob' }));
    expect(unknown.state).toBe('unknown');

    await time.advanceUntil('both attempts are final', () => isFinal(getAttempt(rig.journal, expired.id)) && isFinal(getAttempt(rig.journal, unknown.id)), 5000);
    expect(getAttempt(rig.journal, expired.id)).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, expired.saleId).sale.status).toBe('paid');
    // "Not found" is believed only after the gateway has said so for the 2-minute grace.
    expect(getAttempt(rig.journal, unknown.id)).toMatchObject({ state: 'failed', failureCode: 'NEVER_CREATED' });

    // Stopped: another late success stays expired although the gateway has it paid.
    await rig.engine.stop();
    const idle = await expiredAtTill(time, 800);
    await time.advance(10 * 60_000);
    expect(rig.sandbox.ledger.snapshot().orders.some((o) => o.mchOrderNo === idle.mchOrderNo && o.status === 2)).toBe(true);
    expect(getAttempt(rig.journal, idle.id).state).toBe('expired');

    // Started again, the timer picks it up.
    void rig.engine.start();
    await time.advanceUntil('the idle attempt is final', () => isFinal(getAttempt(rig.journal, idle.id)), 5000);
    expect(getAttempt(rig.journal, idle.id)).toMatchObject({ state: 'succeeded', needsAction: false });
    const ledger = rig.sandbox.ledger.snapshot();
    expect(ledgerDisagreements(rig.journal, ledger)).toEqual([]);
    expect(gatewayOrderProblems(rig.journal, ledger)).toEqual([]);
  });
});

describe('a reconcile pass racing a till flow', () => {
  it('leaves a card attempt alone while cc_purchase is still in flight, so the form opens on a live session', async () => {
    // A slow cc_purchase outlasts the not-found grace: a pass that asked about this attempt now would be told
    // "never created" and close it while the form is about to open.
    rig = await engineRig({ timings: { notFoundGraceMs: 50 } });
    const saleId = rig.sale(1800);
    rig.sandbox.faults.injectNext({ kind: 'latency', path: 'cc_purchase', latencyMs: 350 });
    const starting = rig.engine.startCard({ saleId, cashier: 'carol', returnUrl: 'http://127.0.0.1:9/return' });
    // Journaled before cc_purchase leaves; the pass runs while the request is still in flight.
    expect(getSale(rig.journal, saleId).attempts).toHaveLength(1);
    await rig.engine.reconcile();
    const start = await starting;
    expect(start.attempt.state).toBe('pending');
    expect(start.secureId).toBeTruthy();
    expect(getAttempt(rig.journal, start.attempt.id)).toMatchObject({ state: 'pending', failureCode: null });
    rig.engine.cancel(start.attempt.id);
    await start.done;
  });
});

describe('giving up on an attempt', () => {
  it('never happens on time alone: a whole day of "still paying" closes nothing, and a payment after it pays the sale', async () => {
    const time = await onTime({ passwordMs: 24.5 * 3_600_000 });
    const saleId = rig.sale(700);
    const checking = await expiredAtTill(time, 700);
    void rig.engine.start();
    // A day of reconciler passes (ever further apart), all answered "customer still paying", and a failed one.
    rig.sandbox.faults.injectNext({ kind: '5xx', path: 'query_order' });
    await time.advance(24 * 3_600_000);
    expect(getAttempt(rig.journal, checking.id).state).toBe('expired');
    expect(() => rig.engine.payCash({ saleId: checking.saleId, cashier: 'alice', tenderedCents: 700 })).toThrow(PaymentInProgressError);
    // The customer finally confirms, after 24.5 h: the sale still owes it, so the payment pays the sale.
    await time.advanceUntil('the reconciler sees it paid', () => getAttempt(rig.journal, checking.id).state === 'succeeded', 60_000, 3_600_000);
    expect(getAttempt(rig.journal, checking.id)).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, checking.saleId).sale.status).toBe('paid');
    expect(getSale(rig.journal, saleId).sale.status).toBe('open');
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });
});

describe('offline', () => {
  it('a pass with nothing open probes the gateway, so the till knows it is offline before any tender is tried', async () => {
    rig = await engineRig();
    const connectivity: boolean[] = [];
    rig.engine.subscribe((e) => {
      if (e.type === 'connectivity') connectivity.push(e.online);
    });
    await rig.sandbox.close();
    expect(rig.engine.isOnline()).toBe(true);
    await rig.engine.reconcile();
    expect(rig.engine.isOnline()).toBe(false);
    expect(connectivity).toEqual([false]);
    const saleId = rig.sale(900);
    await expect(rig.engine.chargeByScan({ saleId, ...walletScan('WX', '01'), cashier: 'alice' })).rejects.toBeInstanceOf(OfflineError);
    expect(getSale(rig.journal, saleId).attempts).toEqual([]);
    expect(rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1000 })).toMatchObject({ state: 'succeeded', changeCents: 100 });
  });

  it('a card tender is refused with OfflineError, nothing journaled', async () => {
    rig = await engineRig();
    await rig.sandbox.close();
    // The first wallet attempt finds the gateway unreachable, which marks it offline.
    const first = await rig.engine.chargeByScan({ saleId: rig.sale(100), ...walletScan('WX', '01'), cashier: 'alice' });
    expect(first).toMatchObject({ state: 'failed', failureCode: 'OFFLINE' });
    expect(rig.engine.isOnline()).toBe(false);
    const saleId = rig.sale(1500);
    await expect(rig.engine.startCard({ saleId, cashier: 'carol', returnUrl: 'http://127.0.0.1:9/r' })).rejects.toBeInstanceOf(OfflineError);
    expect(getSale(rig.journal, saleId).attempts).toEqual([]);
  });

  it('attempts left unknown through an outage are settled by the timer once the gateway is back', async () => {
    const ledgerFile = join(tempDir(), 'ledger.json');
    const time = await onTime({ ledgerFile });
    const { mchId, key, gatewayUrl } = rig.sandbox;
    const port = Number(new URL(gatewayUrl).port);
    await rig.engine.start();

    // U1: the QR order was created but its answer dropped. U2: the create was refused 503 (no order exists).
    rig.sandbox.faults.injectNext({ kind: 'drop', path: 'create_order' });
    const u1 = await time.until(rig.engine.chargeByQr({ saleId: rig.sale(1100), channel: 'WX_NATIVE', cashier: 'bob' }));
    rig.sandbox.faults.injectNext({ kind: '5xx', path: 'create_order' });
    const u2 = await time.until(rig.engine.chargeByQr({ saleId: rig.sale(1200), channel: 'UPI_QR', cashier: 'bob' }));
    expect([u1.state, u2.state]).toEqual(['unknown', 'unknown']);
    const u1Order = rig.sandbox.ledger.snapshot().orders.find((o) => o.mchOrderNo === u1.mchOrderNo);
    expect(u1Order).toBeDefined();

    // The gateway goes away: the timer's passes notice, and leave both attempts unknown.
    await rig.sandbox.close();
    await time.advanceUntil('the engine notices it is offline', () => !rig.engine.isOnline(), 5000);
    await time.advance(10 * 60_000);
    expect([getAttempt(rig.journal, u1.id).state, getAttempt(rig.journal, u2.id).state]).toEqual(['unknown', 'unknown']);
    await expect(rig.engine.chargeByQr({ saleId: rig.sale(100), channel: 'WX_NATIVE', cashier: 'bob' })).rejects.toBeInstanceOf(OfflineError);

    // Back on the same port with the same persisted ledger; the customer had paid U1's order meanwhile.
    revived = await startSandbox({ port, mchId, key, ledgerFile, clock: time });
    await revived.control.payQr({ payOrderId: u1Order!.payOrderId });
    await time.advanceUntil('both attempts are final', () => isFinal(getAttempt(rig.journal, u1.id)) && isFinal(getAttempt(rig.journal, u2.id)), 5000);
    expect(rig.engine.isOnline()).toBe(true);
    // Nobody was waiting for U1, but its sale still owed it: the customer meant to pay it, so it pays the sale.
    expect(getAttempt(rig.journal, u1.id)).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, u1.saleId).sale.status).toBe('paid');
    expect(getAttempt(rig.journal, u2.id)).toMatchObject({ state: 'failed', failureCode: 'NEVER_CREATED' });
    const ledger = revived.ledger.snapshot();
    expect(ledgerDisagreements(rig.journal, ledger)).toEqual([]);
    expect(gatewayOrderProblems(rig.journal, ledger)).toEqual([]);
  });
});
