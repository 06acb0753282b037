// Bad input is refused before anything is sent: a typed ValidationError naming the field, never a crash.
import { describe, expect, it } from 'vitest';
import { createIotPayClient, ValidationError, type HttpTransport } from '../../main/iotpay/index.js';
import { silentSink, createLogger } from '../../main/shared/logger.js';

function clientRecordingSends() {
  const sent: string[] = [];
  const transport: HttpTransport = async (req) => {
    sent.push(req.url);
    return { status: 500, body: '' };
  };
  const client = createIotPayClient({
    mchId: '10000701', key: 'TESTKEY123', loginName: 'cashier01', clientIp: '127.0.0.1',
    notifyUrl: 'http://127.0.0.1:9/notify', transport, logger: createLogger('test', silentSink),
  });
  return { client, sent };
}

const sale = { mchOrderNo: 'T1A2611220001', amountCents: 1250, currency: 'CAD', subject: 'Coffee', body: 'Coffee x1' } as const;

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

describe('client input validation', () => {
  const cases: Array<[string, (c: ReturnType<typeof clientRecordingSends>['client']) => Promise<unknown>, string]> = [
    ['float amount', (c) => c.orders.createQr({ ...sale, channel: 'WX_NATIVE', amountCents: 12.5 }), 'amount'],
    ['zero amount', (c) => c.orders.createQr({ ...sale, channel: 'WX_NATIVE', amountCents: 0 }), 'amount'],
    ['negative amount', (c) => c.orders.createQr({ ...sale, channel: 'ALIPAY_QR', amountCents: -1 }), 'amount'],
    ['amount as a string', (c) => c.orders.createQr({ ...sale, channel: 'ALIPAY_QR', amountCents: '12' as unknown as number }), 'amount'],
    ['NaN amount', (c) => c.orders.createQr({ ...sale, channel: 'ALIPAY_QR', amountCents: Number.NaN }), 'amount'],
    ['unknown channel', (c) => c.orders.createQr({ ...sale, channel: 'PAYPAL' as 'WX_NATIVE' }), 'channel'],
    ['micropay channel on the QR call', (c) => c.orders.createQr({ ...sale, channel: 'WX_MICROPAY' as 'WX_NATIVE' }), 'channel'],
    ['CNY for Alipay', (c) => c.orders.createQr({ ...sale, channel: 'ALIPAY_QR', currency: 'CNY' }), 'currency'],
    ['unknown currency', (c) => c.orders.createQr({ ...sale, channel: 'WX_NATIVE', currency: 'EUR' as 'CAD' }), 'currency'],
    ['missing subject', (c) => c.orders.createQr({ ...sale, channel: 'UPI_QR', subject: '' }), 'subject'],
    ['oversized subject', (c) => c.orders.createQr({ ...sale, channel: 'UPI_QR', subject: 'x'.repeat(65) }), 'subject'],
    ['oversized body', (c) => c.orders.createQr({ ...sale, channel: 'UPI_QR', body: '咖'.repeat(256) }), 'body'],
    ['order number over 30', (c) => c.orders.createQr({ ...sale, channel: 'UPI_QR', mchOrderNo: 'A'.repeat(31) }), 'mchOrderNo'],
    ['order number with a space', (c) => c.orders.createQr({ ...sale, channel: 'UPI_QR', mchOrderNo: 'A 1' }), 'mchOrderNo'],
    ['missing payment code', (c) => c.orders.createMicropay({ ...sale, channel: 'WX_MICROPAY', identityCode: '' }), 'identityCode'],
    ['oversized payment code', (c) => c.orders.createMicropay({ ...sale, channel: 'WX_MICROPAY', identityCode: '1'.repeat(65) }), 'identityCode'],
    ['WX_APP without appId', (c) => c.orders.createApp({ ...sale, channel: 'WX_APP' }), 'wechatAppId'],
    ['query with both ids', (c) => c.orders.query({ mchOrderNo: 'A1', payOrderId: 'P1' }), 'mchOrderNo/payOrderId'],
    ['query with neither id', (c) => c.orders.query({}), 'mchOrderNo/payOrderId'],
    ['refund of a float', (c) => c.refunds.create({ mchRefundNo: 'R1', payOrderId: 'P1', amountCents: 0.1, currency: 'CAD' }), 'refundAmount'],
    ['card purchase in USD', (c) => c.cards.purchase({ ...sale, currency: 'USD', channel: 'PF_CC', returnUrl: 'http://127.0.0.1/r' }), 'currency'],
    ['card purchase, unknown channel', (c) => c.cards.purchase({ ...sale, channel: 'VISA' as 'PF_CC', returnUrl: 'http://127.0.0.1/r' }), 'channel'],
  ];

  for (const [name, call, field] of cases) {
    it(`${name} → ValidationError on ${field}, nothing sent`, async () => {
      const { client, sent } = clientRecordingSends();
      const err = await refusal(call(client));
      expect(err.field).toBe(field);
      expect(err.code).toBe('VALIDATION');
      expect(err.outcome).toBe('not_charged');
      expect(sent).toEqual([]);
    });
  }

  it('refuses bad client settings at construction', () => {
    const base = { mchId: '1', key: 'K', loginName: 'c', clientIp: '127.0.0.1', notifyUrl: 'http://127.0.0.1/n' };
    expect(() => createIotPayClient({ ...base, key: '' })).toThrow(ValidationError);
    // loginName: String(32) for v1 refunds (jobNo String(50)); 12 is v3's limit only, checked on card calls.
    expect(() => createIotPayClient({ ...base, loginName: 'L'.repeat(33) })).toThrow(/loginName: must be at most 32/);
    expect(createIotPayClient({ ...base, loginName: 'L'.repeat(32) }).mchId).toBe('1');
    expect(() => createIotPayClient({ ...base, v1BaseUrl: 'ftp://x' })).toThrow(/v1BaseUrl/);
    expect(() => createIotPayClient({ ...base, timeouts: { queryMs: 0 } })).toThrow(/timeouts.queryMs/);
  });

  it('a login name of 13 to 32 characters sends v1 refunds, and a card call refuses it before sending (v3 allows 12)', async () => {
    const sent: string[] = [];
    const client = createIotPayClient({
      mchId: '10000701', key: 'K', loginName: 'cashier-0123456789', clientIp: '127.0.0.1', notifyUrl: 'http://127.0.0.1/n',
      transport: async (req) => {
        sent.push(req.url);
        return { status: 500, body: '' };
      },
      logger: createLogger('test', silentSink),
    });
    await expect(client.refunds.create({ mchRefundNo: 'R1', payOrderId: 'P1', amountCents: 1, currency: 'CAD' })).rejects.toMatchObject({ code: 'GATEWAY_SERVER_ERROR' });
    const params = sent.length;
    await expect(client.cards.refund({ mchRefundNo: 'R2', payOrderId: 'PC1', amountCents: 1 })).rejects.toThrow(/loginName: must be at most 12/);
    expect(sent).toHaveLength(params);
  });
});
