// One web policy for both hosts: the Electron host's app:// pages and the browser host's loopback pages get
// their CSP and their origin checks from this one pure function, fed with what differs between them. Two
// hand-written copies drifted apart once: Electron's script-src lacked the card origin, so the card form
// (IOTPay's iotpaycc.js, added by renderer/shared/card-form.ts) was blocked there while the browser-host
// E2E passed. No electron import and no Node-only globals, so both hosts and plain Node tests load it.
import { WebPolicyError } from './errors.js';
import { checkedAppOrigin, checkedCardOrigin, checkedSocketOrigin, hostOf, originOfUrl } from './origins.js';

export interface WebPolicyInput {
  /** Where our own pages are served from (`'self'`): Electron `app://pos`; browser host `http://127.0.0.1:PORT`, `http://localhost:PORT`. */
  appOrigins: readonly string[];
  /** Origin of the card form's script and iframe: `HostApi.cardFormOrigin` (IOTPay live, the sandbox in training). */
  cardOrigin: string;
  /** Training mode: only then may the card origin be plain http, and only on loopback (the built-in sandbox). */
  training: boolean;
  /** WebSocket endpoints the pages open (the browser host's bridge). Electron talks over IPC and passes none. */
  socketOrigins?: readonly string[];
}

export const DIRECTIVES = [
  'default-src', 'script-src', 'style-src', 'img-src', 'font-src', 'media-src', 'connect-src', 'frame-src',
  'object-src', 'base-uri', 'form-action', 'frame-ancestors',
] as const;
export type Directive = (typeof DIRECTIVES)[number];

export interface WebPolicy {
  /** The `Content-Security-Policy` header value, the same directives for both hosts but connect-src's sockets. */
  readonly contentSecurityPolicy: string;
  readonly directives: Readonly<Record<Directive, readonly string[]>>;
  /** Canonical forms of the input's origins. */
  readonly appOrigins: readonly string[];
  readonly cardOrigin: string;
  readonly socketOrigins: readonly string[];
  /** An `Origin` header (or permission origin) from one of our own pages, matched exactly (no path, no slash). */
  isAppOrigin(origin: unknown): boolean;
  /** A `Host` header naming one of our own origins (a DNS-rebinding page arrives with its own name). */
  isAppHost(host: unknown): boolean;
  /** Whether this CSP lets a page of ours fetch `url` under `directive` (script-src: load it as a script, …). */
  allows(directive: Directive, url: unknown): boolean;
}

const SELF = "'self'";
const NONE = "'none'";

const unique = (values: readonly string[]): string[] => [...new Set(values)];

function sourceMatches(source: string, url: { scheme: string; origin: string }, appOrigins: readonly string[]): boolean {
  if (source === SELF) return appOrigins.includes(url.origin);
  if (source === NONE) return false;
  if (source.endsWith(':')) return source === `${url.scheme}:`; // a scheme source such as data:
  return source === url.origin;
}

export function webPolicy(input: WebPolicyInput): WebPolicy {
  if (input.appOrigins.length === 0) throw new WebPolicyError('BAD_APP_ORIGIN', 'a web policy needs at least one app origin');
  const appOrigins = unique(input.appOrigins.map(checkedAppOrigin));
  const cardOrigin = checkedCardOrigin(input.cardOrigin, input.training);
  const socketOrigins = unique((input.socketOrigins ?? []).map(checkedSocketOrigin));
  // No inline script and no eval anywhere. `style-src 'self'` suffices: Vite emits CSS files, and React's `style`
  // prop and iotpaycc.js set styles through the CSSOM, which CSP does not restrict.
  const directives: Record<Directive, readonly string[]> = {
    'default-src': [SELF],
    'script-src': [SELF, cardOrigin], // iotpaycc.js: the renderer adds it as a <script src> (PCI forbids bundling it)
    'style-src': [SELF],
    'img-src': [SELF, 'data:'], // QR codes are data: URLs
    'font-src': [SELF],
    'media-src': [SELF],
    'connect-src': [SELF, ...socketOrigins], // the card script only posts messages; its iframe fetches under its own CSP
    'frame-src': [cardOrigin], // the card form iframe iotpaycc.js mounts
    'object-src': [NONE],
    'base-uri': [NONE],
    'form-action': [NONE],
    'frame-ancestors': [NONE],
  };
  const appHosts = appOrigins.map(hostOf);
  return Object.freeze({
    contentSecurityPolicy: DIRECTIVES.map((name) => `${name} ${directives[name].join(' ')}`).join('; '),
    directives: Object.freeze(directives),
    appOrigins: Object.freeze(appOrigins),
    cardOrigin,
    socketOrigins: Object.freeze(socketOrigins),
    isAppOrigin: (origin: unknown) => typeof origin === 'string' && appOrigins.includes(origin.toLowerCase()),
    isAppHost: (host: unknown) => typeof host === 'string' && appHosts.includes(host.toLowerCase()),
    allows(directive: Directive, url: unknown): boolean {
      const target = originOfUrl(url);
      const sources = directives[directive] as readonly string[] | undefined;
      return target !== undefined && sources !== undefined && sources.some((source) => sourceMatches(source, target, appOrigins));
    },
  });
}
