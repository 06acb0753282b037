// The card script URL the app hands out (app:info → cardFormScriptUrl) must pass EACH host's CSP, in training
// and live mode. The E2E runs only on the browser host, so this is what catches an Electron CSP that blocks the
// card form (it once had `script-src 'self'` only). The CSP is read the way each host sends it: the browser
// host's from a real HTTP response, Electron's from the function electron-host.ts hands to the app:// handler.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import { WINDOW_ROLES, type HostApi } from '../../main/app/host-api.js';
import { startBrowserHost, type BrowserHost } from '../../main/browser-host/browser-host.js';
import { APP_ORIGIN, electronWebPolicy } from '../../main/electron/security.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { closedLoopbackUrl } from '../support/loopback.js';
import { makeTempDir } from '../support/temp-dir.js';

// A small CSP reader, independent of main/web-policy: directive → sources, with default-src as the fallback.
function sourcesFor(csp: string, directive: string): string[] {
  const map = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!.toLowerCase(), values]));
  return map.get(directive) ?? map.get('default-src') ?? [];
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** CSP3 source matching, enough for what our policies use: 'self', 'none', scheme-sources and host-sources. */
function admits(csp: string, directive: string, target: string, selfOrigin: string): boolean {
  const url = new URL(target);
  const origin = `${url.protocol}//${url.host}`;
  return sourcesFor(csp, directive).some((source) => {
    if (source === "'self'") return origin === selfOrigin;
    if (source.startsWith("'")) return false; // 'none', nonces and keywords admit no URL here
    if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return url.protocol === source.toLowerCase();
    const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^:/]+)(?::(\d+|\*))?(\/.*)?$/i.exec(source);
    if (!m) return false;
    const [, scheme, wildcard, host, port, path] = m;
    if (scheme !== undefined && `${scheme.toLowerCase()}:` !== url.protocol) return false;
    const hostOk = wildcard ? url.hostname.endsWith(`.${host!.toLowerCase()}`) : url.hostname === host!.toLowerCase();
    const portOk = port === '*' || (port ?? DEFAULT_PORTS[url.protocol]) === (url.port || DEFAULT_PORTS[url.protocol]);
    const pathOk = path === undefined || (path.endsWith('/') ? url.pathname.startsWith(path) : url.pathname === path);
    return hostOk && portOk && pathOk;
  });
}


const logger = createLogger('test', silentSink);
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function composed(mode: 'training' | 'live'): Promise<{ host: HostApi; scriptUrl: string; server: BrowserHost }> {
  const dir = makeTempDir(`pos-web-policy-${mode}-`);
  cleanups.push(() => dir.remove());
  const gatewayOverrides = mode === 'live' ? { gatewayUrl: await closedLoopbackUrl(), mchId: '10000701', key: 'LIVEKEY' } : undefined;
  const host = await composeApp({ dataDir: join(dir.path, 'data'), logger, gatewayOverrides });
  cleanups.push(() => host.close());
  const info = await host.invoke('cashier', 'app:info', {});
  if (!info.ok) throw new Error(`app:info failed: ${JSON.stringify(info)}`);
  const scriptUrl = String((info.value as { cardFormScriptUrl: unknown }).cardFormScriptUrl);
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  for (const role of WINDOW_ROLES) writeFileSync(join(rendererDir, `${role}.html`), '<!doctype html>');
  const server = await startBrowserHost({ host, rendererDir, logger });
  cleanups.push(() => server.close());
  return { host, scriptUrl, server };
}

/** Each host's CSP as its pages get it, with the origin 'self' means there. */
async function hostPolicies(host: HostApi, server: BrowserHost): Promise<Array<{ name: string; csp: string; self: string }>> {
  const page = await fetch(new URL('/cashier.html', server.url));
  expect(page.status).toBe(200);
  return [
    { name: 'browser host', csp: page.headers.get('content-security-policy') ?? '', self: new URL(server.url).origin },
    { name: 'electron', csp: electronWebPolicy(host).contentSecurityPolicy, self: APP_ORIGIN },
  ];
}

describe('the card script URL from app:info passes both hosts’ CSP', () => {
  it('the CSP reader refuses what it should (a check of the check)', () => {
    const broken = "default-src 'self'; script-src 'self'; frame-src https://ccapi.iotpaycloud.com";
    expect(admits(broken, 'script-src', 'https://ccapi.iotpaycloud.com/cc/iotpaycc.js', APP_ORIGIN)).toBe(false);
    expect(admits(broken, 'frame-src', 'https://ccapi.iotpaycloud.com/cc/form', APP_ORIGIN)).toBe(true);
    expect(admits(broken, 'script-src', 'app://pos/assets/a.js', APP_ORIGIN)).toBe(true);
    expect(admits("script-src 'self' http://127.0.0.1:4000", 'script-src', 'http://127.0.0.1:4001/cc/iotpaycc.js', APP_ORIGIN)).toBe(false);
  });

  it('training: the sandbox script, and the card iframe it mounts, pass each host’s script-src and frame-src', async () => {
    const { host, scriptUrl, server } = await composed('training');
    expect(host.training).toBe(true);
    expect(scriptUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cc\/iotpaycc\.js$/);
    // The iframe's origin is the one the served script builds its src from (main/sandbox/card-form-pages.ts).
    const script = await (await fetch(scriptUrl)).text();
    const frameOrigin = JSON.parse(/var ORIGIN = ("[^"]+");/.exec(script)?.[1] ?? 'null') as string;
    expect(frameOrigin).toBe(new URL(scriptUrl).origin);
    for (const { name, csp, self } of await hostPolicies(host, server)) {
      expect(admits(csp, 'script-src', scriptUrl, self), `${name}: ${csp}`).toBe(true);
      expect(admits(csp, 'frame-src', `${frameOrigin}/cc/form?key=${'0'.repeat(64)}&mode=Pay`, self), `${name}: ${csp}`).toBe(true);
      expect(admits(csp, 'script-src', 'https://evil.example/iotpaycc.js', self), name).toBe(false);
      expect(csp, name).not.toMatch(/unsafe-|\*/);
    }
  });

  it('live: IOTPay’s card script and its iframe pass each host’s script-src and frame-src', async () => {
    const { host, scriptUrl, server } = await composed('live');
    expect(host.training).toBe(false);
    expect(scriptUrl).toBe('https://ccapi.iotpaycloud.com/cc/iotpaycc.js');
    for (const { name, csp, self } of await hostPolicies(host, server)) {
      expect(admits(csp, 'script-src', scriptUrl, self), `${name}: ${csp}`).toBe(true);
      expect(admits(csp, 'frame-src', `${new URL(scriptUrl).origin}/cc/form`, self), `${name}: ${csp}`).toBe(true);
      // Live mode admits no plain-http origin at all: not the dead gateway, not a loopback sandbox.
      expect(csp, name).not.toMatch(/http:|unsafe-|\*/);
    }
  });
});
