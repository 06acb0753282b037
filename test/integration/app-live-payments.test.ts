// A screen that loads mid-payment asks `payment:live` what main is waiting on. First the LivePayments module
// fed by the real engine against the real sandbox (QR shown, paid, cancelled, expired, card), then the composed
// app's channel per role: the counter's screens see the counter's QR, the kiosk sees nothing, the manager may
// not ask, and nothing signed or secret is in the answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttemptView, LivePaymentView } from '../../preload/contract.js';
import type { WindowRole } from '../../main/app/host-api.js';
import { LivePayments } from '../../main/app/live-payments.js';
import { TRAINING_MERCHANT_FILE } from '../../main/app/training-gateway.js';
import type { PaymentEvent } from '../../main/payments/payment-events.js';
import { systemClock } from '../../main/shared/clock.js';
import { composedAppPerTest } from '../support/composed-app.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';

type QrEvent = Extract<PaymentEvent, { type: 'qr' }>;

async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i += 1) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('LivePayments with the real engine and sandbox', () => {
  let rig: EngineRig;
  let live: LivePayments;
  let events: PaymentEvent[];
  afterEach(async () => rig?.close());

  async function startRig(qrExpiryMs = 5000) {
    rig = await engineRig({ timings: { qrExpiryMs } });
    live = new LivePayments(rig.journal, systemClock);
    events = [];
    // Same order as main/app/compose.ts: remembered first, then the screens hear of it.
    rig.engine.subscribe((e) => live.observe(e));
    rig.engine.subscribe((e) => events.push(e));
  }
  const qrEvent = () => until(() => events.find((e): e is QrEvent => e.type === 'qr'), 'the QR event');
  const countdownSeen = (attemptId: number) => until(() => events.find((e) => e.type === 'countdown' && e.attemptId === attemptId), 'a countdown');

  it('a QR in play: the attempt, exactly the QR the event carried, and the deadline; forgotten once paid', async () => {
    await startRig();
    const saleId = rig.sale(1999);
    const other = rig.sale(500);
    expect(live.forSale(saleId)).toBeNull();
    const done = rig.engine.chargeByQr({ saleId, channel: 'WX_NATIVE', cashier: 'bob' });
    const qr = await qrEvent();
    await countdownSeen(qr.attemptId);
    const seen = live.forSale(saleId)!;
    expect(seen.attempt).toMatchObject({ id: qr.attemptId, saleId, tender: 'wallet_qr', channel: 'WX_NATIVE', state: 'pending', amountCents: 1999 });
    const { saleId: _sale, type: _type, expiresAt, ...asSent } = qr;
    expect(seen.qr).toMatchObject(asSent);
    expect(seen.qr!.codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    // Durations from now, on the monotonic clock: the QR's validity and the till's wait end together.
    const left = expiresAt - systemClock.monotonic();
    expect(seen.qr!.expiresInMs).toBeGreaterThan(left - 200);
    expect(seen.qr!.expiresInMs).toBeLessThanOrEqual(left + 50);
    expect(seen.remainingMs).toBeGreaterThan(left - 200);
    expect(seen.countdown).toBe('waiting');
    expect(JSON.stringify(seen)).not.toMatch(/"(key|sign|secret|secureId|payOrderId)"/);
    expect(JSON.stringify(seen)).not.toContain(rig.sandbox.key);
    expect(live.forSale(other)).toBeNull();

    await rig.sandbox.control.payQr({ codeUrl: qr.codeUrl });
    expect((await done).state).toBe('succeeded');
    expect(live.forSale(saleId)).toBeNull();
    expect(live.size).toBe(0);
  });

  it('the cashier cancels: the QR is withdrawn, and the payment is still there to pick up, checking', async () => {
    await startRig();
    const saleId = rig.sale(800);
    const done = rig.engine.chargeByQr({ saleId, channel: 'ALIPAY_QR', cashier: 'bob' });
    const qr = await qrEvent();
    expect(live.forSale(saleId)?.qr?.attemptId).toBe(qr.attemptId);
    expect(rig.engine.cancel(qr.attemptId)).toBe(true);
    const checking = await until(() => (live.forSale(saleId)?.countdown === 'checking' ? live.forSale(saleId) : undefined), 'the checking countdown');
    expect(checking).toMatchObject({ attempt: { id: qr.attemptId, state: 'expired', phase: 'checking', reason: 'CANCELLED_AT_TILL' } });
    expect(checking!.qr).toBeUndefined();
    expect(await done).toMatchObject({ state: 'expired', failureCode: 'CANCELLED_AT_TILL' });
    // Still in flight after the till's last query: a reloaded screen must see it, not an editable cart.
    expect(live.forSale(saleId)?.attempt).toMatchObject({ id: qr.attemptId, phase: 'checking' });
  });

  it('the QR runs out: withdrawn at expiry, then checking', async () => {
    await startRig(400);
    const saleId = rig.sale(300);
    const done = rig.engine.chargeByQr({ saleId, channel: 'UPI_QR', cashier: 'bob' });
    await qrEvent();
    expect(live.forSale(saleId)?.qr).toBeDefined();
    expect(await done).toMatchObject({ state: 'expired', failureCode: 'QR_EXPIRED' });
    expect(live.forSale(saleId)).toMatchObject({ attempt: { state: 'expired', phase: 'checking' } });
    expect(live.forSale(saleId)?.qr).toBeUndefined();
  });

  it('a card attempt: reported with its deadline, without the card form session', async () => {
    await startRig();
    const saleId = rig.sale(1500);
    const start = await rig.engine.startCard({ saleId, cashier: 'carol', returnUrl: 'http://127.0.0.1:9/return' });
    await countdownSeen(start.attempt.id);
    const seen = live.forSale(saleId)!;
    expect(seen.attempt).toMatchObject({ id: start.attempt.id, tender: 'card', state: 'pending' });
    expect(seen.qr).toBeUndefined();
    expect(seen.remainingMs).toBeGreaterThan(0);
    expect(JSON.stringify(seen)).not.toContain(start.secureId!);
    await rig.sandbox.control.payCard(start.secureId!, '4242424242424242');
    await rig.engine.confirmCard(start.attempt.id);
    expect((await start.done).state).toBe('succeeded');
    expect(live.forSale(saleId)).toBeNull();
  });
});

describe('payment:live in the composed app', () => {
  const app = composedAppPerTest('pos-live-');
  const { call } = app;
  const liveFor = async (role: WindowRole) => (await call(role, 'payment:live')).value as LivePaymentView | null;

  it('the counter screens pick up the QR in play; the kiosk sees none; the manager may not ask; cancel clears it', async () => {
    const { host, dataDir } = await app.start();
    const qrs: unknown[] = [];
    host.subscribe('customer-display', (event, payload) => event === 'payment:qr' && qrs.push(payload));
    expect(await liveFor('cashier')).toBeNull();
    await call('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
    const charged = await call('cashier', 'payment:chargeByQr', { channel: 'WX_NATIVE' });
    expect(charged.ok).toBe(true);
    const attempt = charged.value as AttemptView;
    const sent = await until(() => qrs[0], 'the QR on the customer display');

    const forCashier = await until(async () => {
      const answer = await liveFor('cashier');
      return answer?.qr && answer.remainingMs ? answer : undefined;
    }, 'the QR and its countdown');
    const { expiresInMs: _sentFor, ...sentQr } = sent as { expiresInMs: number };
    expect(forCashier.attempt).toMatchObject({ id: attempt.id, state: 'pending', tender: 'wallet_qr' });
    expect(forCashier.qr).toMatchObject(sentQr);
    const forDisplay = await call('customer-display', 'payment:live');
    expect(forDisplay).toMatchObject({ ok: true, value: { attempt: { id: attempt.id }, qr: sentQr } });
    expect(await liveFor('kiosk')).toBeNull();
    expect((await call('manager', 'payment:live')).error?.code).toBe('NOT_ALLOWED');
    expect((await call('cashier', 'payment:live', { attemptId: 1 })).error?.code).toBe('INVALID_REQUEST');
    const trainingKey = (JSON.parse(readFileSync(join(dataDir, TRAINING_MERCHANT_FILE), 'utf8')) as { key: string }).key;
    expect(JSON.stringify(forDisplay)).not.toContain(trainingKey);
    expect(JSON.stringify(forDisplay)).not.toMatch(/"(key|sign|secret|merchantKey)"/);

    // A cancel withdraws the QR at once; the payment is then checking, not gone, until the gateway says.
    expect((await call('cashier', 'payment:cancel', { attemptId: attempt.id })).value).toEqual({ cancelled: true });
    const checking = await until(async () => {
      const answer = await liveFor('customer-display');
      return answer?.countdown === 'checking' ? answer : undefined;
    }, 'the cancel to start checking');
    expect(checking).toMatchObject({ attempt: { id: attempt.id, state: 'expired', phase: 'checking' } });
    expect(checking.qr).toBeUndefined();
  });
});
