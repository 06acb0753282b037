// The signature table (main/iotpay/signature-policy.ts), one test per row: an answer that carries `sign` must
// verify; an unsigned one is refused where IOTPay documents a signature and accepted (signed: false) where it does
// not. Driven through the real client with a transport that plays the gateway, so every row is exercised where
// the client really reads it.
import { describe, expect, it } from 'vitest';
import {
  NotificationRejectedError, ResponseSignatureError, SIGNATURE_POLICY, createIotPayClient, resolvePolicy,
  type GatewayCheckRecord, type IotPayClient, type SignedAnswer,
} from '../../main/iotpay/index.js';
import { sign, signableFields } from '../../main/iotpay/sign.js';
import type { TransportRequest } from '../../main/iotpay/transport.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';

const KEY = 'POLICYKEY1';
const MCH = '10000701';
type Signing = 'signed' | 'unsigned' | 'wrong';

const V1 = 'http://gw.test/v1/';
function client(answer: (req: TransportRequest) => Record<string, unknown>, signing: Signing, gatewayCheck?: GatewayCheckRecord): IotPayClient {
  return createIotPayClient({
    mchId: MCH, key: KEY, loginName: 'cashier01', clientIp: '127.0.0.1', notifyUrl: 'http://127.0.0.1/n', v1BaseUrl: V1, v3BaseUrl: 'http://gw.test/v3/',
    logger: createLogger('t', silentSink), gatewayCheck,
    transport: async (req) => {
      const body = answer(req);
      const v3 = req.url.includes('/v3/');
      const covered = v3 ? signableFields(body.retData as Record<string, unknown>) : signableFields(body);
      const good = sign(covered, KEY);
      const wrong = `${good.startsWith('0') ? '1' : '0'}${good.slice(1)}`;
      const withSign = signing === 'unsigned' ? body : { ...body, sign: signing === 'wrong' ? wrong : good };
      return { status: 200, body: JSON.stringify(withSign) };
    },
  });
}

const ok = { retCode: 'SUCCESS', retMsg: '', resCode: 'SUCCESS' };
const sale = { mchOrderNo: 'T1P1', amountCents: 500, currency: 'CAD', subject: 'S', body: 'B' } as const;
const tx = (extra: Record<string, unknown> = {}) => ({
  retCode: 'SUCCESS', retMsg: '',
  retData: { payOrderId: 'PC1', mchId: MCH, mchOrderNo: 'T1C1', amount: 500, currency: 'CAD', payType: 'pay', refundable: 500, status: 2, ...extra },
});
const session = { retCode: 'SUCCESS', retMsg: '', retData: { secureId: 'a'.repeat(64), redirectUrl: 'http://gw.test/cc/purchase' } };

/** Each row: the answer the gateway gives, and the call that reads it. */
const ROWS: Record<Exclude<SignedAnswer, 'notify:v1' | 'notify:v3'>, { answer: Record<string, unknown>; call: (c: IotPayClient) => Promise<{ signed: boolean }> }> = {
  'create_order:qr': { answer: { ...ok, payOrderId: 'WN1', mchOrderNo: 'T1P1', codeUrl: 'weixin://wxpay/bizpayurl?pr=WN1' }, call: (c) => c.orders.createQr({ ...sale, channel: 'WX_NATIVE' }) },
  'create_order:micropay': { answer: { ...ok, payOrderId: 'WM1', mchOrderNo: 'T1P1', status: 2 }, call: (c) => c.orders.createMicropay({ ...sale, channel: 'WX_MICROPAY', identityCode: '134567890123456701' }) },
  'create_order:app': { answer: { ...ok, payOrderId: 'AA1', payParams: 'orderString=x' }, call: (c) => c.orders.createApp({ ...sale, channel: 'ALIPAY_MOBILE' }) },
  query_order: { answer: { ...ok, payOrderId: 'WM1', mchOrderNo: 'T1P1', channelId: 'WX_MICROPAY', amount: 500, currency: 'CAD', status: 2 }, call: (c) => c.orders.query({ mchOrderNo: 'T1P1' }) },
  refund_order: { answer: { ...ok, refundOrderId: 'RF1', mchRefundNo: 'T1R1', refundAmount: 500, status: 2 }, call: (c) => c.refunds.create({ mchRefundNo: 'T1R1', payOrderId: 'WM1', amountCents: 500, currency: 'CAD' }) },
  cc_purchase: { answer: session, call: (c) => c.cards.purchase({ ...sale, mchOrderNo: 'T1C1', channel: 'PF_CC', returnUrl: 'http://127.0.0.1/r' }) },
  cc_addcard: { answer: session, call: (c) => c.cards.addCard({ cardId: 'CARD1', channel: 'PF_CC', returnUrl: 'http://127.0.0.1/r' }) },
  cc_query: { answer: tx(), call: (c) => c.cards.query({ mchOrderNo: 'T1C1' }) },
  cc_void: { answer: tx({ payType: 'refund', refundable: 0 }), call: (c) => c.cards.void({ mchRefundNo: 'T1R1', payOrderId: 'PC1' }) },
  cc_refund: { answer: tx({ payType: 'refund', refundable: 0 }), call: (c) => c.cards.refund({ mchRefundNo: 'T1R1', payOrderId: 'PC1', amountCents: 500 }) },
  cc_purchasewithtoken: { answer: tx(), call: (c) => c.cards.purchaseWithToken({ ...sale, mchOrderNo: 'T1C1', cardId: 'CARD1' }) },
};

describe('the signature table', () => {
  it('has a row for every answer the client reads, and only IOTPay-documented signatures are required', () => {
    expect(Object.keys(SIGNATURE_POLICY).sort()).toEqual([...Object.keys(ROWS), 'notify:v1', 'notify:v3'].sort());
    const required = (Object.keys(SIGNATURE_POLICY) as SignedAnswer[]).filter((k) => SIGNATURE_POLICY[k] === 'required');
    expect(required.sort()).toEqual(['create_order:qr', 'notify:v1', 'notify:v3']);
  });

  for (const [row, { answer, call }] of Object.entries(ROWS)) {
    const rule = SIGNATURE_POLICY[row as SignedAnswer];
    it(`${row} (${rule}): a signed answer verifies; a wrong sign is refused; unsigned is ${rule === 'required' ? 'refused' : 'accepted as signed: false'}`, async () => {
      expect(await call(client(() => answer, 'signed'))).toMatchObject({ signed: true });
      await expect(call(client(() => answer, 'wrong'))).rejects.toBeInstanceOf(ResponseSignatureError);
      const unsigned = call(client(() => answer, 'unsigned'));
      if (rule === 'required') await expect(unsigned).rejects.toThrow(ResponseSignatureError);
      else expect(await unsigned).toMatchObject({ signed: false });
    });
  }

  it('notify:v1 and notify:v3 (required): an unsigned notification is refused', () => {
    const c = client(() => ({}), 'signed');
    const fields = { payOrderId: 'WN1', mchId: MCH, mchOrderNo: 'T1P1', channelId: 'WX_NATIVE', currency: 'CAD', amount: '500', status: '2' };
    expect(c.notifications.v1({ body: new URLSearchParams({ ...fields, sign: sign(fields, KEY) }).toString() })).toMatchObject({ signed: true, state: 'paid' });
    expect(() => c.notifications.v1({ body: new URLSearchParams(fields).toString() })).toThrow(NotificationRejectedError);
    const v3 = { payOrderId: 'PC1', mchId: MCH, mchOrderNo: 'T1C1', currency: 'CAD', amount: 500, payType: 'pay', status: 2 };
    expect(c.notifications.v3(JSON.stringify({ ...v3, sign: sign(v3, KEY) }))).toMatchObject({ signed: true });
    expect(() => c.notifications.v3(JSON.stringify(v3))).toThrow(NotificationRejectedError);
  });

  it('a gateway check that saw query_order and refund_order signed raises exactly those rows, for its own gateway and merchant only', async () => {
    expect(resolvePolicy(['query_order'])).toMatchObject({ query_order: 'required', refund_order: 'if-present', cc_query: 'if-present' });
    const record: GatewayCheckRecord = {
      version: 1, checkedAt: 0, v1BaseUrl: V1, mchId: MCH, probes: [], clockSkewMs: null, clockSkewed: false, seenSigned: ['query_order', 'refund_order'],
    };
    const raised = client(() => ROWS.query_order.answer, 'unsigned', record);
    expect(raised.signaturePolicy).toMatchObject({ query_order: 'required', refund_order: 'required' });
    expect(raised.gatewayCheck).toMatchObject({ applied: true });
    await expect(ROWS.query_order.call(raised)).rejects.toBeInstanceOf(ResponseSignatureError);
    await expect(ROWS.refund_order.call(client(() => ROWS.refund_order.answer, 'unsigned', record))).rejects.toBeInstanceOf(ResponseSignatureError);
    // A check of another merchant (or another gateway) proves nothing about this one.
    const foreign = client(() => ROWS.query_order.answer, 'unsigned', { ...record, mchId: '19999999' });
    expect(foreign.gatewayCheck).toMatchObject({ applied: false });
    expect(await ROWS.query_order.call(foreign)).toMatchObject({ signed: false });
    expect(await ROWS.query_order.call(client(() => ROWS.query_order.answer, 'unsigned', { ...record, v1BaseUrl: 'https://other/v1/' }))).toMatchObject({ signed: false });
  });
});
