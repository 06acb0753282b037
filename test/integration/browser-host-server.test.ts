// The browser host over real loopback HTTP and WebSockets, with a HostApi stub that refuses exactly as the
// composition root's dispatcher does (channel must exist, role must be on channelsFor(role)).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WINDOW_ROLES, type HostApi, type IpcResult, type WindowRole } from '../../main/app/host-api.js';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/browser-host.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { CHANNEL_NAMES, channelsFor } from '../../preload/contract.js';
import { createBrowserBridge, type BridgeSocket } from '../../renderer/shared/browser-bridge.js';
import { makeTempDir } from '../support/temp-dir.js';

type Listener = (event: string, payload: unknown) => void;

function stubHost() {
  const listeners = new Map<WindowRole, Set<Listener>>();
  const host: HostApi & { emit(role: WindowRole, event: string, payload: unknown): void; listenerCount(): number } = {
    training: true,
    cardFormOrigin: 'http://127.0.0.1:40999',
    async invoke(role, channel, payload): Promise<IpcResult> {
      if (!(CHANNEL_NAMES as string[]).includes(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `no such request: ${channel}` } };
      if (!(channelsFor(role) as string[]).includes(channel)) return { ok: false, error: { code: 'NOT_ALLOWED', message: 'This screen may not make that request.' } };
      if (channel === 'journal:verify') throw new Error('bug behind invoke');
      return { ok: true, value: { role, channel, payload } };
    },
    subscribe(role, listener) {
      const set = listeners.get(role) ?? new Set<Listener>();
      listeners.set(role, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit: (role, event, payload) => listeners.get(role)?.forEach((l) => l(event, payload)),
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    close: () => Promise.resolve(),
  };
  return host;
}

const temp = makeTempDir('pos-browser-host-');
const rendererDir = join(temp.path, 'renderer');
const host = stubHost();
let server: BrowserHost;
const open: WebSocket[] = [];

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  for (const role of WINDOW_ROLES) writeFileSync(join(rendererDir, `${role}.html`), `<!doctype html><title>${role}</title>`);
  writeFileSync(join(rendererDir, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(temp.path, 'secret.html'), 'merchant key');
  symlinkSync(join(temp.path, 'secret.html'), join(rendererDir, 'escape.html'));
  server = await startBrowserHost({ host, rendererDir, port: 0, logger: createLogger('test', silentSink) });
});
afterEach(() => open.splice(0).forEach((ws) => ws.terminate()));
afterAll(async () => {
  await server.close();
  temp.remove();
});

const tokenOf = (role: WindowRole): string => new URL(server.urls[role]).hash.replace('#token=', '');

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface Client {
  ws: WebSocket;
  next(): Promise<Record<string, unknown>>;
  closed: Promise<number>;
  upgrade: Promise<number>;
}

function connect(options: { origin?: string | null; host?: string; path?: string } = {}): Client {
  const origin = options.origin === undefined ? `http://127.0.0.1:${server.port}` : options.origin;
  const headers: Record<string, string> = {};
  if (options.host) headers.host = options.host;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? '/bridge'}`, { ...(origin === null ? {} : { origin }), headers });
  open.push(ws);
  const inbox: Record<string, unknown>[] = [];
  const waiting: ((m: Record<string, unknown>) => void)[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else inbox.push(message);
  });
  return {
    ws,
    next: () => new Promise((resolve) => (inbox.length > 0 ? resolve(inbox.shift()!) : waiting.push(resolve))),
    closed: new Promise((resolve) => ws.on('close', (code) => resolve(code))),
    upgrade: new Promise((resolve) => {
      ws.on('open', () => resolve(101));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(0));
    }),
  };
}

async function authed(role: WindowRole): Promise<Client> {
  const client = connect();
  await client.upgrade;
  client.ws.send(JSON.stringify({ auth: tokenOf(role) }));
  expect(await client.next()).toEqual({ ready: { role, training: true } });
  return client;
}

async function call(client: Client, id: number, channel: string, payload: unknown = {}): Promise<Record<string, unknown>> {
  client.ws.send(JSON.stringify({ id, channel, payload }));
  return client.next();
}

describe('browser host: pages', () => {
  it('prints one URL per role with its own token in the fragment', () => {
    for (const role of WINDOW_ROLES) expect(server.urls[role]).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/${role}\\.html#token=[A-Za-z0-9_-]{43}$`));
    expect(new Set(WINDOW_ROLES.map(tokenOf)).size).toBe(4);
  });

  it('serves the built renderer with no-store and the security headers', async () => {
    const page = await get('/cashier.html');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>cashier</title>');
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' http://127.0.0.1:40999;");
    expect(csp).toContain('frame-src http://127.0.0.1:40999;');
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port};`);
    expect((await get('/assets/app-1.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    const head = await get('/kiosk.html', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it.each(['/../secret.html', '/%2e%2e/secret.html', '/assets/..%2f..%2fsecret.html', '/..%5csecret.html', '/cashier.html%00.js', '//secret.html', '/escape.html', '/missing.html', '/'])(
    'refuses %s without leaking a byte',
    async (path) => {
      const res = await get(path);
      expect([400, 403, 404]).toContain(res.status);
      expect(res.body).not.toContain('merchant key');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('refuses other methods and foreign Host headers (DNS rebinding)', async () => {
    expect((await get('/cashier.html', {}, 'POST')).status).toBe(405);
    expect((await get('/cashier.html', { host: 'evil.example' })).status).toBe(421);
    expect((await get('/cashier.html', { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await get('/cashier.html', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('browser host: bridge handshake', () => {
  it('refuses a foreign or missing Origin, a foreign Host and other paths', async () => {
    expect(await connect({ origin: 'http://evil.example' }).upgrade).toBe(403);
    expect(await connect({ origin: `http://127.0.0.1:${server.port + 1}` }).upgrade).toBe(403);
    expect(await connect({ origin: null }).upgrade).toBe(403);
    expect(await connect({ host: `evil.example:${server.port}` }).upgrade).toBe(403);
    expect(await connect({ path: '/other' }).upgrade).toBe(404);
  });

  it('closes with policy violation (1008) on a wrong token or a call before the token', async () => {
    const wrong = connect();
    await wrong.upgrade;
    wrong.ws.send(JSON.stringify({ auth: tokenOf('manager').slice(1) }));
    expect(await wrong.closed).toBe(1008);
    const early = connect();
    await early.upgrade;
    early.ws.send(JSON.stringify({ id: 1, channel: 'app:info', payload: {} }));
    expect(await early.closed).toBe(1008);
    const garbage = connect();
    await garbage.upgrade;
    garbage.ws.send('not json');
    expect(await garbage.closed).toBe(1008);
  });
});

describe('browser host: calls and events', () => {
  it('passes calls through with the role the token decided, and the HostApi refusal back', async () => {
    const cashier = await authed('cashier');
    expect(await call(cashier, 1, 'sale:current')).toEqual({ id: 1, result: { ok: true, value: { role: 'cashier', channel: 'sale:current', payload: {} } } });
    expect(await call(cashier, 2, 'report:dailyTotals', { session: 'x'.repeat(16) })).toMatchObject({ id: 2, result: { ok: false, error: { code: 'NOT_ALLOWED' } } });
    expect(await call(cashier, 3, 'no:such')).toMatchObject({ id: 3, result: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
    const display = await authed('customer-display');
    expect(await call(display, 1, 'sale:new')).toMatchObject({ result: { ok: false, error: { code: 'NOT_ALLOWED' } } });
    const manager = await authed('manager');
    expect(await call(manager, 9, 'report:dailyTotals', { role: 'cashier' })).toMatchObject({ result: { ok: true, value: { role: 'manager' } } });
  });

  it('a second token on the same connection changes nothing', async () => {
    const display = await authed('customer-display');
    display.ws.send(JSON.stringify({ auth: tokenOf('manager') }));
    expect(await display.next()).toMatchObject({ id: null, result: { ok: false, error: { code: 'BAD_MESSAGE' } } });
    expect(await call(display, 2, 'refund:create')).toMatchObject({ result: { ok: false, error: { code: 'NOT_ALLOWED' } } });
  });

  it('answers malformed and oversized frames with typed errors and stays up; the hard cap closes (1009)', async () => {
    const cashier = await authed('cashier');
    cashier.ws.send('{"id":1,');
    expect(await cashier.next()).toMatchObject({ id: null, result: { ok: false, error: { code: 'BAD_JSON' } } });
    cashier.ws.send(JSON.stringify({ id: 2 }));
    expect(await cashier.next()).toMatchObject({ id: 2, result: { ok: false, error: { code: 'BAD_MESSAGE' } } });
    cashier.ws.send(JSON.stringify({ id: 3, channel: 'catalog:search', payload: { query: 'x'.repeat(100_000) } }));
    expect(await cashier.next()).toMatchObject({ id: null, result: { ok: false, error: { code: 'MESSAGE_TOO_LARGE' } } });
    expect(await call(cashier, 4, 'app:info')).toMatchObject({ id: 4, result: { ok: true } });
    cashier.ws.send('x'.repeat(300 * 1024));
    expect(await cashier.closed).toBe(1009);
  });

  it('answers INTERNAL when invoke throws', async () => {
    const manager = await authed('manager');
    expect(await call(manager, 1, 'journal:verify', { session: 'x'.repeat(16) })).toMatchObject({ result: { ok: false, error: { code: 'INTERNAL' } } });
  });

  it('delivers events only to the subscribed role, and unsubscribes on close', async () => {
    // Earlier tests' sockets were terminated by the client; wait until the host has seen every close.
    await expect.poll(() => host.listenerCount()).toBe(0);
    const cashier = await authed('cashier');
    const display = await authed('customer-display');
    expect(host.listenerCount()).toBe(2);
    host.emit('cashier', 'till:notice', { kind: 'line-added', message: 'Milk' });
    host.emit('customer-display', 'payment:qr', { attemptId: 1 });
    expect(await cashier.next()).toEqual({ event: 'till:notice', payload: { kind: 'line-added', message: 'Milk' } });
    expect(await display.next()).toEqual({ event: 'payment:qr', payload: { attemptId: 1 } });
    // Nothing else is queued for the display: its next message is the answer to its own call.
    expect(await call(display, 5, 'app:info')).toMatchObject({ id: 5 });
    cashier.ws.close();
    display.ws.close();
    await Promise.all([cashier.closed, display.closed]);
    await expect.poll(() => host.listenerCount()).toBe(0);
  });

  it('works end to end through the browser bridge', async () => {
    const location = new URL(server.urls.kiosk);
    const api = createBrowserBridge(
      { hash: location.hash, host: location.host, protocol: location.protocol },
      { createSocket: (url) => new WebSocket(url, { origin: location.origin }) as unknown as BridgeSocket },
    );
    const seen: unknown[] = [];
    api.on('app:connectivity', (payload) => seen.push(payload));
    await expect(api.invoke('sale:current', {})).resolves.toEqual({ ok: true, value: { role: 'kiosk', channel: 'sale:current', payload: {} } });
    await expect(api.invoke('payment:payCash', { tenderedCents: 500 } as never)).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    host.emit('kiosk', 'app:connectivity', { online: false });
    await expect.poll(() => seen).toEqual([{ online: false }]);
  });
});
