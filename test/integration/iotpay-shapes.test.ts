// For each documented or observed answer shape (main/sandbox/shapes.ts, docs/sandbox.md "Answer shapes"): the
// client's reading of it, against the real sandbox answering in that shape over loopback.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DeclinedError, InvalidPaymentCodeError, OrderNotFoundError, ResponseSignatureError, UnrecognisedFailureError,
  type GatewayCheckRecord, type IotPayClient,
} from '../../main/iotpay/index.js';
import { attemptOutcome } from '../../main/payments/attempt-outcome.js';
import { CliUsageError, parseCliOptions } from '../../main/sandbox/cli-options.js';
import { parseShapeSpec, type AnswerShapes, type SandboxHandle } from '../../main/sandbox/index.js';
import { ManualClock } from '../../main/shared/clock.js';
import { clientFor, orderNo, walletCode, withSandbox } from '../support/sandbox-fixtures.js';

let sandbox: SandboxHandle | undefined;
afterEach(async () => sandbox?.close());

const sale = { amountCents: 1856, currency: 'CAD', subject: 'Sale', body: 'Sale' } as const;

async function shaped(shapes: Partial<AnswerShapes>, extra: { clock?: ManualClock; refundSettleMs?: number } = {}): Promise<IotPayClient> {
  const started = await withSandbox({ shapes, passwordMs: 200, ...extra });
  sandbox = started.sandbox;
  return started.client;
}

async function paidOrder(client: IotPayClient): Promise<string> {
  const paid = await client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') });
  return paid.payOrderId!;
}

const refund = (client: IotPayClient, payOrderId: string, mchRefundNo = orderNo('T1R'), amountCents = 500) =>
  client.refunds.create({ mchRefundNo, payOrderId, amountCents, currency: 'CAD' });

describe('the --shapes spec', () => {
  it('parses every shape, refuses unknown ones', () => {
    expect(parseShapeSpec('payParams=string,unsignedQuery,unsignedRefund,userpaying,refundStatus=3')).toMatchObject({
      payParams: 'string', unsignedQuery: true, unsignedRefund: true, userpaying: true, refundStatus: 3, unsignedCards: false, wechatCodes: false,
    });
    expect(parseShapeSpec('refundStatus=none,unsignedCards,wechatCodes=true')).toMatchObject({ refundStatus: 'none', unsignedCards: true, wechatCodes: true });
    expect(() => parseShapeSpec('refundStatus=12')).toThrow(/refundStatus/);
    expect(() => parseShapeSpec('payParams=array')).toThrow(/payParams/);
    expect(() => parseShapeSpec('signedEverything')).toThrow(/unknown shape 'signedEverything'/);
    expect(parseCliOptions(['--shapes', 'userpaying,refundStatus=0']).shapes).toMatchObject({ userpaying: true, refundStatus: 0 });
    expect(() => parseCliOptions(['--shapes', 'refundStatus=x'])).toThrow(CliUsageError);
  });
});

describe('signatures', () => {
  it('default: every v1 and v3 answer is signed, and the client says so', async () => {
    const client = await shaped({});
    const payOrderId = await paidOrder(client);
    expect(await client.orders.query({ payOrderId })).toMatchObject({ state: 'paid', signed: true });
    expect(await refund(client, payOrderId)).toMatchObject({ state: 'refunded', signed: true });
  });

  it('unsignedQuery: query answers carry no sign; the client accepts them as signed: false, "not found" included', async () => {
    const client = await shaped({ unsignedQuery: true });
    const payOrderId = await paidOrder(client);
    expect(await client.orders.query({ payOrderId })).toMatchObject({ state: 'paid', status: 2, amountCents: 1856, signed: false });
    await expect(client.orders.query({ mchOrderNo: 'T1NEVER' })).rejects.toBeInstanceOf(OrderNotFoundError);
    // Once a gateway check saw this gateway sign query answers, an unsigned one is no longer IOTPay's.
    const check: GatewayCheckRecord = {
      version: 1, checkedAt: 1, v1BaseUrl: `${sandbox!.gatewayUrl}/v1/`, mchId: sandbox!.mchId, probes: [], clockSkewMs: 0, clockSkewed: false, seenSigned: ['query_order'],
    };
    await expect(clientFor(sandbox!, { gatewayCheck: check }).orders.query({ payOrderId })).rejects.toBeInstanceOf(ResponseSignatureError);
  });

  it('unsignedRefund: refund answers carry no sign; accepted as signed: false and read by their status', async () => {
    const client = await shaped({ unsignedRefund: true });
    const payOrderId = await paidOrder(client);
    expect(await refund(client, payOrderId)).toMatchObject({ state: 'refunded', status: 2, signed: false });
    expect(await client.orders.query({ payOrderId })).toMatchObject({ signed: true });
  });

  it('unsignedCards: v3 answers as IOTPay documents them, with no sign; accepted as signed: false', async () => {
    const client = await shaped({ unsignedCards: true });
    const mchOrderNo = orderNo('T1C');
    const session = await client.cards.purchase({ mchOrderNo, amountCents: 100, currency: 'CAD', channel: 'PF_CC', returnUrl: 'http://127.0.0.1:9/r' });
    expect(session).toMatchObject({ signed: false });
    await sandbox!.control.payCard(session.secureId, '4242424242424242');
    expect(await client.cards.query({ mchOrderNo })).toMatchObject({ state: 'succeeded', signed: false });
  });
});

describe('payParams', () => {
  it('payParams=string: Alipay and WeChat app orders answer with a string, which the client returns as it came; the signature still verifies', async () => {
    const client = await shaped({ payParams: 'string' });
    const alipay = await client.orders.createApp({ ...sale, mchOrderNo: orderNo(), channel: 'ALIPAY_MOBILE', osType: 'ANDROID' });
    expect(alipay).toMatchObject({ payParams: expect.stringMatching(/^sandbox_trade_no=/), signed: true });
    const wechat = await client.orders.createApp({ ...sale, mchOrderNo: orderNo(), channel: 'WX_APP', wechatAppId: 'wx123' });
    expect(typeof wechat.payParams).toBe('string');
    expect(JSON.parse(wechat.payParams as string)).toMatchObject({ appId: 'wx123' });
  });

  it('default: payParams is an object', async () => {
    const client = await shaped({});
    expect((await client.orders.createApp({ ...sale, mchOrderNo: orderNo(), channel: 'ALIPAY_MOBILE' })).payParams).toMatchObject({ orderString: expect.any(String) });
  });
});

describe('the password prompt', () => {
  it('default: SUCCESS with status=1 → paying; the query settles it', async () => {
    const client = await shaped({});
    const mchOrderNo = orderNo();
    expect(await client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '02') })).toMatchObject({ status: 1, state: 'paying' });
    await expect.poll(async () => (await client.orders.query({ mchOrderNo })).state, { timeout: 3000 }).toBe('paid');
  });

  it('userpaying: resCode=FAIL errCode=USERPAYING → paying, not a failure; the query settles it, cancelled too', async () => {
    const client = await shaped({ userpaying: true });
    const mchOrderNo = orderNo();
    const paying = await client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'ALIPAY_MICROPAY', identityCode: walletCode('ALIPAY', '02') });
    expect(paying).toMatchObject({ state: 'paying', mchOrderNo, payOrderId: expect.stringMatching(/^AM/), signed: true });
    await expect.poll(async () => (await client.orders.query({ mchOrderNo })).state, { timeout: 3000 }).toBe('paid');
    const cancelled = orderNo();
    expect(await client.orders.createMicropay({ ...sale, mchOrderNo: cancelled, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '03') })).toMatchObject({ state: 'paying' });
    await expect.poll(async () => (await client.orders.query({ mchOrderNo: cancelled })).state, { timeout: 3000 }).toBe('cancelled');
    // A scan that pays at once is still answered SUCCESS.
    expect(await client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') })).toMatchObject({ state: 'paid' });
  });
});

describe('refund status 0 to 4, none, and an unknown number', () => {
  it('2 (default) and 4: refunded', async () => {
    let client = await shaped({});
    expect(await refund(client, await paidOrder(client))).toMatchObject({ status: 2, state: 'refunded' });
    await sandbox!.close();
    client = await shaped({ refundStatus: 4 });
    const payOrderId = await paidOrder(client);
    expect(await refund(client, payOrderId)).toMatchObject({ status: 4, state: 'refunded' });
    expect(sandbox!.ledger.v1Order({ payOrderId })?.refundedAmount).toBe(500);
  });

  for (const status of [0, 1] as const) {
    it(`${status}: processing; the same mchRefundNo re-sent after it settles is refunded, and nothing is refunded twice`, async () => {
      const clock = new ManualClock(Date.UTC(2026, 11, 1, 12));
      const client = await shaped({ refundStatus: status }, { clock, refundSettleMs: 5_000 });
      const payOrderId = await paidOrder(client);
      const mchRefundNo = orderNo('T1R');
      expect(await refund(client, payOrderId, mchRefundNo)).toMatchObject({ status, state: 'processing' });
      expect(await refund(client, payOrderId, mchRefundNo)).toMatchObject({ state: 'processing' });
      clock.advance(5_000);
      expect(await refund(client, payOrderId, mchRefundNo)).toMatchObject({ status: 2, state: 'refunded' });
      expect(sandbox!.ledger.v1Order({ payOrderId })?.refundedAmount).toBe(500);
      expect(sandbox!.ledger.snapshot().refunds).toHaveLength(1);
    });
  }

  it('3: failed, and the gateway refunded nothing', async () => {
    const client = await shaped({ refundStatus: 3 });
    const payOrderId = await paidOrder(client);
    const mchRefundNo = orderNo('T1R');
    expect(await refund(client, payOrderId, mchRefundNo)).toMatchObject({ status: 3, state: 'failed' });
    expect(await refund(client, payOrderId, mchRefundNo)).toMatchObject({ status: 3, state: 'failed' });
    expect(sandbox!.ledger.v1Order({ payOrderId })?.refundedAmount).toBe(0);
  });

  it('none (no status, as the refund page documents it) and 7 (a number nobody documents): unknown, never refunded', async () => {
    let client = await shaped({ refundStatus: 'none' });
    const answer = await refund(client, await paidOrder(client));
    expect(answer).toMatchObject({ state: 'unknown', refundOrderId: expect.any(String) });
    expect(answer.status).toBeUndefined();
    await sandbox!.close();
    client = await shaped({ refundStatus: 7 });
    expect(await refund(client, await paidOrder(client))).toMatchObject({ status: 7, state: 'unknown' });
  });
});

describe('wechatCodes: WeChat Pay\'s own errCodes instead of the sandbox\'s', () => {
  it('NOTENOUGH is a decline (insufficient funds), AUTHCODEEXPIRE an invalid code, ORDERNOTEXIST not found, OUT_TRADE_NO_USED unknown', async () => {
    const client = await shaped({ wechatCodes: true });
    const declined = await client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: walletCode('WX', '04') }).catch((e: unknown) => e);
    expect(declined).toBeInstanceOf(DeclinedError);
    expect(declined).toMatchObject({ errCode: 'NOTENOUGH' });
    expect(attemptOutcome(declined)).toMatchObject({ to: 'failed', failureCode: 'INSUFFICIENT_FUNDS' });
    const invalid = await client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: walletCode('WX', '07') }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidPaymentCodeError);
    await expect(client.orders.query({ mchOrderNo: 'T1NEVER' })).rejects.toBeInstanceOf(OrderNotFoundError);
    const mchOrderNo = orderNo();
    await client.orders.createQr({ ...sale, mchOrderNo, channel: 'UPI_QR' });
    const duplicate = await client.orders.createQr({ ...sale, mchOrderNo, channel: 'UPI_QR' }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(UnrecognisedFailureError);
    expect(duplicate).toMatchObject({ outcome: 'unknown', errCode: 'OUT_TRADE_NO_USED' });
  });
});
