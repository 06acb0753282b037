// The real client against the real sandbox: every v1 endpoint and every merchant-scan scenario.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DeclinedError, DuplicateOrderError, InvalidPaymentCodeError, OrderNotFoundError, RefundRejectedError, SignatureRejectedError,
  V1_NOTIFY_ACK, type IotPayClient,
} from '../../main/iotpay/index.js';
import type { SandboxHandle } from '../../main/sandbox/index.js';
import { ManualClock } from '../../main/shared/clock.js';
import { clientFor, orderNo, walletCode, withSandbox } from '../support/sandbox-fixtures.js';

let sandbox: SandboxHandle;
let client: IotPayClient;
afterEach(async () => sandbox?.close());

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

const sale = { amountCents: 2856, currency: 'CAD', subject: 'Order 1001', body: 'Coffee x2' } as const;

describe('v1 customer-scan QR', () => {
  for (const channel of ['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR'] as const) {
    it(`${channel}: create, customer pays through the control API, query says paid`, async () => {
      ({ sandbox, client } = await withSandbox());
      const mchOrderNo = orderNo();
      const qr = await client.orders.createQr({ ...sale, mchOrderNo, channel });
      expect(qr.codeUrl).toContain(qr.payOrderId);
      expect((await client.orders.query({ mchOrderNo })).state).toBe('awaiting_payment');
      await sandbox.control.payQr({ codeUrl: qr.codeUrl });
      const paid = await client.orders.query({ payOrderId: qr.payOrderId });
      expect(paid).toMatchObject({ mchOrderNo, state: 'paid', amountCents: 2856, currency: 'CAD', channel });
      expect(paid.paidAt).toBeGreaterThan(0);
    });
  }

  it('a QR the customer cancels reads as cancelled (status 9)', async () => {
    ({ sandbox, client } = await withSandbox());
    const qr = await client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'ALIPAY_QR' });
    await sandbox.control.cancelQr({ payOrderId: qr.payOrderId });
    expect(await client.orders.query({ payOrderId: qr.payOrderId })).toMatchObject({ status: 9, state: 'cancelled' });
  });

  it('WX_NATIVE accepts CNY; non-ASCII subject and body survive signing both ways', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo();
    await client.orders.createQr({ ...sale, mchOrderNo, channel: 'WX_NATIVE', currency: 'CNY', subject: '咖啡 & tea + 1', body: '两杯咖啡 100%' });
    expect(sandbox.ledger.v1Order({ mchOrderNo })).toMatchObject({ subject: '咖啡 & tea + 1', body: '两杯咖啡 100%', currency: 'CNY' });
  });
});

describe('v1 merchant-scan scenarios (last two digits)', () => {
  it('01 paid at once', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo();
    const r = await client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') });
    expect(r).toMatchObject({ mchOrderNo, status: 2, state: 'paid' });
    expect(r.payOrderId).toBeTruthy();
    expect((await client.orders.query({ mchOrderNo })).state).toBe('paid');
  });

  it('02 password: paying for passwordMs, then paid (controlled clock)', async () => {
    const clock = new ManualClock();
    ({ sandbox, client } = await withSandbox({ clock, passwordMs: 6000 }));
    const mchOrderNo = orderNo();
    const r = await client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'ALIPAY_MICROPAY', identityCode: walletCode('ALIPAY', '02') });
    expect(r.state).toBe('paying');
    clock.advance(5999);
    expect((await client.orders.query({ mchOrderNo })).state).toBe('paying');
    clock.advance(1);
    expect((await client.orders.query({ mchOrderNo })).state).toBe('paid');
  });

  it('03 password, then the customer cancels: status 9', async () => {
    const clock = new ManualClock();
    ({ sandbox, client } = await withSandbox({ clock }));
    const mchOrderNo = orderNo();
    expect((await client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'UPI_MICROPAY', identityCode: walletCode('UPI', '03') })).state).toBe('paying');
    clock.advance(6000);
    expect(await client.orders.query({ mchOrderNo })).toMatchObject({ status: 9, state: 'cancelled' });
  });

  it('04 declined: DeclinedError, not charged', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo();
    const err = await rejection(client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '04') }));
    expect(err).toBeInstanceOf(DeclinedError);
    expect(err).toMatchObject({ gatewayCode: 'INSUFFICIENT_FUNDS', outcome: 'not_charged' });
    expect(sandbox.ledger.v1Order({ mchOrderNo })?.status).not.toBe(2);
  });

  it('05 charged, connection dropped: ResponseLostError, and a query finds it paid', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo();
    const err = await rejection(client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '05') }));
    expect(err).toMatchObject({ code: 'RESPONSE_LOST', outcome: 'unknown' });
    expect((await client.orders.query({ mchOrderNo })).state).toBe('paid');
  });

  it('06 charged, answer slower than the client timeout: ResponseLostError, query finds it paid', async () => {
    ({ sandbox } = await withSandbox({ slowResponseMs: 1500 }));
    client = clientFor(sandbox, { timeouts: { createMs: 300 } });
    const mchOrderNo = orderNo();
    const err = await rejection(client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'ALIPAY_MICROPAY', identityCode: walletCode('ALIPAY', '06') }));
    expect(err).toMatchObject({ code: 'RESPONSE_LOST', outcome: 'unknown' });
    expect((await client.orders.query({ mchOrderNo })).state).toBe('paid');
  });

  it('07 invalid code: InvalidPaymentCodeError; a used code is refused the same way', async () => {
    ({ sandbox, client } = await withSandbox());
    const bad = await rejection(client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: walletCode('WX', '07') }));
    expect(bad).toBeInstanceOf(InvalidPaymentCodeError);
    const code = walletCode('WX', '01');
    await client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: code });
    const reused = await rejection(client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: code }));
    expect(reused).toBeInstanceOf(InvalidPaymentCodeError);
  });
});

describe('v1 app channels', () => {
  it('WX_APP, ALIPAY_MOBILE and UPI_APP return payParams', async () => {
    ({ sandbox, client } = await withSandbox());
    const wx = await client.orders.createApp({ ...sale, mchOrderNo: orderNo(), channel: 'WX_APP', wechatAppId: 'wx1234567890' });
    expect(Object.keys(wx.payParams).length).toBeGreaterThan(0);
    const ali = await client.orders.createApp({ ...sale, mchOrderNo: orderNo(), channel: 'ALIPAY_MOBILE', osType: 'ANDROID' });
    expect(ali.payOrderId).toBeTruthy();
    const upi = await client.orders.createApp({ ...sale, mchOrderNo: orderNo(), channel: 'UPI_APP' });
    expect(upi.payParams).toBeTypeOf('object');
  });
});

describe('v1 identity and refunds', () => {
  it('query of an order never sent: OrderNotFoundError (not charged)', async () => {
    ({ sandbox, client } = await withSandbox());
    const err = await rejection(client.orders.query({ mchOrderNo: orderNo() }));
    expect(err).toBeInstanceOf(OrderNotFoundError);
    expect(await rejection(client.orders.query({ payOrderId: 'NOPE' }))).toBeInstanceOf(OrderNotFoundError);
  });

  it('duplicate mchOrderNo: DuplicateOrderError (unknown: the first may be paid), ledger unchanged', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo();
    await client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') });
    const before = sandbox.ledger.snapshot();
    const err = await rejection(client.orders.createQr({ ...sale, amountCents: 1, mchOrderNo, channel: 'WX_NATIVE' }));
    expect(err).toBeInstanceOf(DuplicateOrderError);
    expect(err).toMatchObject({ code: 'DUPLICATE_ORDER', outcome: 'unknown' });
    expect(err.message).toBe('create_order: mchOrderNo already exists');
    // This request charged nothing: the ledger, including the first order's amount and status, is unchanged.
    expect(sandbox.ledger.snapshot()).toEqual(before);
    expect(sandbox.ledger.v1Order({ mchOrderNo })).toMatchObject({ amount: 2856, status: 2 });
    expect(await client.orders.query({ mchOrderNo })).toMatchObject({ amountCents: 2856, state: 'paid' });
  });

  it('query maps status 3 (paid, merchant notified) to paid', async () => {
    const acks: string[] = [];
    const listener = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        acks.push(V1_NOTIFY_ACK);
        res.end(V1_NOTIFY_ACK);
      });
    });
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    try {
      ({ sandbox } = await withSandbox());
      client = clientFor(sandbox, { notifyUrl: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/notify` });
      const mchOrderNo = orderNo();
      const qr = await client.orders.createQr({ ...sale, mchOrderNo, channel: 'UPI_QR' });
      await sandbox.control.payQr({ payOrderId: qr.payOrderId });
      // The acknowledged notification is what moves a sandbox order from 2 to 3 (docs/iotpay-api.md §3.5).
      await expect.poll(() => sandbox.ledger.v1Order({ mchOrderNo })?.status).toBe(3);
      const queried = await client.orders.query({ mchOrderNo });
      expect(queried).toMatchObject({ mchOrderNo, payOrderId: qr.payOrderId, status: 3, state: 'paid', amountCents: 2856, channel: 'UPI_QR' });
      expect(queried.paidAt).toBeGreaterThan(0);
      expect(acks).toEqual([V1_NOTIFY_ACK]);
    } finally {
      await new Promise<void>((r) => listener.close(() => r()));
    }
  });

  it('query maps status 4 (payment failed: declined or invalid code) to cancelled', async () => {
    ({ sandbox, client } = await withSandbox());
    const declined = orderNo();
    await rejection(client.orders.createMicropay({ ...sale, mchOrderNo: declined, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '04') }));
    const invalid = orderNo();
    await rejection(client.orders.createMicropay({ ...sale, mchOrderNo: invalid, channel: 'ALIPAY_MICROPAY', identityCode: walletCode('ALIPAY', '07') }));
    for (const mchOrderNo of [declined, invalid]) {
      expect(sandbox.ledger.v1Order({ mchOrderNo })?.status).toBe(4);
      expect(await client.orders.query({ mchOrderNo })).toMatchObject({ mchOrderNo, status: 4, state: 'cancelled' });
    }
  });

  it('partial refunds, same mchRefundNo returns the first result, over-refund refused', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo();
    const paid = await client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') });
    const payOrderId = paid.payOrderId as string;
    const first = await client.refunds.create({ mchRefundNo: orderNo('T1R'), payOrderId, amountCents: 1000, currency: 'CAD' });
    expect(first).toMatchObject({ state: 'refunded', amountCents: 1000 });
    const again = await client.refunds.create({ mchRefundNo: first.mchRefundNo, payOrderId, amountCents: 1000, currency: 'CAD' });
    expect(again.refundOrderId).toBe(first.refundOrderId);
    expect(sandbox.ledger.snapshot().refunds).toHaveLength(1);
    const over = await rejection(client.refunds.create({ mchRefundNo: orderNo('T1R'), payOrderId, amountCents: 1857, currency: 'CAD' }));
    expect(over).toBeInstanceOf(RefundRejectedError);
    expect(await client.refunds.create({ mchRefundNo: orderNo('T1R'), payOrderId, amountCents: 1856, currency: 'CAD' })).toMatchObject({ state: 'refunded' });
  });

  it('refund of an unpaid order is refused', async () => {
    ({ sandbox, client } = await withSandbox());
    const qr = await client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'UPI_QR' });
    expect(await rejection(client.refunds.create({ mchRefundNo: orderNo('T1R'), payOrderId: qr.payOrderId, amountCents: 1, currency: 'CAD' }))).toBeInstanceOf(RefundRejectedError);
  });

  it('a wrong merchant key is refused by the gateway: SignatureRejectedError, nothing recorded', async () => {
    ({ sandbox } = await withSandbox());
    client = clientFor(sandbox, { key: 'WRONGKEY' });
    const err = await rejection(client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'WX_NATIVE' }));
    expect(err).toBeInstanceOf(SignatureRejectedError);
    expect(err.message).toBe('signature error');
    expect(sandbox.ledger.snapshot().orders).toHaveLength(0);
  });
});
