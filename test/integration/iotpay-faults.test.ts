// Every injected fault maps to the error class that tells the engine what to do about the money.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GatewayServerError, GatewayUnavailableError, MalformedResponseError, NotificationRejectedError, ResponseLostError,
  ResponseSignatureError, V1_NOTIFY_ACK, type IotPayClient,
} from '../../main/iotpay/index.js';
import type { FaultKind, SandboxHandle } from '../../main/sandbox/index.js';
import { clientFor, orderNo, walletCode, withSandbox } from '../support/sandbox-fixtures.js';

let sandbox: SandboxHandle;
let client: IotPayClient;
afterEach(async () => sandbox?.close());

const sale = { amountCents: 1234, currency: 'CAD', subject: 'Sale', body: 'Sale' } as const;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

describe('faults → error classes', () => {
  const table: Array<[FaultKind, new (...args: never[]) => Error, boolean]> = [
    ['5xx', GatewayServerError, false],
    ['5xx-after', GatewayServerError, true],
    ['drop', ResponseLostError, true],
    ['malformed', MalformedResponseError, true],
    ['badsign', ResponseSignatureError, true],
  ];
  for (const [kind, errorClass, committed] of table) {
    it(`${kind} on create_order → ${errorClass.name} (outcome unknown); ledger ${committed ? 'has' : 'lacks'} the order`, async () => {
      ({ sandbox, client } = await withSandbox());
      sandbox.faults.injectNext({ kind, path: 'create_order' });
      const mchOrderNo = orderNo();
      const err = await rejection(client.orders.createMicropay({ ...sale, mchOrderNo, channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') }));
      expect(err).toBeInstanceOf(errorClass);
      expect((err as { outcome?: string }).outcome).toBe('unknown');
      expect(sandbox.ledger.v1Order({ mchOrderNo }) !== undefined).toBe(committed);
      // The fault hit one request only: the follow-up query tells the truth.
      if (committed) expect((await client.orders.query({ mchOrderNo })).state).toBe('paid');
    });
  }

  it('badsign on v3 cc_query → ResponseSignatureError', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo('T1C');
    await client.cards.purchase({ mchOrderNo, amountCents: 100, currency: 'CAD', channel: 'PF_CC', returnUrl: 'http://127.0.0.1:9/r' });
    sandbox.faults.injectNext({ kind: 'badsign', path: 'cc_query' });
    expect(await rejection(client.cards.query({ mchOrderNo }))).toBeInstanceOf(ResponseSignatureError);
  });

  it('latency beyond the query timeout → ResponseLostError', async () => {
    ({ sandbox } = await withSandbox({ faults: { latencyMs: 800 } }));
    client = clientFor(sandbox, { timeouts: { queryMs: 200 } });
    expect(await rejection(client.orders.query({ mchOrderNo: orderNo() }))).toBeInstanceOf(ResponseLostError);
  });

  it('a gateway that is not listening → GatewayUnavailableError (not charged)', async () => {
    ({ sandbox, client } = await withSandbox());
    await sandbox.close();
    const err = await rejection(client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'WX_NATIVE' }));
    expect(err).toBeInstanceOf(GatewayUnavailableError);
    expect((err as GatewayUnavailableError).outcome).toBe('not_charged');
  });

  it('seeded rates: the same seed gives the same faults', async () => {
    const outcomes: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      ({ sandbox, client } = await withSandbox({ seed: 42, faults: { rates: { drop: 0.3, '5xx': 0.3 } } }));
      const seen: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        seen.push(await client.orders.query({ mchOrderNo: `SEQ${i}` }).then(() => 'ok', (e: Error) => e.name));
      }
      outcomes.push(seen);
      await sandbox.close();
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(new Set(outcomes[0])).toEqual(new Set(['OrderNotFoundError', 'ResponseLostError', 'GatewayServerError']));
  });
});

describe('notifications', () => {
  it('a paid QR order is notified to a loopback notifyUrl; the client verifies it and the ack is exact', async () => {
    const received: Array<{ query: string; body: string }> = [];
    const listener = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ query: new URL(req.url ?? '/', 'http://x').search.slice(1), body });
        res.end(V1_NOTIFY_ACK);
      });
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', () => r()));
    try {
      ({ sandbox } = await withSandbox());
      const notifyUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/iotpay/notify`;
      client = clientFor(sandbox, { notifyUrl });
      const mchOrderNo = orderNo();
      const qr = await client.orders.createQr({ ...sale, mchOrderNo, channel: 'WX_NATIVE' });
      await sandbox.control.payQr({ payOrderId: qr.payOrderId });
      for (let i = 0; i < 50 && received.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20));
      expect(received).toHaveLength(1);
      const note = client.notifications.v1(received[0]!);
      expect(note).toMatchObject({ mchOrderNo, payOrderId: qr.payOrderId, amountCents: 1234, currency: 'CAD', state: 'paid' });
      // Tampering with any field breaks the signature.
      const tampered = { query: received[0]!.query.replace('amount=1234', 'amount=1'), body: received[0]!.body.replace('amount=1234', 'amount=1') };
      expect(() => client.notifications.v1(tampered)).toThrow(NotificationRejectedError);
      expect(() => clientFor(sandbox, { key: 'OTHER' }).notifications.v1(received[0]!)).toThrow(/signature/);
    } finally {
      await new Promise<void>((r) => listener.close(() => r()));
    }
  });
});
