// Customer-scan QR, card, cash and split tender through the engine, against a real journal and sandbox.
import { afterEach, describe, expect, it } from 'vitest';
import { getSale } from '../../main/journal/sale-queries.js';
import type { PaymentEvent } from '../../main/payments/payment-events.js';
import { AmountExceedsDueError, InsufficientCashError, OfflineError, PaymentInProgressError } from '../../main/payments/payment-errors.js';
import { startSandbox } from '../../main/sandbox/index.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

async function agree(): Promise<void> {
  await rig.engine.reconcile();
  expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
}

/** The QR the engine published, once the create_order round trip it waits on has finished. */
async function qrShown(events: PaymentEvent[]): Promise<Extract<PaymentEvent, { type: 'qr' }>> {
  await rig.time!.settle();
  const e = events.find((x): x is Extract<PaymentEvent, { type: 'qr' }> => x.type === 'qr');
  if (!e) throw new Error('no QR was published');
  return e;
}

/** The QR and card tests run on the test's clock (test/support/manual-time.ts) with the shipped timings. */
const ON_TIME = { manualTime: true, timings: SHIPPED_TIMINGS } as const;

describe('customer-scan QR', () => {
  for (const channel of ['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR'] as const) {
    it(`${channel}: the QR is published with its expiry; the customer pays; the sale is paid`, async () => {
      rig = await engineRig(ON_TIME);
      const events: PaymentEvent[] = [];
      rig.engine.subscribe((e) => events.push(e));
      const saleId = rig.sale(1999);
      const done = rig.engine.chargeByQr({ saleId, channel, cashier: 'bob' });
      const qr = await qrShown(events);
      expect(qr).toMatchObject({ saleId, channel, amountCents: 1999, currency: 'CAD' });
      // The expiry is a monotonic instant (main/shared/clock.ts), so a wall-clock jump cannot move it.
      expect(qr.expiresAt).toBe(rig.time!.monotonic() + SHIPPED_TIMINGS.qrExpiryMs);
      await rig.sandbox.control.payQr({ codeUrl: qr.codeUrl });
      expect((await rig.time!.until(done)).state).toBe('succeeded');
      expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
      await agree();
    });
  }

  it('the customer cancels in the wallet: failed', async () => {
    rig = await engineRig(ON_TIME);
    const events: PaymentEvent[] = [];
    rig.engine.subscribe((e) => events.push(e));
    const done = rig.engine.chargeByQr({ saleId: rig.sale(500), channel: 'ALIPAY_QR', cashier: 'bob' });
    const qr = await qrShown(events);
    const payOrderId = rig.sandbox.ledger.snapshot().orders[0]!.payOrderId;
    expect(qr.codeUrl).toContain(payOrderId);
    await rig.sandbox.control.cancelQr({ payOrderId });
    expect(await rig.time!.until(done)).toMatchObject({ state: 'failed', failureCode: 'CANCELLED_BY_CUSTOMER' });
    await agree();
  });

  it('nobody pays: checking after the QR deadline, and never closed on time alone; the sale stays held', async () => {
    rig = await engineRig(ON_TIME);
    const saleId = rig.sale(500);
    const attempt = await rig.time!.until(rig.engine.chargeByQr({ saleId, channel: 'WX_NATIVE', cashier: 'bob' }));
    expect(attempt).toMatchObject({ state: 'expired', failureCode: 'QR_EXPIRED' });
    // A whole day of reconciler passes, all answered "not paid yet": still checkable, still holding the sale.
    const stop = rig.engine.start();
    await rig.time!.advance(24 * 3_600_000);
    await stop;
    expect(getSale(rig.journal, saleId).attempts[0]!.state).toBe('expired');
    expect(() => rig.engine.payCash({ saleId, cashier: 'bob', tenderedCents: 500 })).toThrow(PaymentInProgressError);
  });

  it('paid after the QR expired: the sale still owes it, so it pays the sale', async () => {
    rig = await engineRig(ON_TIME);
    const saleId = rig.sale(700);
    const attempt = await rig.time!.until(rig.engine.chargeByQr({ saleId, channel: 'UPI_QR', cashier: 'bob' }));
    expect(attempt.state).toBe('expired');
    await rig.sandbox.control.payQr({ payOrderId: attempt.payOrderId ?? rig.sandbox.ledger.snapshot().orders[0]!.payOrderId });
    await rig.engine.reconcile();
    expect(getSale(rig.journal, saleId).attempts[0]).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    await agree();
  });

  it('paid after a manager override let cash settle the sale: succeeded, needs a manager', async () => {
    rig = await engineRig(ON_TIME);
    const saleId = rig.sale(700);
    const charging = rig.engine.chargeByQr({ saleId, channel: 'UPI_QR', cashier: 'bob' });
    await rig.time!.advance(10_000);
    const attemptId = getSale(rig.journal, saleId).attempts[0]!.id;
    expect(() => rig.engine.payCash({ saleId, cashier: 'bob', tenderedCents: 700 })).toThrow(PaymentInProgressError);
    expect(rig.engine.override(attemptId, 'manager', 'the customer shows an unpaid wallet')).toMatchObject({ released: true, state: 'expired' });
    const attempt = await rig.time!.until(charging);
    rig.engine.payCash({ saleId, cashier: 'bob', tenderedCents: 1000 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    await rig.sandbox.control.payQr({ payOrderId: attempt.payOrderId ?? rig.sandbox.ledger.snapshot().orders[0]!.payOrderId });
    await rig.engine.reconcile();
    expect(getSale(rig.journal, saleId).attempts[0]).toMatchObject({ state: 'succeeded', needsAction: true });
    const released = rig.journal.statement(`SELECT payload FROM events WHERE kind = 'attempt.released'`).get() as { payload: string };
    expect(JSON.parse(released.payload)).toMatchObject({ by: 'manager', reason: 'the customer shows an unpaid wallet' });
    await agree();
  });
});

describe('card through the hosted form', () => {
  it('4242… pays; the form callback makes the engine confirm by cc_query', async () => {
    rig = await engineRig(ON_TIME);
    const saleId = rig.sale(1500);
    const start = await rig.engine.startCard({ saleId, cashier: 'carol', returnUrl: 'http://127.0.0.1:9/return' });
    expect(start.secureId).toMatch(/^[0-9a-f]{64}$/i);
    await rig.sandbox.control.payCard(start.secureId!, '4242424242424242');
    expect((await rig.engine.confirmCard(start.attempt.id)).state).toBe('succeeded');
    expect((await rig.time!.until(start.done)).state).toBe('succeeded');
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    await agree();
  });

  it('4000…0002 is declined: failed', async () => {
    rig = await engineRig(ON_TIME);
    const start = await rig.engine.startCard({ saleId: rig.sale(1500), cashier: 'carol', returnUrl: 'http://127.0.0.1:9/return' });
    await rig.sandbox.control.payCard(start.secureId!, '4000000000000002').catch(() => undefined);
    expect((await rig.time!.until(start.done)).state).toBe('failed');
    await agree();
  });
});

describe('cash and split tender', () => {
  it('cash records tendered and change; too little cash is refused', async () => {
    rig = await engineRig();
    const saleId = rig.sale(1234);
    expect(() => rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1000 })).toThrow(InsufficientCashError);
    const cash = rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 2000 });
    // $12.34 in cash is $12.35 (5¢ rounding, docs/register.md): change $7.65, and the sale is paid exactly.
    expect(cash).toMatchObject({ state: 'succeeded', amountCents: 1235, roundingCents: 1, cashTenderedCents: 2000, changeCents: 765 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
  });

  it('cash plus a wallet pays one sale; nothing may exceed what is due', async () => {
    rig = await engineRig();
    const saleId = rig.sale(3000);
    rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1000, amountCents: 1000 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('open');
    await expect(rig.engine.chargeByScan({ saleId, ...walletScan('WX', '01'), cashier: 'alice', amountCents: 2001 })).rejects.toBeInstanceOf(AmountExceedsDueError);
    const wallet = await rig.engine.chargeByScan({ saleId, ...walletScan('WX', '01'), cashier: 'alice' });
    expect(wallet).toMatchObject({ state: 'succeeded', amountCents: 2000 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    await agree();
  });
});

describe('offline', () => {
  it('gateway unreachable: the wallet attempt fails OFFLINE, the next is refused at once, cash works, and it comes back by itself', async () => {
    rig = await engineRig();
    const { mchId, key, gatewayUrl } = rig.sandbox;
    const port = Number(new URL(gatewayUrl).port);
    await rig.sandbox.close();
    const first = await rig.engine.chargeByScan({ saleId: rig.sale(100), ...walletScan('WX', '01'), cashier: 'alice' });
    expect(first).toMatchObject({ state: 'failed', failureCode: 'OFFLINE' });
    expect(rig.engine.isOnline()).toBe(false);
    // "At once": refused before anything is journaled or sent, so no timeout can be waited on.
    const offlineSale = rig.sale(100);
    await expect(rig.engine.chargeByQr({ saleId: offlineSale, channel: 'WX_NATIVE', cashier: 'alice' })).rejects.toBeInstanceOf(OfflineError);
    expect(getSale(rig.journal, offlineSale).attempts).toEqual([]);
    expect(rig.engine.payCash({ saleId: rig.sale(100), cashier: 'alice', tenderedCents: 100 }).state).toBe('succeeded');
    await rig.engine.reconcile();
    expect(rig.engine.isOnline()).toBe(false);
    rig.sandbox = await startSandbox({ port, mchId, key });
    // Nothing is open to ask about, so the reconciler's pass probes the gateway and notices it is back.
    await rig.engine.reconcile();
    expect(rig.engine.isOnline()).toBe(true);
    const again = await rig.engine.chargeByScan({ saleId: rig.sale(100), ...walletScan('WX', '01'), cashier: 'alice' });
    expect(again.state).toBe('succeeded');
    await agree();
  });
});
