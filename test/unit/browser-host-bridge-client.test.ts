// The browser end of the bridge against a scripted socket: queueing, correlation, reconnects, events.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserBridge, tokenFromHash, type BridgeSocket } from '../../renderer/shared/browser-bridge.js';

const TOKEN = 'A'.repeat(43);
const location = { hash: `#token=${TOKEN}`, host: '127.0.0.1:9000', protocol: 'http:' };

class ScriptedSocket implements BridgeSocket {
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {}
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function setup(hash = location.hash) {
  const sockets: ScriptedSocket[] = [];
  const api = createBrowserBridge({ ...location, hash }, {
    createSocket: (url) => {
      const socket = new ScriptedSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoffMs: (attempt) => 100 * 2 ** attempt,
  });
  const ready = (socket: ScriptedSocket) => {
    socket.open();
    socket.receive({ ready: { role: 'cashier', training: true } });
  };
  return { api, sockets, ready };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('browser bridge', () => {
  it('reads only a well-formed token from the fragment', () => {
    expect(tokenFromHash(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash(`#x=1&token=${TOKEN}`)).toBe(TOKEN);
    for (const hash of ['', '#', '#token=', '#token=short', `#token=${TOKEN}%00`, `#token=${'a'.repeat(200)}`]) expect(tokenFromHash(hash)).toBeUndefined();
  });

  it('authenticates first, queues calls until ready, then correlates answers by id', async () => {
    const { api, sockets } = setup();
    const socket = sockets[0]!;
    expect(socket.url).toBe('ws://127.0.0.1:9000/bridge');
    const first = api.invoke('app:info', {});
    const second = api.invoke('sale:current', {});
    socket.open();
    expect(socket.sent).toEqual([{ auth: TOKEN }]);
    socket.receive({ ready: { role: 'cashier', training: true } });
    expect(socket.sent.slice(1)).toEqual([
      { id: 1, channel: 'app:info', payload: {} },
      { id: 2, channel: 'sale:current', payload: {} },
    ]);
    socket.receive({ id: 2, result: { ok: false, error: { code: 'X', message: 'two' } } });
    socket.receive({ id: 1, result: { ok: true, value: 'one' } });
    await expect(first).resolves.toEqual({ ok: true, value: 'one' });
    await expect(second).resolves.toEqual({ ok: false, error: { code: 'X', message: 'two' } });
  });

  it('fails calls in flight when the socket drops, then reconnects with growing backoff', async () => {
    const { api, sockets, ready } = setup();
    ready(sockets[0]!);
    const pending = api.invoke('payment:payCash', { tenderedCents: 100 } as never);
    sockets[0]!.drop();
    await expect(pending).resolves.toEqual({ ok: false, error: { code: 'BRIDGE_DISCONNECTED', message: expect.any(String) } });
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop();
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    ready(sockets[2]!);
    const after = api.invoke('app:info', {});
    expect(sockets[2]!.sent.at(-1)).toMatchObject({ channel: 'app:info' });
    sockets[2]!.receive({ id: 2, result: { ok: true, value: 1 } });
    await expect(after).resolves.toEqual({ ok: true, value: 1 });
  });

  it('stops for good when the host refuses the token (1008)', async () => {
    const { api, sockets } = setup();
    sockets[0]!.open();
    const pending = api.invoke('app:info', {});
    sockets[0]!.drop(1008);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'BRIDGE_UNAUTHORIZED' } });
    await expect(api.invoke('app:info', {})).resolves.toMatchObject({ ok: false, error: { code: 'BRIDGE_UNAUTHORIZED' } });
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('never connects without a token', async () => {
    const { api, sockets } = setup('#nothing=here');
    await expect(api.invoke('app:info', {})).resolves.toMatchObject({ ok: false, error: { code: 'BRIDGE_NO_TOKEN' } });
    expect(sockets).toHaveLength(0);
  });

  it('refuses an oversized call locally, without dropping the socket', async () => {
    const { api, sockets, ready } = setup();
    ready(sockets[0]!);
    await expect(api.invoke('catalog:search', { query: 'x'.repeat(70_000) } as never)).resolves.toMatchObject({ ok: false, error: { code: 'MESSAGE_TOO_LARGE' } });
    expect(sockets[0]!.sent).toHaveLength(1);
  });

  it('dispatches events to each listener until it unsubscribes; a throwing listener does not stop others', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api, sockets, ready } = setup();
    ready(sockets[0]!);
    const seen: unknown[] = [];
    const listener = (payload: unknown) => seen.push(payload);
    api.on('app:connectivity', () => {
      throw new Error('broken screen');
    });
    const stopA = api.on('app:connectivity', listener);
    const stopB = api.on('app:connectivity', listener);
    sockets[0]!.receive({ event: 'app:connectivity', payload: { online: false } });
    expect(seen).toEqual([{ online: false }, { online: false }]);
    stopA();
    sockets[0]!.receive({ event: 'app:connectivity', payload: { online: true } });
    expect(seen).toHaveLength(3);
    stopB();
    sockets[0]!.receive({ event: 'app:connectivity', payload: { online: true } });
    expect(seen).toHaveLength(3);
  });

  it('ignores garbage and unknown ids from the socket', async () => {
    const { api, sockets, ready } = setup();
    ready(sockets[0]!);
    const pending = api.invoke('app:info', {});
    sockets[0]!.onmessage?.({ data: 'not json' });
    sockets[0]!.onmessage?.({ data: new ArrayBuffer(2) });
    sockets[0]!.receive({ id: 99, result: { ok: true, value: 'stray' } });
    sockets[0]!.receive({ id: 1, result: { nonsense: true } });
    sockets[0]!.receive({ id: 1, result: { ok: true, value: 'mine' } });
    await expect(pending).resolves.toEqual({ ok: true, value: 'mine' });
  });
});
