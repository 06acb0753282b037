// Which origins may serve the card form's script and iframe. Live: IOTPay's card API. Training: the sandbox's
// loopback stand-in. The composed host reports it (HostApi.cardFormOrigin).
// Every origin is checked before it goes into the CSP, so no string from elsewhere can widen or break it.
import type { HostApi } from '../app/host-api.js';
import { BrowserHostError } from './errors.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An https origin, or an http one on loopback; returned in canonical form (`scheme://host[:port]`). */
export function checkedCardOrigin(origin: string): string {
  let parsed: URL | undefined;
  try {
    parsed = /^[a-z][a-z0-9+.-]*:\/\/[^\s;,'"*]+$/i.test(origin) ? new URL(origin) : undefined;
  } catch {
    parsed = undefined;
  }
  const schemeOk = parsed?.protocol === 'https:' || (parsed?.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname));
  const bare = parsed !== undefined && parsed.username === '' && parsed.password === '' && (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '' && parsed.hash === '';
  if (!parsed || !schemeOk || !bare || origin.replace(/\/$/, '') !== parsed.origin) {
    throw new BrowserHostError('BAD_CARD_ORIGIN', `card form origin must be https://host or http://127.0.0.1:PORT, got ${JSON.stringify(origin.slice(0, 80))}`);
  }
  return parsed.origin;
}

/** The card origins for a composed host: the one it reports (IOTPay live, the sandbox in training), checked. */
export function cardOriginsFor(host: HostApi): string[] {
  return [checkedCardOrigin(host.cardFormOrigin)];
}
