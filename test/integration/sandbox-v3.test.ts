// The v3 card wire over real HTTP: purchase sessions paid through the control API, the card form and the
// hosted page; token purchases; void, refund, query; notify; errors.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sign, signableFields, verify } from '../../main/iotpay/sign.js';
import { startSandbox, type SandboxHandle } from '../../main/sandbox/index.js';

type Body = Record<string, unknown>;
const open: SandboxHandle[] = [];
const cleanups: Array<() => void> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
  cleanups.splice(0).forEach((clean) => clean());
});

async function sandbox(): Promise<SandboxHandle> {
  const sb = await startSandbox();
  open.push(sb);
  return sb;
}

async function v3(sb: SandboxHandle, endpoint: string, params: Body, key = sb.key): Promise<Body> {
  const full = { mchId: sb.mchId, ...params };
  const response = await fetch(`${sb.gatewayUrl}/v3/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    body: JSON.stringify({ ...full, sign: sign(signableFields(full), key) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

/** v3 responses are signed over retData's top-level scalars (docs/sandbox.md "v3 responses"). */
function retData(reply: Body, key: string): Body {
  expect(reply.retCode, String(reply.retMsg)).toBe('SUCCESS');
  const data = reply.retData as Body;
  expect(verify({ ...data, sign: reply.sign }, key)).toBe(true);
  return data;
}

let seq = 0;
function purchase(overrides: Body = {}): Body {
  seq += 1;
  return {
    mchOrderNo: `CC${seq}`, amount: 1500, currency: 'CAD', loginName: 'cashier01', channel: 'PF_CC',
    notifyUrl: 'http://127.0.0.1:9/cc-notify', returnUrl: 'http://127.0.0.1:9/cc-return', ...overrides,
  };
}

describe('card purchase sessions', () => {
  it('cc_purchase returns a 64-hex secureId; paying 4242 through the control API makes it status 2', async () => {
    const sb = await sandbox();
    const order = purchase();
    const session = retData(await v3(sb, 'cc_purchase', order), sb.key);
    expect(session.secureId).toMatch(/^[0-9a-f]{64}$/);
    expect(session.redirectUrl).toBe(`${sb.gatewayUrl}/cc/purchase?key=${String(session.secureId)}`);
    expect(retData(await v3(sb, 'cc_query', { mchOrderNo: order.mchOrderNo }), sb.key)).toMatchObject({ status: 0, payType: 'pay' });
    const result = await sb.control.payCard(session.secureId as string, '4242 4242 4242 4242');
    expect(result).toMatchObject({ retCode: 'SUCCESS', retData: { status: 2, cardNum: '424242******4242', cardType: 'V' } });
    const paid = retData(await v3(sb, 'cc_query', { mchOrderNo: order.mchOrderNo }), sb.key);
    expect(paid).toMatchObject({ status: 2, amount: 1500, refundable: 1500, currency: 'CAD', channel: 'PF_CC' });
    expect(paid.payOrderId).toMatch(/^PC/);
    expect(retData(await v3(sb, 'cc_query', { payOrderId: paid.payOrderId }), sb.key)).toEqual(paid);
    expect(await sb.control.payCard(session.secureId as string, '4242424242424242')).toMatchObject({ retCode: 'FAIL' });
  });

  it('4000 0000 0000 0002 is declined (status 9); a number failing Luhn is refused and changes nothing', async () => {
    const sb = await sandbox();
    const order = purchase();
    const { secureId } = retData(await v3(sb, 'cc_purchase', order), sb.key) as { secureId: string };
    expect(await sb.control.payCard(secureId, '4242424242424241')).toEqual({ retCode: 'FAIL', retMsg: 'invalid card number' });
    expect(retData(await v3(sb, 'cc_query', { mchOrderNo: order.mchOrderNo }), sb.key)).toMatchObject({ status: 0 });
    expect(await sb.control.payCard(secureId, '4000000000000002')).toMatchObject({ retCode: 'FAIL', retData: { status: 9 } });
    expect(retData(await v3(sb, 'cc_query', { mchOrderNo: order.mchOrderNo }), sb.key)).toMatchObject({ status: 9, refundable: 0 });
  });

  it('serves iotpaycc.js, the iframe form and a hosted page that redirects to returnUrl with retCode and status', async () => {
    const sb = await sandbox();
    const script = await (await fetch(`${sb.gatewayUrl}/cc/iotpaycc.js`)).text();
    expect(script).toContain('window.Iotpay = Iotpay');
    expect(script).toContain(JSON.stringify(sb.gatewayUrl));
    const { secureId } = retData(await v3(sb, 'cc_purchase', purchase({ returnUrl: 'https://shop.example/back' })), sb.key) as { secureId: string };
    const frame = await fetch(`${sb.gatewayUrl}/cc/form?key=${secureId}&mode=Pay`);
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain('postMessage');
    expect((await fetch(`${sb.gatewayUrl}/cc/form?key=<script>&mode=Pay`)).status).toBe(400);
    expect((await fetch(`${sb.gatewayUrl}/cc/purchase?key=${secureId}`)).status).toBe(200);
    const post = (cardNumber: string) =>
      fetch(`${sb.gatewayUrl}/cc/hosted`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ key: secureId, mode: 'Pay', cardNumber, expiry: '12/29', cvv: '123', holder: 'A B' }),
      });
    expect((await post('1234')).status).toBe(400);
    const done = await post('4242424242424242');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('https://shop.example/back?retCode=SUCCESS&status=2');
  });

  it('posts a signed JSON notification to a loopback notifyUrl when paid', async () => {
    const sb = await sandbox();
    const received: Body[] = [];
    const listener = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(JSON.parse(text) as Body);
        res.end('SUCCESS');
      });
    });
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    cleanups.push(() => listener.close());
    const notifyUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/cc-notify`;
    const order = purchase({ notifyUrl });
    const { secureId } = retData(await v3(sb, 'cc_purchase', order), sb.key) as { secureId: string };
    await sb.control.payCard(secureId, '4242424242424242');
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ mchOrderNo: order.mchOrderNo, status: 2, payType: 'pay', amount: 1500 });
    expect(verify(received[0]!, sb.key)).toBe(true);
  });
});

describe('void, refund and query', () => {
  async function paidOrder(sb: SandboxHandle): Promise<Body> {
    const order = purchase();
    const { secureId } = retData(await v3(sb, 'cc_purchase', order), sb.key) as { secureId: string };
    await sb.control.payCard(secureId, '4242424242424242');
    return retData(await v3(sb, 'cc_query', { mchOrderNo: order.mchOrderNo }), sb.key);
  }

  it('refunds partially down to zero, replays a repeated mchRefundNo, and finds refund records by mchRefundNo', async () => {
    const sb = await sandbox();
    const paid = await paidOrder(sb);
    const refund = (mchRefundNo: string, refundAmount: number) =>
      v3(sb, 'cc_refund', { mchRefundNo, refundAmount, payOrderId: paid.payOrderId, loginName: 'cashier01' });
    const first = retData(await refund('RF1', 500), sb.key);
    expect(first).toMatchObject({ payType: 'refund', amount: 500, refundable: 0, originalOrderId: paid.payOrderId, mchOrderNo: 'RF1', status: 2 });
    expect(first.payOrderId).toMatch(/^RP/);
    expect(retData(await refund('RF1', 900), sb.key)).toEqual(first);
    expect(await refund('RF2', 1001)).toEqual({ retCode: 'FAIL', retMsg: 'refund amount exceeds refundable' });
    expect(retData(await v3(sb, 'cc_query', { payOrderId: paid.payOrderId }), sb.key)).toMatchObject({ refundable: 1000 });
    expect(retData(await v3(sb, 'cc_query', { mchOrderNo: 'RF1' }), sb.key)).toEqual(first);
    retData(await refund('RF3', 1000), sb.key);
    expect(retData(await v3(sb, 'cc_query', { payOrderId: paid.payOrderId }), sb.key)).toMatchObject({ refundable: 0 });
  });

  it('voids a whole unrefunded transaction only, and refuses unpaid or unknown ones', async () => {
    const sb = await sandbox();
    const paid = await paidOrder(sb);
    const voided = retData(await v3(sb, 'cc_void', { mchRefundNo: 'V1', payOrderId: paid.payOrderId, loginName: 'c' }), sb.key);
    expect(voided).toMatchObject({ payType: 'refund', amount: 1500, refundable: 0, originalOrderId: paid.payOrderId });
    expect(retData(await v3(sb, 'cc_query', { payOrderId: paid.payOrderId }), sb.key)).toMatchObject({ refundable: 0 });
    const other = await paidOrder(sb);
    retData(await v3(sb, 'cc_refund', { mchRefundNo: 'R9', refundAmount: 1, payOrderId: other.payOrderId, loginName: 'c' }), sb.key);
    expect(await v3(sb, 'cc_void', { mchRefundNo: 'V2', payOrderId: other.payOrderId, loginName: 'c' })).toMatchObject({ retCode: 'FAIL' });
    const pending = retData(await v3(sb, 'cc_purchase', purchase()), sb.key);
    expect(pending.secureId).toBeDefined();
    const unpaid = sb.ledger.snapshot().orders.find((o) => o.api === 'v3' && o.status === 0)!;
    expect(await v3(sb, 'cc_void', { mchRefundNo: 'V3', payOrderId: unpaid.payOrderId, loginName: 'c' })).toEqual({ retCode: 'FAIL', retMsg: 'order is not paid' });
    expect(await v3(sb, 'cc_void', { mchRefundNo: 'V4', payOrderId: 'PC404', loginName: 'c' })).toEqual({ retCode: 'FAIL', retMsg: 'order not exist' });
    expect(await v3(sb, 'cc_query', { mchOrderNo: 'nothing' })).toEqual({ retCode: 'FAIL', retMsg: 'order not exist' });
  });
});

describe('saved cards and token purchases', () => {
  async function savedCard(sb: SandboxHandle, cardId: string, cardNumber: string): Promise<void> {
    const session = retData(await v3(sb, 'cc_addcard', { cardId, loginName: 'c', channel: 'PF_CC', returnUrl: 'http://127.0.0.1:9/r' }), sb.key);
    expect(session.redirectUrl).toBe(`${sb.gatewayUrl}/cc/addcard?key=${String(session.secureId)}`);
    expect(await sb.control.payCard(session.secureId as string, cardNumber)).toMatchObject({ retCode: 'SUCCESS', retData: { cardId } });
  }
  const token = (cardId: string, mchOrderNo: string) => ({ cardId, mchOrderNo, amount: 2500, currency: 'CAD', loginName: 'c' });

  it('charges a saved card; the decline card is saved but its charges come back status 9', async () => {
    const sb = await sandbox();
    await savedCard(sb, 'CARD1', '4242424242424242');
    await savedCard(sb, 'CARD2', '4000000000000002');
    expect(retData(await v3(sb, 'cc_purchasewithtoken', token('CARD1', 'T1')), sb.key)).toMatchObject({ status: 2, refundable: 2500, mchOrderNo: 'T1' });
    expect(retData(await v3(sb, 'cc_purchasewithtoken', token('CARD2', 'T2')), sb.key)).toMatchObject({ status: 9, refundable: 0 });
    expect(await v3(sb, 'cc_purchasewithtoken', token('CARD1', 'T1'))).toEqual({ retCode: 'FAIL', retMsg: 'mchOrderNo already exists' });
    expect(await v3(sb, 'cc_purchasewithtoken', token('NOCARD', 'T3'))).toEqual({ retCode: 'FAIL', retMsg: 'cardId is not binding' });
    expect(sb.ledger.snapshot().cards.map((c) => c.state)).toEqual(['bound', 'bound']);
  });
});

describe('v3 request errors', () => {
  it('refuses a bad signature, a bad body and invalid fields, with no retData and no sign', async () => {
    const sb = await sandbox();
    expect(await v3(sb, 'cc_purchase', purchase(), 'WRONGKEY')).toEqual({ retCode: 'FAIL', retMsg: 'signature error' });
    const raw = await fetch(`${sb.gatewayUrl}/v3/cc_purchase`, { method: 'POST', body: 'params={}' });
    expect(await raw.json()).toEqual({ retCode: 'FAIL', retMsg: 'request body must be a JSON object' });
    expect(await v3(sb, 'cc_purchase', purchase({ currency: 'USD' }))).toEqual({ retCode: 'FAIL', retMsg: 'currency USD is not supported for PF_CC' });
    expect(await v3(sb, 'cc_purchase', purchase({ loginName: 'x'.repeat(13) }))).toEqual({ retCode: 'FAIL', retMsg: 'loginName exceeds 12 characters' });
    expect(await v3(sb, 'cc_purchase', purchase({ channel: 'VISA' }))).toEqual({ retCode: 'FAIL', retMsg: 'channel VISA is not supported' });
    expect(await v3(sb, 'cc_purchase', purchase({ amount: '1.00' }))).toEqual({ retCode: 'FAIL', retMsg: 'amount must be a positive integer number of cents' });
    expect(await v3(sb, 'cc_purchase', purchase({ returnUrl: undefined }))).toEqual({ retCode: 'FAIL', retMsg: 'returnUrl is required' });
    const order = purchase();
    retData(await v3(sb, 'cc_purchase', order), sb.key);
    expect(await v3(sb, 'cc_purchase', order)).toEqual({ retCode: 'FAIL', retMsg: 'mchOrderNo already exists' });
    expect(sb.ledger.snapshot().orders).toHaveLength(1);
  });
});
