// The origins that go into the CSP or decide who may talk to the app, each checked here once for both hosts.
// A string that reached a CSP unchecked could widen it (`*`, `'unsafe-inline'`), add a directive (`;`) or point
// it at a hostile scheme (`javascript:`, `data:`). Pure: only the WHATWG `URL` global, so it runs in main,
// under plain Node tests and in a page alike.
import { WebPolicyError, type WebPolicyErrorCode } from './errors.js';

const MAX_ORIGIN_LENGTH = 200;
/** scheme://host[:port][/] and nothing else: no path, query, fragment, credentials, space, quote, `;`, `,` or `*`. */
const BARE_ORIGIN = /^([a-z][a-z0-9+.-]*):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::([1-9][0-9]{0,4}))?\/?$/;
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost']);
/** Schemes whose origins the WHATWG parser computes itself (`URL.origin`); any other scheme's is opaque there. */
const SPECIAL_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ws', 'wss']);
/** Schemes that never name a server of ours. */
const NEVER_APP_SCHEMES: ReadonlySet<string> = new Set(['javascript', 'data', 'blob', 'file', 'filesystem', 'about', 'ws', 'wss', 'ftp', 'chrome', 'devtools', 'view-source']);

interface Origin {
  scheme: string;
  hostname: string;
  /** Canonical `scheme://host[:port]`, default ports dropped, lower case. */
  origin: string;
}

function parseBareOrigin(value: unknown): Origin | undefined {
  if (typeof value !== 'string' || value.length > MAX_ORIGIN_LENGTH) return undefined;
  const match = BARE_ORIGIN.exec(value.toLowerCase());
  if (!match) return undefined;
  const [, scheme = '', , port] = match;
  if (port !== undefined && Number(port) > 65535) return undefined;
  const text = value.toLowerCase().replace(/\/$/, '');
  if (!SPECIAL_SCHEMES.has(scheme)) return { scheme, hostname: match[2] ?? '', origin: text };
  try {
    const url = new URL(text);
    return { scheme, hostname: url.hostname, origin: url.origin };
  } catch {
    return undefined;
  }
}

function refuse(code: WebPolicyErrorCode, what: string, value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
  throw new WebPolicyError(code, `${what}, got ${shown}`);
}

const isLoopback = (parsed: Origin): boolean => LOOPBACK_HOSTS.has(parsed.hostname);

/**
 * The card form's origin (`HostApi.cardFormOrigin`): https, or, in training only, http on 127.0.0.1 or
 * localhost (the built-in sandbox). Returned canonical (`https://ccapi.iotpaycloud.com`).
 */
export function checkedCardOrigin(value: unknown, training: boolean): string {
  const parsed = parseBareOrigin(value);
  const ok = parsed !== undefined && (parsed.scheme === 'https' || (parsed.scheme === 'http' && training && isLoopback(parsed)));
  if (!ok) refuse('BAD_CARD_ORIGIN', `card form origin must be https://host${training ? ' or http://127.0.0.1:PORT' : ''}`, value);
  return parsed.origin;
}

/** An origin our own pages are served from: a custom app scheme (`app://pos`), https, or http on loopback. */
export function checkedAppOrigin(value: unknown): string {
  const parsed = parseBareOrigin(value);
  const ok = parsed !== undefined && !NEVER_APP_SCHEMES.has(parsed.scheme) && (parsed.scheme !== 'http' || isLoopback(parsed));
  if (!ok) refuse('BAD_APP_ORIGIN', 'app origin must be scheme://host[:port] (http on loopback only)', value);
  return parsed.origin;
}

/** A WebSocket endpoint our pages open: wss, or ws on loopback. */
export function checkedSocketOrigin(value: unknown): string {
  const parsed = parseBareOrigin(value);
  const ok = parsed !== undefined && (parsed.scheme === 'wss' || (parsed.scheme === 'ws' && isLoopback(parsed)));
  if (!ok) refuse('BAD_SOCKET_ORIGIN', 'socket origin must be wss://host or ws://127.0.0.1:PORT', value);
  return parsed.origin;
}

/** The `Host` header a request to this origin carries (`host[:port]`, default port dropped). */
export function hostOf(origin: string): string {
  return origin.slice(origin.indexOf('://') + 3);
}

/** The origin of a full URL, or undefined for anything unparsable or carrying credentials. */
export function originOfUrl(value: unknown): { scheme: string; origin: string } | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') return undefined;
  const scheme = url.protocol.slice(0, -1);
  if (SPECIAL_SCHEMES.has(scheme)) return { scheme, origin: url.origin };
  return { scheme, origin: url.host === '' ? 'null' : `${scheme}://${url.host}` };
}
