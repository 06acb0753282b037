// `pos gateway check` against the sandbox in its signed and unsigned modes: what it reports, what it saves, that it
// never creates an order or refunds anything, and that the app's client (and the System tab) use what it saved.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import type { HostApi } from '../../main/app/host-api.js';
import { openServices } from '../../main/app/services.js';
import { runPos } from '../../main/cli/pos.js';
import { GATEWAY_CHECK_FILE, readGatewayCheck, runGatewayCheck, type GatewayCheckOptions, type GatewayCheckRecord } from '../../main/iotpay/index.js';
import { nodeHttpTransport } from '../../main/iotpay/transport.js';
import { startSandbox, type AnswerShapes, type SandboxHandle } from '../../main/sandbox/index.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { tempDirsPerTest } from '../support/temp-dir.js';

const dataDir = tempDirsPerTest('pos-gateway-check-');
let sandbox: SandboxHandle | undefined;
let host: HostApi | undefined;
afterEach(async () => {
  await host?.close();
  await sandbox?.close();
  host = sandbox = undefined;
});

async function sandboxWith(shapes: Partial<AnswerShapes> = {}): Promise<SandboxHandle> {
  sandbox = await startSandbox({ shapes });
  return sandbox;
}

function options(sb: SandboxHandle, extra: Partial<GatewayCheckOptions> = {}): GatewayCheckOptions {
  return { v1BaseUrl: `${sb.gatewayUrl}/v1/`, mchId: sb.mchId, key: sb.key, loginName: 'cashier01', clientIp: '127.0.0.1', currency: 'CAD', idPrefix: 'T1', ...extra };
}

async function pos(dir: string, ...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runPos(argv, (l) => lines.push(l), {}).catch((err: unknown) => {
    lines.push(String((err as Error).message));
    return (err as { code?: string }).code === 'USAGE' ? 2 : 1;
  });
  return { code, lines: [...lines, `(data ${dir})`] };
}

describe('the gateway check', () => {
  it('signed mode: both answers signed and verified, exact codes and fields, round trip, clock in step; no order, no refund', async () => {
    const sb = await sandboxWith();
    const record = await runGatewayCheck(options(sb));
    expect(record).toMatchObject({ version: 1, mchId: sb.mchId, seenSigned: ['query_order', 'refund_order'], clockSkewed: false });
    expect(Math.abs(record.clockSkewMs ?? Infinity)).toBeLessThan(2000);
    const [query, refund] = record.probes;
    expect(query).toMatchObject({
      endpoint: 'query_order', answered: true, httpStatus: 200, retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'ORDER_NOT_EXIST', signature: 'verified',
      clientReading: 'ORDER_NOT_FOUND (not charged)', asked: { mchOrderNo: expect.stringMatching(/^T1CHKQ/) },
    });
    expect(query!.fields).toEqual(expect.arrayContaining(['retCode', 'resCode', 'errCode', 'errCodeDes', 'sign']));
    expect(query!.rttMs).toBeGreaterThanOrEqual(0);
    expect(query!.answer).not.toHaveProperty('sign');
    expect(refund).toMatchObject({ endpoint: 'refund_order', signature: 'verified', errCode: 'ORDER_NOT_EXIST', asked: { payOrderId: expect.stringMatching(/^NOSUCHORDER/) } });
    // It asked about things that do not exist, and changed nothing.
    expect(sb.ledger.snapshot()).toEqual({ orders: [], refunds: [], cards: [] });
  });

  it('unsigned mode: query and refund answers without sign are reported unsigned and raise no rule', async () => {
    const sb = await sandboxWith({ unsignedQuery: true, unsignedRefund: true });
    const record = await runGatewayCheck(options(sb));
    expect(record.probes.map((p) => [p.endpoint, p.signature])).toEqual([['query_order', 'absent'], ['refund_order', 'absent']]);
    expect(record.seenSigned).toEqual([]);
  });

  it('a wrong key: the gateway refuses our signature, and the check says so; a gateway that is not there: no answer', async () => {
    const sb = await sandboxWith();
    const wrong = await runGatewayCheck(options(sb, { key: 'WRONGKEY99' }));
    expect(wrong.probes[0]).toMatchObject({ retCode: 'FAIL', retMsg: 'signature error', signature: 'absent', clientReading: 'SIGNATURE_REJECTED (not charged)' });
    const gone = await runGatewayCheck(options(sb, { v1BaseUrl: 'http://127.0.0.1:9/v1/', timeoutMs: 2000 }));
    expect(gone.probes.map((p) => [p.answered, p.signature, p.clientReading])).toEqual([[false, 'no-answer', 'NO_ANSWER'], [false, 'no-answer', 'NO_ANSWER']]);
  });

  it('a gateway whose Date header is 5 minutes ahead is reported skewed', async () => {
    const sb = await sandboxWith();
    const ahead = await runGatewayCheck(options(sb, {
      transport: async (req) => ({ ...(await nodeHttpTransport(req)), headers: { date: new Date(Date.now() + 300_000).toUTCString() } }),
    }));
    expect(ahead.clockSkewed).toBe(true);
    expect(ahead.clockSkewMs).toBeGreaterThan(290_000);
  });
});

describe('npm run pos -- gateway check', () => {
  it('against the sandbox as a live gateway: prints what it saw, saves gateway-check.json, exit 0; the next client requires signed queries', async () => {
    const sb = await sandboxWith();
    const dir = dataDir();
    const run = await pos(dir, 'gateway', 'check', '--gateway', sb.gatewayUrl, '--mch-id', sb.mchId, '--key', sb.key, '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(run.lines[0]).toMatch(/^gateway check: http:\/\/127\.0\.0\.1:\d+\/v1\/ as merchant \d+; .*no money moves$/);
    expect(run.lines[1]).toMatch(/^query_order \(mchOrderNo \w+\): HTTP 200 in \d+ ms · retCode=SUCCESS resCode=FAIL errCode=ORDER_NOT_EXIST retMsg=order not exist · fields .* · signed, signature verifies · this client reads it as ORDER_NOT_FOUND/);
    expect(run.lines[2]).toMatch(/^refund_order \(mchRefundNo \w+, payOrderId NOSUCHORDER\w+\): HTTP 200/);
    expect(run.lines[3]).toMatch(/^clock: the gateway and this computer agree within \d+ s$/);
    expect(run.lines[4]).toBe("signature rules from the app's next start: query_order required, refund_order required");
    expect(run.lines[5]).toBe(`saved ${join(dir, GATEWAY_CHECK_FILE)}`);
    expect(JSON.stringify(run.lines)).not.toContain(sb.key);
    const saved = readGatewayCheck(dir) as GatewayCheckRecord;
    expect(saved.seenSigned).toEqual(['query_order', 'refund_order']);
    expect(readFileSync(join(dir, GATEWAY_CHECK_FILE), 'utf8')).not.toContain(sb.key);
    // The app's client, built from this data folder with the same gateway, applies it.
    const services = await openServices({
      dataDir: dir, logger: createLogger('t', silentSink), env: {}, withGateway: true, overrides: { gatewayUrl: sb.gatewayUrl, mchId: sb.mchId, key: sb.key },
    });
    try {
      expect(services.client!.signaturePolicy).toMatchObject({ query_order: 'required', refund_order: 'required', 'create_order:micropay': 'if-present' });
      expect(services.client!.gatewayCheck).toMatchObject({ applied: true });
    } finally {
      await services.close();
    }
  });

  it('unsigned gateway: exit 0, rules stay if-present; --json prints the record', async () => {
    const sb = await sandboxWith({ unsignedQuery: true, unsignedRefund: true });
    const dir = dataDir();
    const run = await pos(dir, 'gateway', 'check', '--json', '--gateway', sb.gatewayUrl, '--mch-id', sb.mchId, '--key', sb.key, '--data-dir', dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.lines[1]!)).toMatchObject({ seenSigned: [], probes: [{ signature: 'absent' }, { signature: 'absent' }] });
  });

  it('a refused key exits 1; training mode (no live credentials) is a usage error and writes nothing', async () => {
    const sb = await sandboxWith();
    const dir = dataDir();
    expect((await pos(dir, 'gateway', 'check', '--gateway', sb.gatewayUrl, '--mch-id', sb.mchId, '--key', 'WRONGKEY99', '--data-dir', dir)).code).toBe(1);
    const training = dataDir();
    const refused = await pos(training, 'gateway', 'check', '--data-dir', training);
    expect(refused.code).toBe(2);
    expect(refused.lines[0]).toMatch(/needs live credentials/);
    expect(existsSync(join(training, GATEWAY_CHECK_FILE))).toBe(false);
    expect((await pos(training, 'gateway', 'probe', '--data-dir', training)).code).toBe(2);
  });

  it("the manager's System tab reads the check the running app applies", async () => {
    const sb = await sandboxWith({ unsignedRefund: true });
    const dir = dataDir();
    expect((await pos(dir, 'gateway', 'check', '--gateway', sb.gatewayUrl, '--mch-id', sb.mchId, '--key', sb.key, '--data-dir', dir)).code).toBe(0);
    host = await composeApp({ dataDir: dir, logger: createLogger('t', silentSink), gatewayOverrides: { gatewayUrl: sb.gatewayUrl, mchId: sb.mchId, key: sb.key } });
    // Live mode: the factory PIN only lets the manager choose a new one (docs/staff.md).
    expect(await host.invoke('manager', 'manager:unlock', { pin: '1234' })).toMatchObject({ ok: false, error: { code: 'PIN_CHANGE_REQUIRED' } });
    expect(await host.invoke('manager', 'staff:changePin', { pin: '1234', newPin: '97531' })).toMatchObject({ ok: true });
    const session = ((await host.invoke('manager', 'manager:unlock', { pin: '97531' })) as { value: { session: string } }).value.session;
    const view = (await host.invoke('manager', 'gateway:lastCheck', { session })) as { ok: boolean; value: Record<string, unknown> };
    expect(view.ok).toBe(true);
    expect(view.value).toMatchObject({
      training: false,
      check: {
        applied: true, clockSkewed: false,
        probes: [
          { endpoint: 'query_order', answered: true, signature: 'verified', technical: expect.stringContaining('errCode=ORDER_NOT_EXIST') },
          { endpoint: 'refund_order', answered: true, signature: 'absent' },
        ],
      },
    });
    expect(view.value.rules).toEqual(expect.arrayContaining([{ answer: 'query_order', rule: 'required' }, { answer: 'refund_order', rule: 'if-present' }]));
    expect(JSON.stringify(view)).not.toContain(sb.key);
    expect((await host.invoke('cashier', 'gateway:lastCheck', { session })).ok).toBe(false);
    expect((await host.invoke('manager', 'gateway:lastCheck', {})).ok).toBe(false);
  });
});
