// The trust checks of the Electron host as pure functions, so hostile inputs are unit-tested without Electron
// (docs/style.md §9). Everything the app shows comes from app://pos/; every other URL is foreign until proven otherwise.
import { WINDOW_ROLES, type HostApi, type WindowRole } from '../app/host-api.js';
import { webPolicy, type WebPolicy } from '../web-policy/web-policy.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pos';
export const APP_ORIGIN = 'app://pos';
export const RECOVERY_PAGE = 'recovery.html';

/** The built renderer has one HTML entry per role (Vite multi-page build into dist/renderer/). */
export const ROLE_PAGES: Readonly<Record<WindowRole, string>> = {
  cashier: 'cashier.html',
  'customer-display': 'customer-display.html',
  kiosk: 'kiosk.html',
  manager: 'manager.html',
};

const MAX_URL_LENGTH = 2048;
// Whitespace, control characters, invisible Unicode and backslashes never appear in our own URLs. Chromium and
// the WHATWG parser in Node disagree about some of them, and a spoof lives exactly in such a disagreement.
const INVISIBLE_OR_BACKSLASH = /[\\\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff]/;

function suspicious(url: string): boolean {
  for (let i = 0; i < url.length; i += 1) {
    const unit = url.charCodeAt(i);
    if (unit <= 0x20 || (unit >= 0x7f && unit <= 0xa0)) return true; // controls, space, DEL, C1, NBSP
  }
  return INVISIBLE_OR_BACKSLASH.test(url);
}

function parseStrict(url: unknown): URL | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH || suspicious(url)) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A URL of our own renderer, `app://pos/...`, with no credentials, port or look-alike host. */
export function parseAppUrl(url: unknown): URL | undefined {
  // The literal prefix check runs first: Electron hands us canonical URLs, so anything else is not ours.
  if (typeof url !== 'string' || !url.startsWith(`${APP_ORIGIN}/`)) return undefined;
  const parsed = parseStrict(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return undefined;
  return parsed;
}

export function isAppUrl(url: unknown): boolean {
  return parseAppUrl(url) !== undefined;
}

/** The role whose page this URL shows, matched exactly (no encoded or case variants). */
export function roleOfAppUrl(url: unknown): WindowRole | undefined {
  const parsed = parseAppUrl(url);
  if (!parsed) return undefined;
  return WINDOW_ROLES.find((role) => parsed.pathname === `/${ROLE_PAGES[role]}`);
}

export function roleUrl(role: WindowRole): string {
  return `${APP_ORIGIN}/${ROLE_PAGES[role]}`;
}

/**
 * A window may only navigate to its own role's page (the recovery page's "reload" link). Navigating a cashier
 * window to manager.html would not gain it the manager role (the sender check compares with the window's role),
 * but it would show a manager screen that cannot work; refusing is clearer.
 */
export function navigationAllowed(url: unknown, windowRole: WindowRole): boolean {
  return roleOfAppUrl(url) === windowRole;
}

/** New windows are never opened by the renderer; a POS has no pop-ups. */
export function windowOpenAllowed(_url: unknown): false {
  return false;
}

/** Whether a denied window-open may instead go to the OS browser: http(s), no credentials, origin on the list. */
export function externalLinkAllowed(url: unknown, allowedOrigins: readonly string[] = []): boolean {
  const parsed = parseStrict(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return allowedOrigins.some((origin) => parseStrict(origin)?.origin === parsed.origin);
}

export interface PermissionGrant {
  permission: string;
  origin: string;
}

/** Renderer permissions (camera, HID, serial, notifications, …) are denied unless explicitly granted; none are. */
export function permissionAllowed(permission: string, origin: string, grants: readonly PermissionGrant[] = []): boolean {
  return grants.some((g) => g.permission === permission && g.origin === origin && origin === APP_ORIGIN);
}

/** An IPC caller is trusted only when its top frame shows the page of the role its window was opened for. */
export function senderAllowed(frameUrl: unknown, expectedRole: WindowRole | undefined): boolean {
  return expectedRole !== undefined && roleOfAppUrl(frameUrl) === expectedRole;
}

/**
 * The web policy of app:// pages (main/web-policy/, shared with the browser host): the CSP sent with every
 * app:// response admits the composed host's card origin (IOTPay live, the sandbox in training) as script and
 * frame. No sockets: Electron pages talk to main over IPC.
 */
export function electronWebPolicy(host: Pick<HostApi, 'cardFormOrigin' | 'training'>): WebPolicy {
  return webPolicy({ appOrigins: [APP_ORIGIN], cardOrigin: host.cardFormOrigin, training: host.training });
}
