// One /bridge WebSocket: the first frame must carry a role token; after that, calls go to host.invoke with the
// token's role and the role's events come back. This module checks nothing about channels or payloads:
// validation and allow-lists live behind host.invoke, once, for both hosts alike.
import type { RawData, WebSocket } from 'ws';
import type { HostApi, IpcResult, WindowRole } from '../app/host-api.js';
import type { Logger } from '../shared/logger.js';
import { bridgeError, parseClientMessage, type HostMessage } from './bridge-protocol.js';
import type { RoleTokens } from './role-tokens.js';

/** RFC 6455 §7.4.1: "policy violation", the close code for a refused token. */
export const CLOSE_POLICY_VIOLATION = 1008;
const AUTH_TIMEOUT_MS = 5_000;
/** A screen has a handful of calls in flight at most; more is a runaway loop, not a till. */
const MAX_IN_FLIGHT = 64;
/** A tab that stops reading must not grow main's memory without bound. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export interface BridgeConnectionOptions {
  host: HostApi;
  tokens: RoleTokens;
  log: Logger;
  authTimeoutMs?: number;
}

function rawToBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

export function attachBridgeConnection(socket: WebSocket, options: BridgeConnectionOptions): void {
  const { host, tokens, log } = options;
  let role: WindowRole | undefined;
  let unsubscribe: (() => void) | undefined;
  let inFlight = 0;

  const send = (message: HostMessage): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      log.warn('bridge client stopped reading; dropping it', { role });
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(message));
  };
  const refuse = (reason: string): void => {
    log.warn('bridge connection refused', { reason });
    socket.close(CLOSE_POLICY_VIOLATION, reason);
  };

  const authTimer = setTimeout(() => refuse('no token presented in time'), options.authTimeoutMs ?? AUTH_TIMEOUT_MS);
  socket.on('close', () => {
    clearTimeout(authTimer);
    unsubscribe?.();
    unsubscribe = undefined;
  });
  socket.on('error', (error) => log.warn('bridge socket error', { role, error: error.message }));

  const answer = async (id: number, channel: string, payload: unknown, caller: WindowRole): Promise<void> => {
    let result: IpcResult;
    try {
      result = await host.invoke(caller, channel, payload);
    } catch (error) {
      // invoke promises an IpcResult; a throw is a bug behind it. The journal stays the truth, so answer and log.
      log.error('host.invoke threw', { channel, role: caller, error: String(error) });
      result = bridgeError('INTERNAL', 'Something went wrong; the sale is unchanged. Try again.');
    }
    send({ id, result });
  };

  socket.on('message', (data, isBinary) => {
    const bytes = rawToBuffer(data);
    const message = parseClientMessage(isBinary ? '' : bytes.toString('utf8'), bytes.byteLength, isBinary);
    if (role === undefined) {
      if (message.kind !== 'auth') return refuse('first message must carry the token');
      const matched = tokens.roleForToken(message.token);
      if (matched === undefined) return refuse('unknown token');
      clearTimeout(authTimer);
      role = matched;
      const own = matched;
      unsubscribe = host.subscribe(own, (event, payload) => send({ event, payload }));
      send({ ready: { role: own, training: host.training } });
      return;
    }
    switch (message.kind) {
      case 'invalid':
        return send({ id: message.id, result: bridgeError(message.code, message.message) });
      case 'auth':
        // The role is fixed for the connection's life; a second token never changes it.
        return send({ id: null, result: bridgeError('BAD_MESSAGE', 'This connection is already authenticated.') });
      case 'call': {
        if (inFlight >= MAX_IN_FLIGHT) return send({ id: message.id, result: bridgeError('TOO_MANY_CALLS', 'Too many requests at once; wait and try again.') });
        inFlight += 1;
        void answer(message.id, message.channel, message.payload, role).finally(() => (inFlight -= 1));
        return;
      }
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  });
}
