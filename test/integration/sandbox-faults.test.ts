// Each fault kind as the client sees it over real HTTP, where it strikes relative to the ledger commit,
// and that seeded rates repeat exactly.
import { afterEach, describe, expect, it } from 'vitest';
import { sign, signableFields, verify } from '../../main/iotpay/sign.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../main/sandbox/index.js';

type Body = Record<string, unknown>;
const open: SandboxHandle[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

async function sandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const sb = await startSandbox(options);
  open.push(sb);
  return sb;
}

let seq = 0;
function createOrderRequest(sb: SandboxHandle): { mchOrderNo: string; init: RequestInit } {
  seq += 1;
  const params: Body = {
    mchId: sb.mchId, mchOrderNo: `F${seq}`, channelId: 'WX_NATIVE', currency: 'CAD', amount: 100, clientIp: '127.0.0.1',
    notifyUrl: 'http://127.0.0.1:9/n', subject: 's', body: 'b', jobNo: 'c', extra: '{"productId":"1"}',
  };
  const body = new URLSearchParams({ params: JSON.stringify({ ...params, sign: sign(signableFields(params), sb.key) }) });
  return { mchOrderNo: params.mchOrderNo as string, init: { method: 'POST', body } };
}

/** Sends one create_order and describes what came back the way a client would classify it. */
async function attempt(sb: SandboxHandle): Promise<{ outcome: string; mchOrderNo: string }> {
  const { mchOrderNo, init } = createOrderRequest(sb);
  try {
    const response = await fetch(`${sb.gatewayUrl}/v1/create_order`, init);
    const text = await response.text();
    if (response.status !== 200) return { outcome: `http ${response.status}`, mchOrderNo };
    let body: Body;
    try {
      body = JSON.parse(text) as Body;
    } catch {
      return { outcome: 'malformed', mchOrderNo };
    }
    return { outcome: verify(body, sb.key) ? 'ok' : 'badsign', mchOrderNo };
  } catch {
    return { outcome: 'dropped', mchOrderNo };
  }
}

const inLedger = (sb: SandboxHandle, mchOrderNo: string) => sb.ledger.v1Order({ mchOrderNo }) !== undefined;

describe('fault kinds', () => {
  it('5xx answers 503 before handling: ledger unchanged', async () => {
    const sb = await sandbox();
    sb.faults.injectNext({ kind: '5xx' });
    const result = await attempt(sb);
    expect(result.outcome).toBe('http 503');
    expect(inLedger(sb, result.mchOrderNo)).toBe(false);
  });

  it('5xx-after, drop, malformed and badsign strike after the ledger commit', async () => {
    const sb = await sandbox();
    const expected: Array<[string, string]> = [
      ['5xx-after', 'http 502'],
      ['drop', 'dropped'],
      ['malformed', 'malformed'],
      ['badsign', 'badsign'],
    ];
    for (const [kind, outcome] of expected) {
      await sb.control.injectFault({ kind: kind as '5xx-after', path: '/v1/create_order' });
      const result = await attempt(sb);
      expect(result.outcome, kind).toBe(outcome);
      expect(inLedger(sb, result.mchOrderNo), kind).toBe(true);
    }
    expect((await attempt(sb)).outcome).toBe('ok');
  });

  it('a malformed body is truncated JSON and a dropped socket is a hang-up', async () => {
    const sb = await sandbox();
    sb.faults.injectNext({ kind: 'malformed' });
    const { init } = createOrderRequest(sb);
    const text = await (await fetch(`${sb.gatewayUrl}/v1/create_order`, init)).text();
    expect(text.startsWith('{"retCode":"SUCCESS"')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    sb.faults.injectNext({ kind: 'drop' });
    const error = await fetch(`${sb.gatewayUrl}/v1/create_order`, createOrderRequest(sb).init).catch((e: unknown) => e);
    expect(String((error as Error & { cause?: unknown }).cause)).toMatch(/other side closed|socket|ECONNRESET/i);
  });

  it('latency delays the answer; injected faults only hit the matching path', async () => {
    const sb = await sandbox();
    sb.faults.injectNext({ kind: 'latency', latencyMs: 300, path: 'create_order' });
    sb.faults.injectNext({ kind: '5xx', path: 'query_order' });
    const started = Date.now();
    expect((await attempt(sb)).outcome).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(sb.faults.current().queued).toHaveLength(1);
  });

  it('rates set through the control API apply; bad rates are refused', async () => {
    const sb = await sandbox();
    await sb.control.setFaults({ '5xx': 1 });
    expect((await attempt(sb)).outcome).toBe('http 503');
    await expect(sb.control.setFaults({ '5xx': 3 })).rejects.toMatchObject({ status: 400 });
    await sb.control.setFaults({});
    expect((await attempt(sb)).outcome).toBe('ok');
  });
});

describe('seeded rates', () => {
  async function chaosRun(seed: number): Promise<string[]> {
    const sb = await sandbox({ seed, faults: { rates: { drop: 0.2, '5xx': 0.2, malformed: 0.1, badsign: 0.1, '5xx-after': 0.1 } } });
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i += 1) outcomes.push((await attempt(sb)).outcome);
    await sb.close();
    return outcomes;
  }

  it('the same seed gives the same sequence of faults; another seed does not', async () => {
    const first = await chaosRun(1234);
    expect(await chaosRun(1234)).toEqual(first);
    expect(await chaosRun(99)).not.toEqual(first);
    expect(new Set(first).size).toBeGreaterThanOrEqual(4);
  });
});
