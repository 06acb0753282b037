// Answers GET/HEAD for the built renderer: the Host check first (DNS rebinding), then the pure path check,
// then a realpath check so a symlink inside the folder cannot point outside it. Every answer, errors
// included, carries the security headers.
import { realpath, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sep } from 'node:path';
import type { Logger } from '../shared/logger.js';
import type { WebPolicy } from '../web-policy/web-policy.js';
import { securityHeaders } from './http-policy.js';
import { resolveStaticRequest } from './static-files.js';

export interface StaticServerOptions {
  rendererDir: string;
  /** The host's web policy (CSP, Host check), known once the port is. */
  policy(): WebPolicy;
  log: Logger;
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** The file's real path if it is a regular file inside the real renderer folder; undefined otherwise. */
async function containedFile(rootDir: string, filePath: string): Promise<string | undefined> {
  try {
    const [root, real] = await Promise.all([realpath(rootDir), realpath(filePath)]);
    if (!real.startsWith(root + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined; // missing file or folder: a plain 404, nothing worth logging
  }
}

export function createStaticHandler(options: StaticServerOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const policy = options.policy();
    const headers = securityHeaders(policy);
    if (!policy.isAppHost(request.headers.host)) {
      options.log.warn('request refused: foreign Host header', { host: request.headers.host?.slice(0, 100) });
      return plain(response, 421, 'Misdirected request', headers);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(response, 405, 'Method not allowed', { ...headers, Allow: 'GET, HEAD' });
    }
    const resolved = resolveStaticRequest(options.rendererDir, request.url ?? '');
    if (resolved.kind === 'refused') {
      if (resolved.status !== 404) options.log.warn('request refused', { reason: resolved.reason, url: request.url?.slice(0, 200) });
      return plain(response, resolved.status, resolved.status === 404 ? 'Not found' : 'Refused', headers);
    }
    const real = await containedFile(options.rendererDir, resolved.filePath);
    if (real === undefined) return plain(response, 404, 'Not found', headers);
    const body = await readFile(real);
    response.writeHead(200, { ...headers, 'Content-Type': resolved.contentType, 'Content-Length': body.byteLength });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
