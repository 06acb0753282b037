// The loopback browser host: the built renderer over HTTP and the contract over a WebSocket at /bridge, on
// 127.0.0.1 only, with one fresh token per role per launch. It moves messages; host.invoke does the rest.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WINDOW_ROLES, type HostApi, type WindowRole } from '../app/host-api.js';
import type { Logger } from '../shared/logger.js';
import { attachBridgeConnection } from './bridge-connection.js';
import { HARD_MAX_FRAME_BYTES } from './bridge-protocol.js';
import { checkedCardOrigin } from '../web-policy/origins.js';
import type { WebPolicy } from '../web-policy/web-policy.js';
import { BrowserHostError } from './errors.js';
import { browserHostPolicy } from './http-policy.js';
import { createRoleTokens } from './role-tokens.js';
import { createStaticHandler } from './static-server.js';

export const BRIDGE_PATH = '/bridge';
export const LOOPBACK = '127.0.0.1';
const CLOSE_GRACE_MS = 500;

export interface BrowserHostOptions {
  host: HostApi;
  /** The Vite build output: `<role>.html` and its assets. */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  logger: Logger;
}

export interface BrowserHost {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly port: number;
  /** Each role's page with its token in the fragment (never sent in requests, Referer or server logs). */
  readonly urls: Readonly<Record<WindowRole, string>>;
  /** Closes every socket and the server; does not close the HostApi, which the caller owns. */
  close(): Promise<void>;
}

function rejectUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { host, rendererDir, logger: log } = options;
  // A bad card origin (host.cardFormOrigin) refuses the start before a port is bound; the policy needs the port.
  checkedCardOrigin(host.cardFormOrigin, host.training);
  const tokens = createRoleTokens();
  let policy: WebPolicy | undefined;
  const currentPolicy = (): WebPolicy => {
    if (policy === undefined) throw new BrowserHostError('LISTEN_FAILED', 'request before the host was listening');
    return policy;
  };
  const missing = WINDOW_ROLES.filter((role) => !existsSync(join(rendererDir, `${role}.html`)));
  if (missing.length > 0) log.warn('renderer pages missing; run npm run build:renderer', { rendererDir, missing: missing.join(',') });

  const handleStatic = createStaticHandler({ rendererDir, policy: currentPolicy, log: log.child('http') });
  const server = createServer((request, response) => {
    handleStatic(request, response).catch((error: unknown) => {
      log.error('static request failed', { error: String(error) });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  // No compression: it buys nothing on loopback and invites decompression bombs.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: HARD_MAX_FRAME_BYTES, perMessageDeflate: false });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?', 1)[0];
    if (path !== BRIDGE_PATH) return rejectUpgrade(socket, '404 Not Found');
    const { isAppHost, isAppOrigin } = currentPolicy();
    if (!isAppHost(request.headers.host) || !isAppOrigin(request.headers.origin)) {
      log.warn('WebSocket refused: foreign Host or Origin', { host: request.headers.host?.slice(0, 100), origin: request.headers.origin?.slice(0, 100) });
      return rejectUpgrade(socket, '403 Forbidden');
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attachBridgeConnection(ws, { host, tokens, log: log.child('bridge') }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new BrowserHostError('LISTEN_FAILED', `cannot listen on ${LOOPBACK}:${options.port ?? 0}: ${error.message}`)));
    server.listen(options.port ?? 0, LOOPBACK, () => {
      try {
        policy = browserHostPolicy((server.address() as AddressInfo).port, host);
        resolve();
      } catch (error) {
        server.close();
        reject(error as Error);
      }
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${LOOPBACK}:${port}/`;
  const urls = Object.fromEntries(WINDOW_ROLES.map((role) => [role, `${url}${role}.html#token=${tokens.tokens[role]}`])) as Record<WindowRole, string>;
  log.info('browser host listening', { url });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      // 1001 "going away" lets a bridge show "reconnecting"; a client that does not answer the close is cut off.
      for (const client of sockets.clients) {
        client.close(1001, 'host shutting down');
        setTimeout(() => client.terminate(), CLOSE_GRACE_MS).unref();
      }
      sockets.close();
    });
    return closing;
  };
  return { url, port, urls: Object.freeze(urls), close };
}
