// `npm run sandbox` as a process: it prints where it listens, serves, and stops cleanly on SIGINT;
// a bad flag is one line on stderr and exit code 2.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sign, verify } from '../../main/iotpay/sign.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function runCli(args: string[]) {
  const child = spawn(tsx, ['main/sandbox/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  running.push(child);
  return { child, out: () => stdout, err: () => stderr };
}

const running: Array<ReturnType<typeof spawn>> = [];
afterEach(() => {
  // Only the children this file started, by their own handle.
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A port nobody listens on right now: the OS picks it, we release it and hand it to the sandbox. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  await new Promise<void>((r) => probe.close(() => r()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** 'connected', or the socket error code (ECONNREFUSED, EHOSTUNREACH, …). */
async function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** A signed v1 query_order as IOTPay's PHP SDK posts it. */
function queryOrder(gateway: string, mchId: string, key: string): Promise<Response> {
  const params = { mchId, mchOrderNo: 'CLI-NOPE-1' };
  return fetch(`${gateway}/v1/query_order`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ params: JSON.stringify({ ...params, sign: sign(params, key) }) }).toString(),
  });
}

describe('sandbox CLI', () => {
  it('prints gateway, control, merchant id and key, serves, and exits 0 on SIGINT', async () => {
    const run = runCli(['--port', '0', '--mch-id', '10000042', '--key', 'CLIKEY', '--seed', '7']);
    const exited = once(run.child, 'exit');
    await expect.poll(() => run.out(), { timeout: 15_000 }).toContain('Ctrl-C');
    const gateway = /gateway:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1];
    expect(run.out()).toMatch(/control:\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(run.out()).toContain('10000042');
    expect(run.out()).toContain('CLIKEY');
    expect((await fetch(`${gateway}/cc/iotpaycc.js`)).status).toBe(200);
    run.child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('a fixed --port, --mch-id, --key and --faults 5xx=1 all apply to real requests; it binds 127.0.0.1 only', async () => {
    const port = await freePort();
    const run = runCli(['--port', String(port), '--mch-id', '10000777', '--key', 'FIXEDKEY77', '--faults', '5xx=1', '--seed', '3']);
    const exited = once(run.child, 'exit');
    await expect.poll(() => run.out(), { timeout: 15_000 }).toContain('Ctrl-C');
    const gateway = `http://127.0.0.1:${port}`;
    expect(run.out()).toContain(`gateway:  ${gateway}   (v1 ${gateway}/v1/, v3 ${gateway}/v3/)`);
    const control = /control:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1];
    expect(control).toBeDefined();
    // Rate 1: every gateway request gets the 503, on the fixed port.
    for (let i = 0; i < 3; i += 1) expect((await queryOrder(gateway, '10000777', 'FIXEDKEY77')).status).toBe(503);
    expect(await (await fetch(`${control}/control/faults`)).json()).toMatchObject({ rates: { '5xx': 1 }, latencyMs: 0 });
    // With the fault cleared, the same request is answered and signed for the merchant and key from the flags.
    await fetch(`${control}/control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"rates":{}}' });
    const answer = await queryOrder(gateway, '10000777', 'FIXEDKEY77');
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'ORDER_NOT_EXIST' });
    expect(verify(body, 'FIXEDKEY77')).toBe(true);
    expect(await (await queryOrder(gateway, '10000778', 'FIXEDKEY77')).json()).toEqual({ retCode: 'FAIL', retMsg: 'mchId not exist' });
    // Loopback only: the port answers on 127.0.0.1 but not on another loopback address or a LAN address.
    expect(await tryConnect('127.0.0.1', port)).toBe('connected');
    if (process.platform === 'linux') expect(await tryConnect('127.0.0.2', port)).toBe('ECONNREFUSED');
    const lan = Object.values(networkInterfaces()).flat().find((a) => a?.family === 'IPv4' && !a.internal);
    if (lan) expect(await tryConnect(lan.address, port)).not.toBe('connected');
    run.child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('--faults unsigned=1 strips the sign from every signed answer', async () => {
    const run = runCli(['--port', '0', '--mch-id', '10000778', '--key', 'FIXEDKEY78', '--faults', 'unsigned=1']);
    const exited = once(run.child, 'exit');
    await expect.poll(() => run.out(), { timeout: 15_000 }).toContain('Ctrl-C');
    const gateway = /gateway:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1] ?? '';
    const body = (await (await queryOrder(gateway, '10000778', 'FIXEDKEY78')).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ retCode: 'SUCCESS', errCode: 'ORDER_NOT_EXIST' });
    expect(body).not.toHaveProperty('sign');
    run.child.kill('SIGINT');
    expect((await exited)[0]).toBe(0);
  });

  it('refuses a bad flag with one line on stderr and exit code 2', async () => {
    const run = runCli(['--faults', 'drop=lots']);
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(2);
    expect(run.err().trim().split('\n')).toHaveLength(1);
    expect(run.err()).toContain('--faults');
  });
});
