// The trainer's page on the sandbox's control URL, over real loopback HTTP: orders made by the real IOTPay
// client show up, the page's own form posts pay and cancel them (POST-redirect-GET), hostile text is escaped,
// wallet codes are masked, cross-site posts are refused, and the JSON control API is unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import type { IotPayClient } from '../../main/iotpay/index.js';
import type { SandboxHandle } from '../../main/sandbox/index.js';
import { orderNo, walletCode, withSandbox } from '../support/sandbox-fixtures.js';

let sandbox: SandboxHandle;
let client: IotPayClient;
afterEach(async () => sandbox?.close());

const sale = { amountCents: 450, currency: 'CAD', subject: 'Latte', body: 'Latte x1' } as const;

async function start(): Promise<void> {
  ({ sandbox, client } = await withSandbox());
}

async function page(path = '/'): Promise<{ response: Response; html: string }> {
  const response = await fetch(`${sandbox.controlUrl}${path}`);
  return { response, html: await response.text() };
}

/** The `<tr>` the page shows for one payOrderId, or undefined. */
function rowOf(html: string, payOrderId: string): string | undefined {
  return html.split('<tr ').find((tr) => tr.includes(`data-pay-order-id="${payOrderId}"`));
}

/** What the browser does when a button is pressed: a form post with the page's own Origin. */
async function press(action: 'pay' | 'cancel', payOrderId: string, origin = sandbox.controlUrl): Promise<Response> {
  return fetch(`${sandbox.controlUrl}/trainer/${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ payOrderId }).toString(),
  });
}

describe('trainer page on the control URL', () => {
  it('GET / answers HTML with a strict CSP and lists a new QR order as waiting, with Pay and Cancel', async () => {
    await start();
    const qr = await client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'WX_NATIVE' });
    const { response, html } = await page();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]{24}'; /);
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(html).not.toContain('<script');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toContain('data-testid="trainer-orders"');
    expect(html).toContain('data-testid="trainer-refresh"');
    const row = rowOf(html, qr.payOrderId);
    expect(row).toContain('data-status="waiting"');
    expect(row).toContain(qr.mchOrderNo);
    expect(row).toContain('WeChat Pay QR');
    expect(row).toContain('$4.50');
    expect(row).toContain('>waiting</span>');
    expect(row).toContain('data-testid="trainer-pay"');
    expect(row).toContain('data-testid="trainer-cancel"');
    expect((await page('/index.html')).html).toContain(`data-pay-order-id="${qr.payOrderId}"`);
    // A fresh nonce per response.
    expect((await page()).response.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('Pay: the form post redirects back to /, the ledger and the page say paid, the buttons are gone', async () => {
    await start();
    const qr = await client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'ALIPAY_QR' });
    const pressed = await press('pay', qr.payOrderId);
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get('location')).toBe(`/?done=paid&order=${qr.mchOrderNo}`);
    expect(sandbox.ledger.v1Order({ payOrderId: qr.payOrderId })?.status).toBe(2);
    expect((await client.orders.query({ payOrderId: qr.payOrderId })).state).toBe('paid');
    const { html } = await page(pressed.headers.get('location')!);
    expect(html).toContain(`Order <b>${qr.mchOrderNo}</b> paid.`);
    const row = rowOf(html, qr.payOrderId)!;
    expect(row).toContain('data-status="paid"');
    expect(row).toContain('Alipay QR');
    expect(row).not.toContain('trainer-pay');
    // Pressing Pay again (a stale page) changes nothing and says so.
    const again = await press('pay', qr.payOrderId);
    expect(again.headers.get('location')).toBe(`/?error=NOT_PENDING&order=${qr.payOrderId}`);
    expect((await page(again.headers.get('location')!)).html).toContain('is no longer waiting for the customer');
  });

  it('Cancel: one order cancelled, the other still waiting', async () => {
    await start();
    const keep = await client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'UPI_QR' });
    const drop = await client.orders.createQr({ ...sale, amountCents: 123456, mchOrderNo: orderNo(), channel: 'UPI_QR' });
    const pressed = await press('cancel', drop.payOrderId);
    expect(pressed.headers.get('location')).toBe(`/?done=cancelled&order=${drop.mchOrderNo}`);
    expect(sandbox.ledger.v1Order({ payOrderId: drop.payOrderId })?.status).toBe(9);
    expect((await client.orders.query({ payOrderId: drop.payOrderId })).state).toBe('cancelled');
    const { html } = await page();
    expect(rowOf(html, drop.payOrderId)).toContain('data-status="cancelled"');
    expect(rowOf(html, drop.payOrderId)).toContain('$1,234.56');
    expect(rowOf(html, keep.payOrderId)).toContain('data-status="waiting"');
    // Newest first.
    expect(html.indexOf(drop.payOrderId)).toBeLessThan(html.indexOf(keep.payOrderId));
  });

  it('escapes hostile text and masks the wallet code; a scanned order has no customer buttons', async () => {
    await start();
    const hostile = `<script>alert("x")</script>&'`;
    const code = walletCode('WX', '01');
    await client.orders.createMicropay({ ...sale, subject: hostile, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: code });
    const { html } = await page();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
    expect(html).not.toContain(code);
    expect(html).not.toContain(code.slice(0, -4));
    expect(html).toContain(`code •••• ${code.slice(-4)}`);
    expect(html).toContain('WeChat Pay (scan)');
    expect(html).toContain('data-status="paid"');
    expect(html).not.toContain('trainer-pay');
    // Query-string notices never echo markup either.
    const notice = await page(`/?error=NOT_FOUND&order=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(notice.html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(notice.html).not.toContain('<img');
    expect((await page('/?error=<b>anything</b>')).html).not.toContain('data-testid="trainer-notice"');
  });

  it('refuses a cross-site form post and a rebinding Host; a post without an order changes nothing', async () => {
    await start();
    const qr = await client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'WX_NATIVE' });
    const foreign = await press('pay', qr.payOrderId, 'http://evil.example');
    expect(foreign.status).toBe(403);
    // A sandboxed frame or a no-referrer page elsewhere posts with Origin "null": refused too.
    expect((await press('pay', qr.payOrderId, 'null')).status).toBe(403);
    expect(sandbox.ledger.v1Order({ payOrderId: qr.payOrderId })?.status).toBe(0);
    const port = new URL(sandbox.controlUrl).port;
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end();
    });
    expect(status).toBe(421);
    const empty = await press('pay', '');
    expect(empty.headers.get('location')).toBe('/?error=BAD_REQUEST');
    const unknown = await press('cancel', 'WN0000');
    expect(unknown.headers.get('location')).toBe('/?error=NOT_FOUND&order=WN0000');
    expect(sandbox.ledger.v1Order({ payOrderId: qr.payOrderId })?.status).toBe(0);
  });

  it('keeps the JSON control API: ledger, pay through the client, unknown routes answer the JSON error', async () => {
    await start();
    const qr = await client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'WX_NATIVE' });
    expect((await sandbox.control.ledger()).orders).toHaveLength(1);
    expect((await sandbox.control.payQr({ codeUrl: qr.codeUrl })).status).toBe(2);
    for (const [method, path] of [['GET', '/nope'], ['POST', '/'], ['GET', '/trainer/pay']] as const) {
      const response = await fetch(`${sandbox.controlUrl}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });

  it('shows at most 30 orders, newest first', async () => {
    await start();
    const made: string[] = [];
    for (let i = 0; i < 32; i += 1) made.push((await client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'WX_NATIVE' })).payOrderId);
    const { html } = await page();
    const shown = [...html.matchAll(/data-pay-order-id="([^"]+)"/g)].map((m) => m[1]);
    expect(shown).toEqual(made.slice(2).reverse());
  });
});
