// Every injected fault maps to the error class that tells the engine what to do about the money.
import { afterEach, describe, expect, it } from 'vitest';
import {
  GatewayServerError, GatewayUnavailableError, MalformedResponseError, ResponseLostError, ResponseSignatureError, ValidationError,
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
    ['unsigned', ResponseSignatureError, true],
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

describe('unsigned SUCCESS responses', () => {
  const card = { amountCents: 100, currency: 'CAD', channel: 'PF_CC', returnUrl: 'http://127.0.0.1:9/r' } as const;

  it('v1: a SUCCESS stripped of its sign → ResponseSignatureError (outcome unknown); the order was committed', async () => {
    ({ sandbox, client } = await withSandbox());
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'create_order' });
    const mchOrderNo = orderNo();
    const err = await rejection(client.orders.createQr({ ...sale, mchOrderNo, channel: 'WX_NATIVE' }));
    expect(err).toBeInstanceOf(ResponseSignatureError);
    expect(err).toMatchObject({ code: 'RESPONSE_SIGNATURE', outcome: 'unknown' });
    expect(err.message).toMatch(/signature missing or wrong/);
    expect(sandbox.ledger.v1Order({ mchOrderNo })?.status).toBe(0);
    // The same request signed again is trusted: the refusal came from the missing sign alone.
    expect((await client.orders.query({ mchOrderNo })).state).toBe('awaiting_payment');
  });

  it('v3 strict (the default): an unsigned cc_query SUCCESS → ResponseSignatureError naming the opt-out', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo('T1C');
    await client.cards.purchase({ ...card, mchOrderNo });
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'cc_query' });
    const err = await rejection(client.cards.query({ mchOrderNo }));
    expect(err).toBeInstanceOf(ResponseSignatureError);
    expect(err).toMatchObject({ code: 'RESPONSE_SIGNATURE', outcome: 'unknown' });
    expect(err.message).toContain('cc_query: response is unsigned');
    expect(err.message).toContain('acceptUnsignedCardResponses');
    expect((await client.cards.query({ mchOrderNo })).state).toBe('pending');
  });

  it('v3 strict: an unsigned cc_purchase SUCCESS is refused too, though the session exists', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo('T1C');
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'cc_purchase' });
    expect(await rejection(client.cards.purchase({ ...card, mchOrderNo }))).toBeInstanceOf(ResponseSignatureError);
    expect(sandbox.ledger.v3Order({ mchOrderNo })?.status).toBe(0);
  });

  it('v3 lenient (acceptUnsignedCardResponses: true): the unsigned SUCCESS is accepted; a wrong sign is still refused', async () => {
    ({ sandbox } = await withSandbox());
    client = clientFor(sandbox, { acceptUnsignedCardResponses: true });
    const mchOrderNo = orderNo('T1C');
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'cc_purchase' });
    const session = await client.cards.purchase({ ...card, mchOrderNo });
    expect(session.secureId).toMatch(/^[0-9a-f]{64}$/);
    await sandbox.control.payCard(session.secureId, '4242424242424242');
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'cc_query' });
    expect(await client.cards.query({ mchOrderNo })).toMatchObject({ mchOrderNo, amountCents: 100, status: 2, state: 'succeeded' });
    sandbox.faults.injectNext({ kind: 'badsign', path: 'cc_query' });
    expect(await rejection(client.cards.query({ mchOrderNo }))).toBeInstanceOf(ResponseSignatureError);
  });

  it('v1 stays strict whatever acceptUnsignedCardResponses says', async () => {
    ({ sandbox } = await withSandbox());
    client = clientFor(sandbox, { acceptUnsignedCardResponses: true });
    sandbox.faults.injectNext({ kind: 'unsigned', path: 'create_order' });
    expect(await rejection(client.orders.createQr({ ...sale, mchOrderNo: orderNo(), channel: 'WX_NATIVE' }))).toBeInstanceOf(ResponseSignatureError);
  });

  it('an unsigned rate of 1 (as --faults unsigned=1 or the control API sets it) strips every signed answer', async () => {
    ({ sandbox, client } = await withSandbox({ faults: { rates: { unsigned: 1 } } }));
    const err = await rejection(client.orders.createMicropay({ ...sale, mchOrderNo: orderNo(), channel: 'WX_MICROPAY', identityCode: walletCode('WX', '01') }));
    expect(err).toBeInstanceOf(ResponseSignatureError);
    await sandbox.control.setFaults({});
    await sandbox.control.setFaults({ unsigned: 1 });
    expect(await rejection(client.cards.purchase({ ...card, mchOrderNo: orderNo('T1C') }))).toBeInstanceOf(ResponseSignatureError);
    await sandbox.control.setFaults({});
    expect((await client.cards.purchase({ ...card, mchOrderNo: orderNo('T1C') })).secureId).toBeTruthy();
  });

  it('a non-boolean acceptUnsignedCardResponses is a ValidationError when the client is built', async () => {
    ({ sandbox } = await withSandbox());
    expect(() => clientFor(sandbox, { acceptUnsignedCardResponses: 'yes' as unknown as boolean })).toThrow(ValidationError);
    expect(() => clientFor(sandbox, { acceptUnsignedCardResponses: 'yes' as unknown as boolean })).toThrow(/acceptUnsignedCardResponses: must be true or false/);
  });
});
