// The contract over the browser host's loopback WebSocket, for when the screens run in a plain browser (tests,
// development, Chromium-kiosk thin clients). Same PosApi as the Electron preload; browser APIs only.
// Wire format: main/browser-host/bridge-protocol.ts. The token comes from the page's #fragment and decides the
// role on the host; it is never stored (localStorage is shared by every role's page on this origin).
import type { ChannelName, ChannelRequest, ChannelResponse, ErrorCode, EventMap, EventName, IpcResult, PosApi } from '../../preload/contract.js';

type AnyResult = IpcResult<unknown>;
type Listener = (payload: unknown) => void;

/** The subset of the DOM WebSocket the bridge uses, so tests can hand in another implementation. */
export interface BridgeSocket {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface BrowserBridgeOptions {
  createSocket?: (url: string) => BridgeSocket;
  /** Delay before reconnect attempt `n` (0-based). */
  backoffMs?: (attempt: number) => number;
}

/** Mirrors the host's limit, so an oversized call fails here with its own id instead of dropping the socket. */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** The host closes with 1008 when the token is wrong: retrying with the same token cannot succeed. */
const CLOSE_POLICY_VIOLATION = 1008;
const OPEN = 1;

const fail = (code: ErrorCode, message: string): AnyResult => ({ ok: false, error: { code, message } });
const DISCONNECTED = fail('BRIDGE_DISCONNECTED', 'The connection to the till was lost. Check the sale before trying again.');
const NO_TOKEN = fail('BRIDGE_NO_TOKEN', 'This page was opened without its access token. Open the link the till printed.');
const UNAUTHORIZED = fail('BRIDGE_UNAUTHORIZED', 'The till no longer accepts this page (it was restarted). Open the new link it printed.');
const TOO_LARGE = fail('MESSAGE_TOO_LARGE', 'That request is too large to send.');

export function tokenFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token !== null && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : undefined;
}

const defaultBackoff = (attempt: number): number => Math.min(5_000, 250 * 2 ** attempt);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResult(value: unknown): value is AnyResult {
  return isRecord(value) && (value.ok === true || (value.ok === false && isRecord(value.error)));
}

export function createBrowserBridge(location: Pick<Location, 'hash' | 'host' | 'protocol'>, options: BrowserBridgeOptions = {}): PosApi {
  const token = tokenFromHash(location.hash);
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`;
  const createSocket = options.createSocket ?? ((u: string): BridgeSocket => new WebSocket(u) as unknown as BridgeSocket);
  const backoff = options.backoffMs ?? defaultBackoff;
  const listeners = new Map<string, Set<Listener>>();
  /** Calls sent on the current socket, by id; each settles exactly once. */
  const inFlight = new Map<number, (result: AnyResult) => void>();
  /** Calls made before the socket was ready; sent in order once it is. */
  let queued: { id: number; frame: string; settle: (result: AnyResult) => void }[] = [];
  let nextId = 1;
  let socket: BridgeSocket | undefined;
  let ready = false;
  let refused = false;
  let attempt = 0;

  const failAll = (result: AnyResult): void => {
    const settles = [...inFlight.values(), ...queued.map((q) => q.settle)];
    inFlight.clear();
    queued = [];
    settles.forEach((settle) => settle(result));
  };

  const dispatch = (event: string, payload: unknown): void => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One screen's broken listener must not stop the others from hearing the event.
        console.error(`pos bridge: listener for ${event} threw`, error);
      }
    }
  };

  const onFrame = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return; // the host only sends JSON; a broken frame is ignored rather than guessed at
    }
    if (!isRecord(message)) return;
    if ('ready' in message) {
      ready = true;
      attempt = 0;
      const waiting = queued;
      queued = [];
      for (const call of waiting) {
        inFlight.set(call.id, call.settle);
        socket?.send(call.frame);
      }
    } else if (typeof message.event === 'string') {
      dispatch(message.event, message.payload);
    } else if (typeof message.id === 'number' && isResult(message.result)) {
      const settle = inFlight.get(message.id);
      inFlight.delete(message.id);
      settle?.(message.result);
    }
  };

  const connect = (): void => {
    ready = false;
    const current = createSocket(url);
    socket = current;
    current.onopen = () => current.send(JSON.stringify({ auth: token }));
    current.onmessage = (event) => onFrame(event.data);
    current.onerror = () => {}; // onclose follows with the code; that is where we decide
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = undefined;
      ready = false;
      if (event.code === CLOSE_POLICY_VIOLATION) {
        refused = true;
        return failAll(UNAUTHORIZED);
      }
      // Calls in flight may or may not have run; they fail so the screen re-reads state instead of re-sending.
      failAll(DISCONNECTED);
      setTimeout(connect, backoff(attempt));
      attempt += 1;
    };
  };

  const call = (channel: string, request: unknown): Promise<AnyResult> => {
    if (token === undefined) return Promise.resolve(NO_TOKEN);
    if (refused) return Promise.resolve(UNAUTHORIZED);
    const id = nextId;
    nextId += 1;
    const frame = JSON.stringify({ id, channel, payload: request });
    if (new TextEncoder().encode(frame).byteLength > MAX_MESSAGE_BYTES) return Promise.resolve(TOO_LARGE);
    return new Promise<AnyResult>((settle) => {
      if (ready && socket?.readyState === OPEN) {
        inFlight.set(id, settle);
        socket.send(frame);
      } else {
        queued.push({ id, frame, settle });
      }
    });
  };

  if (token !== undefined) connect();

  return {
    invoke<C extends ChannelName>(channel: C, request: ChannelRequest<C>) {
      return call(channel, request) as Promise<IpcResult<ChannelResponse<C>>>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      // A fresh wrapper per call: the same function subscribed twice gets two independent unsubscribes.
      const stored: Listener = (payload) => listener(payload as EventMap[E]);
      set.add(stored);
      return () => {
        set.delete(stored);
      };
    },
  };
}
