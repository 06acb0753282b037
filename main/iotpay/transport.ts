// The HTTP transport under the IOTPay client. It only moves bytes; what a failure *means* for money is
// decided in request-sender.ts. What it must report exactly is whether the request could have left:
// a failure before the connection opened is `not_sent` (nothing charged), anything later is `lost`.
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

export interface TransportRequest {
  url: string;
  contentType: string;
  body: string;
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  body: string;
  /** Response headers, lower-case names; only `pos gateway check` reads one (`date`, for clock skew). */
  headers?: Readonly<Record<string, string>>;
}

function flatHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export type TransportFailureKind = 'not_sent' | 'timeout' | 'lost';

export class TransportError extends Error {
  constructor(readonly kind: TransportFailureKind, message: string, readonly causeCode?: string) {
    super(message);
    this.name = 'TransportError';
  }
}

export type HttpTransport = (request: TransportRequest) => Promise<TransportResponse>;

/** Largest response we read; IOTPay bodies are a few hundred bytes, so anything huge is garbage. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

function isConnected(socket: Socket, secure: boolean): boolean {
  if (socket.connecting) return false;
  // A TLS socket has finished TCP but may still be handshaking; no request byte leaves before that.
  return !secure || (socket as Socket & { encrypted?: boolean; authorized?: boolean }).encrypted === true;
}

/** node:http(s) transport: explicit about connect versus in-flight failures, unlike a bare fetch(). */
export const nodeHttpTransport: HttpTransport = (request) =>
  new Promise<TransportResponse>((resolve, reject) => {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') {
      reject(new TransportError('not_sent', `unsupported protocol ${url.protocol}`));
      return;
    }
    let connected = false;
    const signal = AbortSignal.timeout(request.timeoutMs);
    const req = (secure ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': request.contentType, 'content-length': Buffer.byteLength(request.body) },
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('response too large'));
          else chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: flatHeaders(res.headers) }));
        res.on('error', (err) => fail(err));
      },
    );
    const fail = (err: Error & { code?: string }) => {
      if (signal.aborted) reject(new TransportError(connected ? 'timeout' : 'not_sent', `no response within ${request.timeoutMs} ms`, 'TIMEOUT'));
      else reject(new TransportError(connected ? 'lost' : 'not_sent', err.message, err.code));
    };
    req.on('socket', (socket: Socket) => {
      if (isConnected(socket, secure)) connected = true;
      else socket.once(secure ? 'secureConnect' : 'connect', () => (connected = true));
    });
    req.on('error', fail);
    req.end(request.body);
  });
