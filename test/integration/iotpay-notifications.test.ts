// Notification verification (docs/iotpay-api.md §3.7 v1, §4.4 v3) driven by what the real sandbox posts to a loopback
// notifyUrl: the genuine article is accepted, and a tampered, foreign, incomplete or unparsable one is a
// NotificationRejectedError, never a booked payment.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NotificationRejectedError, V1_NOTIFY_ACK, V3_NOTIFY_ACK, type IotPayClient } from '../../main/iotpay/index.js';
import { parseV3Notification } from '../../main/iotpay/notifications.js';
import { sign, signableFields } from '../../main/iotpay/sign.js';
import type { SandboxHandle } from '../../main/sandbox/index.js';
import { clientFor, orderNo, withSandbox } from '../support/sandbox-fixtures.js';

type Received = { query: string; body: string; contentType: string };

let sandbox: SandboxHandle | undefined;
const listeners: Server[] = [];
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  await Promise.all(listeners.splice(0).map((l) => new Promise<void>((r) => l.close(() => r()))));
});

/** A loopback notifyUrl that records every notification verbatim and answers with `ack`. */
async function notifySink(ack: string): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const listener = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ query: new URL(req.url ?? '/', 'http://x').search.slice(1), body, contentType: req.headers['content-type'] ?? '' });
      res.end(ack);
    });
  });
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  listeners.push(listener);
  return { url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/iotpay/notify`, received };
}

const sale = { amountCents: 1234, currency: 'CAD', subject: 'Sale', body: 'Sale' } as const;

describe('v3 notifications (JSON)', () => {
  /** A card sale paid through the control API; returns the raw JSON body the sandbox posted. */
  async function paidCardNotification(): Promise<{ client: IotPayClient; sb: SandboxHandle; raw: string; mchOrderNo: string; contentType: string }> {
    const started = await withSandbox();
    sandbox = started.sandbox;
    const sink = await notifySink(V3_NOTIFY_ACK);
    const client = clientFor(started.sandbox, { notifyUrl: sink.url });
    const mchOrderNo = orderNo('T1C');
    const session = await client.cards.purchase({ mchOrderNo, amountCents: 1500, currency: 'CAD', channel: 'PF_CC', returnUrl: 'http://127.0.0.1:9/r' });
    await started.sandbox.control.payCard(session.secureId, '4242 4242 4242 4242');
    await expect.poll(() => sink.received.length).toBe(1);
    const note = sink.received[0]!;
    return { client, sb: started.sandbox, raw: note.body, mchOrderNo, contentType: note.contentType };
  }

  /** The notification as a JSON object, changed by `edit`, and re-signed with `key` when given. */
  function altered(raw: string, edit: (json: Record<string, unknown>) => void, key?: string): string {
    const json = JSON.parse(raw) as Record<string, unknown>;
    edit(json);
    if (key !== undefined) json.sign = sign(signableFields(json), key);
    return JSON.stringify(json);
  }

  it('accepts the genuine signed notification and reads the transaction; the ack is exactly SUCCESS', async () => {
    const { client, sb, raw, mchOrderNo, contentType } = await paidCardNotification();
    expect(contentType).toMatch(/^application\/json/);
    const paid = sb.ledger.v3Order({ mchOrderNo })!;
    const note = client.notifications.v3(raw);
    expect(note).toEqual({
      payOrderId: paid.payOrderId, mchOrderNo, originalOrderId: undefined, amountCents: 1500, currency: 'CAD',
      payType: 'pay', refundableCents: 1500, status: 2, state: 'succeeded', signed: true,
    });
    // The module function is what the client wraps: same key and merchant, same answer.
    expect(parseV3Notification(raw, sb.key, sb.mchId)).toEqual(note);
    expect(V3_NOTIFY_ACK).toBe('SUCCESS');
  });

  it('refuses a tampered field, a changed or missing signature, and a signature made with another key', async () => {
    const { client, raw } = await paidCardNotification();
    const reject = (body: string, message: RegExp) => {
      expect(() => client.notifications.v3(body)).toThrow(NotificationRejectedError);
      expect(() => client.notifications.v3(body)).toThrow(message);
    };
    reject(altered(raw, (j) => (j.amount = 1)), /v3 notify: signature missing or wrong/);
    reject(altered(raw, (j) => (j.status = 9)), /signature missing or wrong/);
    reject(altered(raw, (j) => (j.sign = String(j.sign).startsWith('0') ? `1${String(j.sign).slice(1)}` : `0${String(j.sign).slice(1)}`)), /signature/);
    reject(altered(raw, (j) => delete j.sign), /signature missing or wrong/);
    reject(altered(raw, (j) => (j.amount = 1), 'NOT-THE-KEY'), /signature missing or wrong/);
  });

  it('refuses a notification for another merchant, even one signed correctly', async () => {
    const { sb, raw } = await paidCardNotification();
    const otherMerchant = clientFor(sb, { mchId: '19999999' });
    expect(() => otherMerchant.notifications.v3(raw)).toThrow(NotificationRejectedError);
    expect(() => otherMerchant.notifications.v3(raw)).toThrow('v3 notify: for another merchant');
    const client = clientFor(sb);
    const foreign = altered(raw, (j) => (j.mchId = '19999999'), sb.key);
    expect(() => client.notifications.v3(foreign)).toThrow('v3 notify: for another merchant');
  });

  it('refuses a correctly signed notification that lacks a field it relies on, or has a wrong shape', async () => {
    const { sb, raw } = await paidCardNotification();
    const client = clientFor(sb);
    for (const field of ['payOrderId', 'mchId', 'mchOrderNo', 'currency', 'amount', 'payType', 'status']) {
      const missing = altered(raw, (j) => delete j[field], sb.key);
      expect(() => client.notifications.v3(missing), field).toThrow(NotificationRejectedError);
      expect(() => client.notifications.v3(missing), field).toThrow(`v3 notify: ${field}`);
    }
    const badType = altered(raw, (j) => (j.payType = 'charge'), sb.key);
    expect(() => client.notifications.v3(badType)).toThrow(/v3 notify: payType/);
    const fractional = altered(raw, (j) => (j.amount = 15.5), sb.key);
    expect(() => client.notifications.v3(fractional)).toThrow(/v3 notify: amount/);
  });

  it('refuses a body that is not a JSON object', async () => {
    const { client } = await paidCardNotification();
    for (const [body, message] of [['', 'not JSON'], ['{"amount":', 'not JSON'], ['[]', 'not an object'], ['null', 'not an object'], ['"x"', 'not an object']] as const) {
      expect(() => client.notifications.v3(body), body).toThrow(NotificationRejectedError);
      expect(() => client.notifications.v3(body), body).toThrow(`v3 notify: body is ${message}`);
    }
  });
});

describe('v1 notifications (query string and form)', () => {
  /** A QR order paid through the control API; returns what the sandbox posted to the notifyUrl. */
  async function paidQrNotification(): Promise<{ client: IotPayClient; sb: SandboxHandle; note: Received; mchOrderNo: string; payOrderId: string }> {
    const started = await withSandbox();
    sandbox = started.sandbox;
    const sink = await notifySink(V1_NOTIFY_ACK);
    const client = clientFor(started.sandbox, { notifyUrl: sink.url });
    const mchOrderNo = orderNo();
    const qr = await client.orders.createQr({ ...sale, mchOrderNo, channel: 'WX_NATIVE' });
    await started.sandbox.control.payQr({ payOrderId: qr.payOrderId });
    await expect.poll(() => sink.received.length).toBe(1);
    return { client, sb: started.sandbox, note: sink.received[0]!, mchOrderNo, payOrderId: qr.payOrderId };
  }

  function withField(note: Received, edit: (fields: URLSearchParams) => void, key?: string): Received {
    const fields = new URLSearchParams(note.body);
    edit(fields);
    if (key !== undefined) {
      fields.delete('sign');
      fields.set('sign', sign(Object.fromEntries(fields), key));
    }
    // Only the body is edited, so the query-string copy of the fields (docs/sandbox.md) is left out.
    return { ...note, query: '', body: fields.toString() };
  }

  it('accepts the genuine notification, verifies it and the exact ack moves the sandbox order to status 3', async () => {
    const { client, sb, note, mchOrderNo, payOrderId } = await paidQrNotification();
    expect(client.notifications.v1(note)).toMatchObject({ mchOrderNo, payOrderId, amountCents: 1234, currency: 'CAD', status: 2, state: 'paid' });
    // The sandbox sends the fields in the query string too (xxpay style, where PHP shops read them), identical.
    expect(Object.fromEntries(new URLSearchParams(note.query))).toEqual(Object.fromEntries(new URLSearchParams(note.body)));
    expect(client.notifications.v1({ query: note.query })).toMatchObject({ mchOrderNo, state: 'paid' });
    expect(client.notifications.v1({ body: note.body })).toMatchObject({ mchOrderNo, state: 'paid' });
    expect(V1_NOTIFY_ACK).toBe('success');
    await expect.poll(() => sb.ledger.v1Order({ mchOrderNo })?.status).toBe(3);
  });

  it('refuses tampering, another key, another merchant, a missing field and conflicting duplicates', async () => {
    const { client, sb, note } = await paidQrNotification();
    const tampered = { query: note.query.replace('amount=1234', 'amount=1'), body: note.body.replace('amount=1234', 'amount=1') };
    expect(() => client.notifications.v1(tampered)).toThrow(NotificationRejectedError);
    expect(() => clientFor(sb, { key: 'OTHER' }).notifications.v1(note)).toThrow(/v1 notify: signature missing or wrong/);
    expect(() => client.notifications.v1(withField(note, (f) => f.delete('sign')))).toThrow(/signature missing or wrong/);
    expect(() => clientFor(sb, { mchId: '19999999' }).notifications.v1(note)).toThrow('v1 notify: for another merchant');
    expect(() => client.notifications.v1(withField(note, (f) => f.set('mchId', '19999999'), sb.key))).toThrow('v1 notify: for another merchant');
    const noOrder = withField(note, (f) => f.delete('mchOrderNo'), sb.key);
    expect(() => client.notifications.v1(noOrder)).toThrow(NotificationRejectedError);
    expect(() => client.notifications.v1(noOrder)).toThrow(/v1 notify: mchOrderNo/);
    expect(() => client.notifications.v1({ query: 'amount=1', body: note.body })).toThrow('v1 notify: conflicting values for amount');
  });
});
