// The v1 wire of the sandbox over real loopback HTTP: authentication, validation, both body styles,
// every merchant-scan scenario, QR orders through the control API, refunds, notify and persistence.
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sign, signableFields, verify } from '../../main/iotpay/sign.js';
import { ManualClock } from '../../main/shared/clock.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../main/sandbox/index.js';
import { makeTempDir } from '../support/temp-dir.js';

type Body = Record<string, unknown>;
const open: SandboxHandle[] = [];
const cleanups: Array<() => void> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
  cleanups.splice(0).forEach((clean) => clean());
});

async function sandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const sb = await startSandbox({ mchId: '10000701', key: 'TESTKEY123', ...options });
  open.push(sb);
  return sb;
}

function signed(sb: SandboxHandle, params: Body): Body {
  return { ...params, mchId: sb.mchId, sign: sign(signableFields({ ...params, mchId: sb.mchId }), sb.key) };
}

async function postRaw(sb: SandboxHandle, endpoint: string, body: string): Promise<Body> {
  const response = await fetch(`${sb.gatewayUrl}/v1/${endpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

function v1(sb: SandboxHandle, endpoint: string, params: Body): Promise<Body> {
  return postRaw(sb, endpoint, new URLSearchParams({ params: JSON.stringify(signed(sb, params)) }).toString());
}

let orderSeq = 0;
function qrOrder(overrides: Body = {}): Body {
  orderSeq += 1;
  return {
    mchOrderNo: `T${Date.now()}${orderSeq}`, channelId: 'WX_NATIVE', currency: 'CAD', amount: 2856, clientIp: '127.0.0.1',
    notifyUrl: 'http://127.0.0.1:9/notify', subject: 'Coffee', body: 'Coffee x2', jobNo: 'cashier01',
    extra: '{"productId":"1001"}', ...overrides,
  };
}

function micropay(code: string, overrides: Body = {}): Body {
  return qrOrder({ channelId: 'WX_MICROPAY', codeType: 'barcode', identityCode: code, extra: '', ...overrides });
}

describe('v1 request errors', () => {
  it('refuses a bad or missing signature, an unknown merchant and a non-JSON body, unsigned, ledger untouched', async () => {
    const sb = await sandbox();
    const good = signed(sb, qrOrder());
    const body = (params: Body) => new URLSearchParams({ params: JSON.stringify(params) }).toString();
    expect(await postRaw(sb, 'create_order', body({ ...good, amount: 2857 }))).toEqual({ retCode: 'FAIL', retMsg: 'signature error' });
    expect(await postRaw(sb, 'create_order', body({ ...good, sign: undefined }))).toEqual({ retCode: 'FAIL', retMsg: 'signature error' });
    expect(await postRaw(sb, 'create_order', body({ ...good, mchId: '999' }))).toEqual({ retCode: 'FAIL', retMsg: 'mchId not exist' });
    for (const junk of ['', 'params=[1]', 'params=%7Bbroken', 'hello']) {
      expect(await postRaw(sb, 'create_order', junk)).toEqual({ retCode: 'FAIL', retMsg: 'params must be a JSON object' });
    }
    expect(sb.ledger.snapshot().orders).toEqual([]);
  });

  it('names each invalid field with the documented message', async () => {
    const sb = await sandbox();
    const cases: Array<[Body, string]> = [
      [qrOrder({ clientIp: undefined }), 'clientIp is required'],
      [qrOrder({ subject: 'x'.repeat(65) }), 'subject exceeds 64 characters'],
      // IOTPay's own customer-scan wire sample sends 32 characters, so 32 is accepted and 33 refused.
      [qrOrder({ mchOrderNo: 'M'.repeat(33) }), 'mchOrderNo exceeds 32 characters'],
      [qrOrder({ amount: 12.5 }), 'amount must be a positive integer number of cents'],
      [qrOrder({ amount: -5 }), 'amount must be a positive integer number of cents'],
      [qrOrder({ amount: 100_000_000_01 }), 'amount must be a positive integer number of cents'],
      [qrOrder({ channelId: 'BITCOIN' }), 'channelId BITCOIN is not supported'],
      [qrOrder({ channelId: 'ALIPAY_QR', currency: 'CNY' }), 'currency CNY is not supported for ALIPAY_QR'],
      [qrOrder({ extra: '' }), 'extra.productId is required for WX_NATIVE'],
      [qrOrder({ channelId: 'WX_APP', extra: '{"type":"apppay"}' }), 'extra.appId is required for WX_APP'],
      [micropay('134567890123456701', { codeType: undefined }), 'codeType is required'],
    ];
    for (const [params, retMsg] of cases) {
      expect(await v1(sb, 'create_order', params), retMsg).toEqual({ retCode: 'FAIL', retMsg });
    }
    expect(await v1(sb, 'query_order', {})).toEqual({ retCode: 'FAIL', retMsg: 'mchOrderNo or payOrderId is required' });
    expect(await v1(sb, 'refund_order', { mchRefundNo: 'R1', payOrderId: 'X', clientIp: '1', loginName: 'c', refundAmount: 0 })).toEqual({
      retCode: 'FAIL',
      retMsg: 'refundAmount must be a positive integer number of cents',
    });
    expect(sb.ledger.snapshot().orders).toEqual([]);
  });
});

describe('v1 body styles', () => {
  it('accepts a raw PHP json_encode body with \\/ and \\u escapes and a literal + and &', async () => {
    const sb = await sandbox();
    const params = signed(sb, qrOrder({ subject: 'Tea + cake & 中文', notifyUrl: 'http://127.0.0.1/n' }));
    // What PHP's json_encode emits: slashes escaped, non-ASCII as \uXXXX; posted as 'params=' . $json, unencoded.
    const php = JSON.stringify(params)
      .replace(/\//g, '\\/')
      .replace(/[^ -~]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(php).toContain('\\u4e2d');
    expect(php).toContain('+ cake &');
    const reply = await postRaw(sb, 'create_order', `params=${php}`);
    expect(reply).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS' });
    const query = await v1(sb, 'query_order', { mchOrderNo: params.mchOrderNo });
    expect(query.subject).toBe('Tea + cake & 中文');
    expect(verify(query, sb.key)).toBe(true);
  });

  it('accepts a URL-encoded body and signs the response over its scalars', async () => {
    const sb = await sandbox();
    const reply = await v1(sb, 'create_order', qrOrder({ subject: 'a+b&c=d %' }));
    expect(reply).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS' });
    expect(verify(reply, sb.key)).toBe(true);
    expect(verify({ ...reply, mchOrderNo: 'other' }, sb.key)).toBe(false);
  });
});

describe('merchant-scan scenarios', () => {
  it('01 (and any other ending) pays at once', async () => {
    const sb = await sandbox();
    for (const code of ['134567890123456701', '134567890123456788']) {
      const reply = await v1(sb, 'create_order', micropay(code));
      expect(reply).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS', status: 2 });
      expect(typeof reply.channelOrderNo).toBe('string');
      expect(verify(reply, sb.key)).toBe(true);
    }
  });

  it('02 asks for a password for passwordMs, then pays; 03 then cancels (manual clock)', async () => {
    const clock = new ManualClock();
    const sb = await sandbox({ clock, passwordMs: 6000 });
    const paying = micropay('134567890123456702');
    const cancelling = micropay('134567890123456703');
    expect(await v1(sb, 'create_order', paying)).toMatchObject({ resCode: 'SUCCESS', status: 1 });
    expect(await v1(sb, 'create_order', cancelling)).toMatchObject({ resCode: 'SUCCESS', status: 1 });
    clock.advance(5999);
    expect(await v1(sb, 'query_order', { mchOrderNo: paying.mchOrderNo })).toMatchObject({ status: 1 });
    expect(await v1(sb, 'query_order', { mchOrderNo: paying.mchOrderNo })).not.toHaveProperty('paySuccTime');
    await sb.control.advanceClock(1);
    const paid = await v1(sb, 'query_order', { mchOrderNo: paying.mchOrderNo });
    expect(paid).toMatchObject({ status: 2, paySuccTime: Date.UTC(2026, 0, 1, 12, 0, 6) });
    expect(verify(paid, sb.key)).toBe(true);
    expect(await v1(sb, 'query_order', { mchOrderNo: cancelling.mchOrderNo })).toMatchObject({ status: 9 });
  });

  it('04 is declined for insufficient funds and 07 as an invalid code: status 4, nothing charged', async () => {
    const sb = await sandbox();
    const declined = micropay('134567890123456704');
    const invalid = micropay('134567890123456707');
    const reply = await v1(sb, 'create_order', declined);
    expect(reply).toMatchObject({ retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'INSUFFICIENT_FUNDS' });
    expect(verify(reply, sb.key)).toBe(true);
    expect(await v1(sb, 'create_order', invalid)).toMatchObject({ resCode: 'FAIL', errCode: 'AUTH_CODE_INVALID' });
    expect(sb.ledger.v1Order({ mchOrderNo: declined.mchOrderNo as string })?.status).toBe(4);
    expect(sb.ledger.v1Order({ mchOrderNo: invalid.mchOrderNo as string })?.status).toBe(4);
  });

  it('refuses a code that is not valid for its wallet, and a code used before', async () => {
    const sb = await sandbox();
    expect(await v1(sb, 'create_order', micropay('994567890123456701'))).toMatchObject({ errCode: 'AUTH_CODE_INVALID' });
    expect(await v1(sb, 'create_order', micropay('6212345678901234501', { channelId: 'ALIPAY_MICROPAY' }))).toMatchObject({ errCode: 'AUTH_CODE_INVALID' });
    expect(await v1(sb, 'create_order', micropay('2812345678901201', { channelId: 'ALIPAY_MICROPAY' }))).toMatchObject({ status: 2 });
    expect(await v1(sb, 'create_order', micropay('6212345678901234599', { channelId: 'UPI_MICROPAY' }))).toMatchObject({ status: 2 });
    expect(await v1(sb, 'create_order', micropay('134567890123456701'))).toMatchObject({ status: 2 });
    expect(await v1(sb, 'create_order', micropay('134567890123456701'))).toMatchObject({ resCode: 'FAIL', errCode: 'AUTH_CODE_INVALID' });
  });

  it('05 charges, then destroys the connection before any byte', async () => {
    const sb = await sandbox();
    const order = micropay('134567890123456705');
    await expect(v1(sb, 'create_order', order)).rejects.toThrow(/fetch failed/);
    expect(sb.ledger.v1Order({ mchOrderNo: order.mchOrderNo as string })?.status).toBe(2);
  });

  it('06 charges and holds the answer for slowResponseMs without blocking other requests', async () => {
    const sb = await sandbox({ slowResponseMs: 600 });
    const order = micropay('134567890123456706');
    const started = Date.now();
    const slow = v1(sb, 'create_order', order);
    await expect.poll(() => sb.ledger.v1Order({ mchOrderNo: order.mchOrderNo as string })?.status).toBe(2);
    expect(await v1(sb, 'query_order', { mchOrderNo: order.mchOrderNo })).toMatchObject({ status: 2 });
    expect(Date.now() - started).toBeLessThan(600);
    expect(await slow).toMatchObject({ resCode: 'SUCCESS', status: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
  });

  it('06 with the default 40 s hold is cut off promptly by close()', async () => {
    const sb = await sandbox();
    const order = micropay('134567890123456706');
    const slow = v1(sb, 'create_order', order);
    await expect.poll(() => sb.ledger.v1Order({ mchOrderNo: order.mchOrderNo as string })?.status).toBe(2);
    const closing = Date.now();
    await sb.close();
    await expect(slow).rejects.toThrow();
    expect(Date.now() - closing).toBeLessThan(2000);
  });
});

describe('orders, queries and refunds', () => {
  it('a duplicate mchOrderNo is refused and changes nothing', async () => {
    const sb = await sandbox();
    const order = qrOrder();
    await v1(sb, 'create_order', order);
    const before = sb.ledger.snapshot();
    const reply = await v1(sb, 'create_order', { ...order, amount: 1 });
    expect(reply).toMatchObject({
      retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'DUPLICATE_ORDER',
      retMsg: 'mchOrderNo already exists', errCodeDes: 'mchOrderNo already exists', mchOrderNo: order.mchOrderNo,
    });
    expect(reply.payOrderId).toBeUndefined();
    expect(verify(reply, sb.key)).toBe(true);
    expect(sb.ledger.snapshot()).toEqual(before);
    expect(sb.ledger.v1Order({ mchOrderNo: order.mchOrderNo as string })).toMatchObject({ amount: 2856, status: 0 });
  });

  it('query of an order never received is ORDER_NOT_EXIST', async () => {
    const sb = await sandbox();
    expect(await v1(sb, 'query_order', { mchOrderNo: 'NOPE' })).toMatchObject({ retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'ORDER_NOT_EXIST' });
    expect(await v1(sb, 'query_order', { payOrderId: 'WN0' })).toMatchObject({ errCode: 'ORDER_NOT_EXIST' });
  });

  it('refunds partially, replays a repeated mchRefundNo, refuses over-refunds and unpaid or unknown orders', async () => {
    const sb = await sandbox();
    const paid = await v1(sb, 'create_order', micropay('134567890123456701', { amount: 1000 }));
    const refund = (mchRefundNo: string, refundAmount: number, payOrderId = paid.payOrderId) =>
      v1(sb, 'refund_order', { mchRefundNo, refundAmount, payOrderId, clientIp: '127.0.0.1', loginName: 'cashier01' });
    const first = await refund('R1', 600);
    expect(first).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS', mchRefundNo: 'R1', refundAmount: 600, status: 2 });
    expect(verify(first, sb.key)).toBe(true);
    expect(await refund('R1', 999)).toEqual(first);
    expect(await refund('R2', 401)).toMatchObject({ resCode: 'FAIL', errCode: 'REFUND_EXCEEDS_PAID' });
    expect(await refund('R3', 400)).toMatchObject({ resCode: 'SUCCESS', refundAmount: 400 });
    expect(await v1(sb, 'query_order', { payOrderId: paid.payOrderId })).toMatchObject({ refundedAmount: 1000, status: 2 });
    const unpaid = await v1(sb, 'create_order', qrOrder());
    expect(await refund('R4', 1, unpaid.payOrderId)).toMatchObject({ errCode: 'ORDER_NOT_PAID' });
    expect(await refund('R5', 1, 'WN404')).toMatchObject({ errCode: 'ORDER_NOT_EXIST' });
    expect(sb.ledger.snapshot().refunds.map((r) => (r.api === 'v1' ? r.refundAmount : 0))).toEqual([600, 400]);
  });

  it('app orders carry unsigned payParams', async () => {
    const sb = await sandbox();
    const reply = await v1(sb, 'create_order', qrOrder({ channelId: 'WX_APP', extra: '{"type":"apppay","appId":"wxapp1"}' }));
    expect(reply).toMatchObject({ resCode: 'SUCCESS', payParams: { appId: 'wxapp1' } });
    expect(verify(reply, sb.key)).toBe(true);
  });
});

describe('customer-scan QR through the control API', () => {
  it('embeds the payOrderId in the code URL; the customer pays by code URL or cancels by id', async () => {
    const sb = await sandbox();
    const wechat = await v1(sb, 'create_order', qrOrder());
    expect(wechat.codeUrl).toBe(`weixin://wxpay/bizpayurl?pr=${String(wechat.payOrderId)}`);
    expect(wechat.retDetail).toBe(wechat.codeUrl);
    const alipay = await v1(sb, 'create_order', qrOrder({ channelId: 'ALIPAY_QR', extra: '' }));
    expect(alipay.qr_code).toBe(`https://qr.alipay.com/sandbox/${String(alipay.payOrderId)}`);
    expect(await v1(sb, 'query_order', { payOrderId: wechat.payOrderId })).toMatchObject({ status: 0 });
    expect(await sb.control.payQr({ codeUrl: wechat.codeUrl as string })).toMatchObject({ status: 2 });
    expect(await v1(sb, 'query_order', { payOrderId: wechat.payOrderId })).toMatchObject({ status: 2 });
    expect(await sb.control.cancelQr({ payOrderId: alipay.payOrderId as string })).toMatchObject({ status: 9 });
    await expect(sb.control.payQr({ payOrderId: alipay.payOrderId as string })).rejects.toMatchObject({ status: 409, code: 'NOT_PENDING' });
    await expect(sb.control.payQr({ payOrderId: 'nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('notifies a loopback notifyUrl with a signed form post and moves the order to 3 on `success`', async () => {
    const sb = await sandbox();
    const received: Array<Record<string, string>> = [];
    const listener = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(Object.fromEntries(new URLSearchParams(text)));
        res.end('success');
      });
    });
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    cleanups.push(() => listener.close());
    const port = (listener.address() as AddressInfo).port;
    const order = await v1(sb, 'create_order', qrOrder({ notifyUrl: `http://127.0.0.1:${port}/iotpay/notify` }));
    await sb.control.payQr({ payOrderId: order.payOrderId as string });
    await expect.poll(() => received.length).toBe(1);
    const note = received[0]!;
    expect(note).toMatchObject({ payOrderId: order.payOrderId, mchOrderNo: order.mchOrderNo, status: '2', amount: '2856', backType: '2' });
    expect(verify(note, sb.key)).toBe(true);
    await expect.poll(async () => (await v1(sb, 'query_order', { payOrderId: order.payOrderId })).status).toBe(3);
  });
});

describe('ledger persistence', () => {
  it('survives a restart from the same ledger file', async () => {
    const dir = makeTempDir('sandbox-ledger-');
    cleanups.push(() => dir.remove());
    const ledgerFile = join(dir.path, 'ledger.json');
    const first = await sandbox({ ledgerFile });
    const order = micropay('134567890123456701');
    await v1(first, 'create_order', order);
    await first.close();
    const second = await sandbox({ ledgerFile });
    expect(await v1(second, 'query_order', { mchOrderNo: order.mchOrderNo })).toMatchObject({ status: 2, amount: 2856 });
    expect(await v1(second, 'create_order', order)).toMatchObject({ errCode: 'DUPLICATE_ORDER' });
    expect(await v1(second, 'create_order', micropay('134567890123456701'))).toMatchObject({ errCode: 'AUTH_CODE_INVALID' });
  });

  it('keeps a scenario 02 order pending across a restart and settles it by the clock', async () => {
    const dir = makeTempDir('sandbox-ledger-');
    cleanups.push(() => dir.remove());
    const ledgerFile = join(dir.path, 'ledger.json');
    const clock = new ManualClock();
    const first = await sandbox({ ledgerFile, clock });
    const order = micropay('134567890123456702');
    await v1(first, 'create_order', order);
    await first.close();
    const second = await sandbox({ ledgerFile, clock });
    expect(await v1(second, 'query_order', { mchOrderNo: order.mchOrderNo })).toMatchObject({ status: 1 });
    clock.advance(6000);
    expect(await v1(second, 'query_order', { mchOrderNo: order.mchOrderNo })).toMatchObject({ status: 2 });
  });

  it('refuses to start on an unreadable or unwritable ledger file', async () => {
    const dir = makeTempDir('sandbox-ledger-');
    cleanups.push(() => dir.remove());
    const corrupt = join(dir.path, 'ledger.json');
    writeFileSync(corrupt, '{not json');
    await expect(startSandbox({ ledgerFile: corrupt })).rejects.toMatchObject({ code: 'SANDBOX_LEDGER_FILE' });
    await expect(startSandbox({ ledgerFile: join(dir.path, 'missing-dir', 'l.json') })).rejects.toMatchObject({ code: 'SANDBOX_LEDGER_FILE' });
  });
});
