// The app:// scheme: the renderer is loaded from app://pos/ (not file://) so it has a real origin, a strict CSP
// header on every response, and no way to read files outside the built renderer folder.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { assertNever } from '../shared/assert-never.js';
import type { Logger } from '../shared/logger.js';
import { resolveAppRequest } from './app-paths.js';
import { recoveryPageHtml } from './recovery-page.js';
import { APP_SCHEME } from './security.js';

/** Must run before app 'ready' (Electron only accepts privileged schemes then). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: a real origin for 'self' and relative URLs; secure: treated like https (no mixed-content downgrade).
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export interface AppProtocolOptions {
  rootDir: string;
  contentSecurityPolicy: string;
  training: boolean;
  log: Logger;
}

function respond(body: string | Uint8Array<ArrayBuffer>, status: number, contentType: string, csp: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

export function serveAppProtocol(session: Session, options: AppProtocolOptions): void {
  const { rootDir, contentSecurityPolicy: csp, training, log } = options;
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return respond('method not allowed', 405, 'text/plain', csp);
    const target = resolveAppRequest(rootDir, request.url);
    switch (target.kind) {
      case 'refused':
        log.warn('app:// request refused', { url: request.url.slice(0, 200), reason: target.reason });
        return respond(target.reason, target.status, 'text/plain', csp);
      case 'recovery':
        return respond(recoveryPageHtml(target.role, training), 200, 'text/html; charset=utf-8', csp);
      case 'file':
        try {
          return respond(new Uint8Array(await readFile(target.filePath)), 200, target.contentType, csp);
        } catch (error) {
          // A missing file is an ordinary 404; anything else is logged so a broken install is visible.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.error('app:// read failed', { file: target.filePath, error: String(error) });
          return respond('not found', 404, 'text/plain', csp);
        }
      default:
        return assertNever(target, 'app request');
    }
  });
}
