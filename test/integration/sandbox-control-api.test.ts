// The sandbox's JSON control API keeps to the trainer page's rules: only `Host: 127.0.0.1:PORT` or
// `localhost:PORT` (against DNS rebinding), no cross-site Origin (a web page elsewhere cannot pay or read), and
// its ledger listing shows a wallet payment code's last 4 digits only.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { maskLedgerCode, startSandbox, type SandboxHandle } from '../../main/sandbox/index.js';
import { clientFor, orderNo, walletCode } from '../support/sandbox-fixtures.js';

let sb: SandboxHandle | undefined;
afterEach(async () => sb?.close());

function raw(url: string, method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; body: string }> {
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, method, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('control API', () => {
  it('refuses a foreign Host (421) and a cross-site Origin (403); its own origin and no Origin are fine', async () => {
    sb = await startSandbox();
    const port = new URL(sb.controlUrl).port;
    const qr = await clientFor(sb).orders.createQr({ mchOrderNo: orderNo(), amountCents: 100, currency: 'CAD', subject: 'S', body: 'B', channel: 'WX_NATIVE' });
    const pay = JSON.stringify({ payOrderId: qr.payOrderId });
    const json = { 'content-type': 'application/json' };
    expect((await raw(sb.controlUrl, 'GET', '/control/ledger', { host: `evil.example:${port}` })).status).toBe(421);
    expect((await raw(sb.controlUrl, 'POST', '/control/qr/pay', { ...json, host: `127.0.0.1:${port}`, origin: 'https://evil.example' }, pay)).status).toBe(403);
    expect((await raw(sb.controlUrl, 'POST', '/control/qr/pay', { 'content-type': 'text/plain', host: `127.0.0.1:${port}`, origin: 'null' }, pay)).status).toBe(403);
    expect(sb.ledger.v1Order({ payOrderId: qr.payOrderId })?.status).toBe(0);
    expect((await raw(sb.controlUrl, 'GET', '/control/ledger', { host: `localhost:${port}`, origin: `http://localhost:${port}` })).status).toBe(200);
    expect((await raw(sb.controlUrl, 'POST', '/control/qr/pay', { ...json, host: `127.0.0.1:${port}` }, pay)).status).toBe(200);
    expect(sb.ledger.v1Order({ payOrderId: qr.payOrderId })?.status).toBe(2);
  });

  it('the ledger listing masks payment codes to their last 4 digits; the in-process ledger keeps them for tests', async () => {
    sb = await startSandbox();
    const code = walletCode('ALIPAY', '01');
    await clientFor(sb).orders.createMicropay({ mchOrderNo: orderNo(), amountCents: 100, currency: 'CAD', subject: 'S', body: 'B', channel: 'ALIPAY_MICROPAY', identityCode: code });
    const listed = await sb.control.ledger();
    const order = listed.orders[0]!;
    expect(order.api === 'v1' && order.identityCode).toBe(maskLedgerCode(code));
    expect(maskLedgerCode(code)).toMatch(new RegExp(`^\\*+${code.slice(-4)}$`));
    expect(JSON.stringify(listed)).not.toContain(code);
    const inProcess = sb.ledger.snapshot().orders[0]!;
    expect(inProcess.api === 'v1' && inProcess.identityCode).toBe(code);
  });
});
