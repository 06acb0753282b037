// The sandbox accepts requests exactly as IOTPay's own published samples send them (docs/iotpay-api.md §3.2, §3.8 and
// the findings table): no jobNo, a 32-character mchOrderNo, PHP's raw `'params=' . json_encode($arr)` body with
// `\/` and `\uXXXX` escapes, numbers as strings. It still refuses what the docs refuse.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../main/sandbox/index.js';
import { walletCode } from '../support/sandbox-fixtures.js';

type Body = Record<string, unknown>;
let sb: SandboxHandle | undefined;
afterEach(async () => sb?.close());

/** The signature as IOTPay's PHP demo computes it: ksort, skip empty, k=v&…&key=, md5, strtoupper. */
function phpSign(params: Body, key: string): string {
  const text = Object.keys(params).sort().filter((k) => k !== 'sign' && params[k] !== '' && params[k] !== null)
    .map((k) => `${k}=${String(params[k])}`).join('&');
  return createHash('md5').update(`${text}&key=${key}`, 'utf8').digest('hex').toUpperCase();
}

/** PHP's json_encode: slashes escaped, non-ASCII as \uXXXX. */
function phpJson(value: Body): string {
  return JSON.stringify(value).replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

async function phpPost(endpoint: string, params: Body): Promise<Body> {
  const body = `params=${phpJson({ ...params, sign: phpSign(params, sb!.key) })}`;
  const response = await fetch(`${sb!.gatewayUrl}/v1/${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return (await response.json()) as Body;
}

describe("IOTPay's published samples, as PHP sends them", () => {
  it('the customer-scan wire sample: no jobNo, a 32-character mchOrderNo, device WEB, amount as a number', async () => {
    sb = await startSandbox();
    const mchOrderNo = '9af01329c7b94c3a8f0e2d6b5a4c3b21';
    expect(mchOrderNo).toHaveLength(32);
    const answer = await phpPost('create_order', {
      amount: 1, mchId: sb.mchId, mchOrderNo, subject: 'product title', body: 'xxpay测试商品描述', clientIp: '127.0.0.1',
      extra: '{"productId":"productTest001"}', notifyUrl: 'http://127.0.0.1:9/notify.php', currency: 'CAD', device: 'WEB', channelId: 'WX_NATIVE',
    });
    expect(answer).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS', mchOrderNo, codeUrl: expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=/) });
    expect(answer.sign).toMatch(/^[0-9A-F]{32}$/);
    expect(sb.ledger.v1Order({ mchOrderNo })).toMatchObject({ body: 'xxpay测试商品描述', amount: 1 });
    const query = await phpPost('query_order', { mchId: sb.mchId, mchOrderNo });
    expect(query).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS', status: 0 });
  });

  it('a merchant-scan order without jobNo, and the refund sample: loginName, device "", refundAmount as a string, channelId', async () => {
    sb = await startSandbox();
    const paid = await phpPost('create_order', {
      amount: 500, mchId: sb.mchId, mchOrderNo: 'PHP2026120100000001', subject: 'Tea', body: 'Tea', clientIp: '192.168.50.186', notifyUrl: 'http://localhost',
      currency: 'CAD', channelId: 'WX_MICROPAY', codeType: 'barcode', identityCode: walletCode('WX', '01'), device: 'V1-B18', deviceId: 'V102219391901',
    });
    expect(paid).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS', status: 2 });
    const refund = await phpPost('refund_order', {
      channelId: 'WX_MICROPAY', clientIp: '24.80.45.254', device: '', loginName: 'vincent', mchId: sb.mchId, mchRefundNo: '1537224899791',
      payOrderId: paid.payOrderId, refundAmount: '1',
    });
    expect(refund).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS', status: 2, refundAmount: 1 });
    // A login name of 32 characters is IOTPay's v1 refund limit.
    expect(await phpPost('refund_order', { mchId: sb.mchId, mchRefundNo: 'R2', payOrderId: paid.payOrderId, refundAmount: 1, clientIp: '1.2.3.4', loginName: 'L'.repeat(32) }))
      .toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS' });
  });

  it('still refuses what the docs refuse: 33 characters of mchOrderNo, a missing subject, a 33-character refund loginName', async () => {
    sb = await startSandbox();
    const base = { amount: 1, mchId: sb.mchId, subject: 'S', body: 'B', clientIp: '127.0.0.1', notifyUrl: 'http://127.0.0.1:9/n', currency: 'CAD', channelId: 'ALIPAY_QR' };
    expect(await phpPost('create_order', { ...base, mchOrderNo: 'M'.repeat(33) })).toEqual({ retCode: 'FAIL', retMsg: 'mchOrderNo exceeds 32 characters' });
    expect(await phpPost('create_order', { ...base, mchOrderNo: 'M1', subject: '' })).toEqual({ retCode: 'FAIL', retMsg: 'subject is required' });
    expect(await phpPost('refund_order', { mchId: sb.mchId, mchRefundNo: 'R1', payOrderId: 'P1', refundAmount: 1, clientIp: '1.2.3.4', loginName: 'L'.repeat(33) }))
      .toEqual({ retCode: 'FAIL', retMsg: 'loginName exceeds 32 characters' });
    expect(sb.ledger.snapshot().orders).toEqual([]);
  });
});
