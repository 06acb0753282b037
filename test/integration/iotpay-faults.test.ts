// Every injected fault maps to the error class that tells the engine what to do about the money.
import { afterEach, describe, expect, it } from 'vitest';
import {
  GatewayServerError, GatewayUnavailableError, MalformedResponseError, ResponseLostError, ResponseSignatureError,
  type IotPayClient,
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
    // `unsigned` on a micropay answer is accepted (signature-policy.ts): see "unsigned answers follow the signature table".
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

describe('unsigned answers follow the signature table (main/iotpay/signature-policy.ts)', () => {
  const card = { amountCents: 100, currency: 'CAD', channel: 'PF_CC', returnUrl: 'http://127.0.0.1:9/r' } as const;

  it('create_order:qr is "required": a QR answer stripped of its sign → ResponseSignatureError (outcome unknown); the order was committed', async () => {
    ({ sandbox, client } = await withSandbox());
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'create_order' });
    const mchOrderNo = orderNo();
    const err = await rejection(client.orders.createQr({ ...sale, mchOrderNo, channel: 'WX_NATIVE' }));
    expect(err).toBeInstanceOf(ResponseSignatureError);
    expect(err).toMatchObject({ code: 'RESPONSE_SIGNATURE', outcome: 'unknown', endpoint: 'create_order', httpStatus: 200, retCode: 'SUCCESS', resCode: 'SUCCESS' });
    expect(err.message).toMatch(/response is unsigned, and IOTPay signs this answer \(create_order:qr\)/);
    expect(sandbox.ledger.v1Order({ mchOrderNo })?.status).toBe(0);
    // The same order asked about again is answered signed, and trusted: the refusal came from the missing sign alone.
    expect((await client.orders.query({ mchOrderNo })).state).toBe('awaiting_payment');
  });

  it('v3 is "if-present": an unsigned cc_query or cc_purchase is accepted and says signed: false; a wrong sign is still refused', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo('T1C');
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'cc_purchase' });
    const session = await client.cards.purchase({ ...card, mchOrderNo });
    expect(session).toMatchObject({ signed: false });
    expect(session.secureId).toMatch(/^[0-9a-f]{64}$/);
    await sandbox.control.payCard(session.secureId, '4242424242424242');
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'cc_query' });
    expect(await client.cards.query({ mchOrderNo })).toMatchObject({ mchOrderNo, amountCents: 100, status: 2, state: 'succeeded', signed: false });
    expect(await client.cards.query({ mchOrderNo })).toMatchObject({ signed: true });
    sandbox.faults.injectNext({ kind: 'badsign', path: 'cc_query' });
    expect(await rejection(client.cards.query({ mchOrderNo }))).toBeInstanceOf(ResponseSignatureError);
  });

  it('an unsigned rate of 1 (as --faults unsigned=1 or the control API sets it) strips every signed answer: micropay accepted unsigned, QR refused', async () => {
    ({ sandbox, client } = await withSandbox({ faults: { rates: { unsigned: 1 } } }));
    const paid = await client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') });
    expect(paid).toMatchObject({ state: 'paid', signed: false });
    expect(await rejection(client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'ALIPAY_QR' }))).toBeInstanceOf(ResponseSignatureError);
    expect(await client.cards.purchase({ ...card, mchOrderNo: orderNo('T1C') })).toMatchObject({ signed: false });
    await sandbox.control.setFaults({});
    expect(await client.cards.purchase({ ...card, mchOrderNo: orderNo('T1C') })).toMatchObject({ signed: true });
  });

  it('the option acceptUnsignedCardResponses is gone: the table decides', async () => {
    ({ sandbox } = await withSandbox());
    const built = clientFor(sandbox, { acceptUnsignedCardResponses: true } as unknown as Partial<Parameters<typeof clientFor>[1]>);
    expect(built.signaturePolicy.cc_query).toBe('if-present');
    expect(built.signaturePolicy['create_order:qr']).toBe('required');
  });
});
