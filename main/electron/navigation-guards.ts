// Deny by default, for every webContents the app ever creates: navigation away from the window's own page,
// pop-ups, <webview>, downloads and renderer permission prompts (docs/style.md §9).
import { shell, type Session, type WebContents } from 'electron';
import type { WindowRole } from '../app/host-api.js';
import type { Logger } from '../shared/logger.js';
import { externalLinkAllowed, navigationAllowed, permissionAllowed, windowOpenAllowed } from './security.js';

export interface GuardOptions {
  /** Which role a webContents was opened for; undefined for anything we did not open. */
  roleOf(webContentsId: number): WindowRole | undefined;
  /** Origins whose links may open in the OS browser. Empty by default. */
  externalOrigins: readonly string[];
  log: Logger;
}

export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  const { roleOf, externalOrigins, log } = options;
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    const role = roleOf(contents.id);
    if (role !== undefined && navigationAllowed(url, role)) return;
    event.preventDefault();
    log.warn('navigation refused', { role, url: url.slice(0, 200) });
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => refuseNavigation(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    // No pop-ups, ever; an allow-listed http(s) link goes to the OS browser instead of a new app window.
    if (externalLinkAllowed(url, externalOrigins)) {
      shell.openExternal(url).catch((error: unknown) => log.warn('could not open external link', { error: String(error) }));
    } else {
      log.warn('window.open refused', { url: url.slice(0, 200) });
    }
    return { action: windowOpenAllowed(url) ? 'allow' : 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview refused');
  });
}

/** Scanners and printers belong to main; the renderer never needs HID, serial, USB or any other permission. */
export function lockDownSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = permissionAllowed(permission, originOf(details.requestingUrl));
    if (!allowed) log.warn('permission refused', { permission });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    event.preventDefault();
    log.warn('download refused');
  });
}

function originOf(url: string): string {
  try {
    // Node reports 'null' as the origin of a non-special scheme such as app://, so build it by hand.
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '';
  }
}
