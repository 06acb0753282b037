// Opens one window per role and remembers which webContents belongs to which role: the only source of a
// caller's role for IPC and navigation checks.
import { BrowserWindow } from 'electron';
import type { HostApi, WindowRole } from '../app/host-api.js';
import type { Logger } from '../shared/logger.js';
import { preloadPathFor } from './app-paths.js';
import { recoverFromCrashes } from './crash-recovery.js';
import { applyPlacement, currentCustomerDisplayPlacement, watchDisplays } from './displays.js';
import { forwardHostEvents } from './ipc-registration.js';
import { applyShortcutPolicy, lockKioskWindow } from './kiosk.js';
import { roleUrl } from './security.js';
import { shortcutModeFor } from './shortcut-policy.js';
import { windowOptionsFor } from './window-options.js';

export interface RoleWindowsOptions {
  host: HostApi;
  appRoot: string;
  production: boolean;
  isQuitting(): boolean;
  log: Logger;
}

export class RoleWindows {
  private readonly roles = new Map<number, WindowRole>();
  private readonly windows = new Map<WindowRole, BrowserWindow>();

  roleOf(webContentsId: number): WindowRole | undefined {
    return this.roles.get(webContentsId);
  }

  focusFirst(): void {
    const first = [...this.windows.values()].find((w) => !w.isDestroyed() && w.isFocusable());
    if (!first) return;
    if (first.isMinimized()) first.restore();
    first.focus();
  }

  open(role: WindowRole, options: RoleWindowsOptions): BrowserWindow {
    const existing = this.windows.get(role);
    if (existing && !existing.isDestroyed()) return existing;
    const { host, appRoot, production, isQuitting, log } = options;
    const placement = role === 'customer-display' ? currentCustomerDisplayPlacement() : undefined;
    const context = { production, training: host.training, preloadPath: preloadPathFor(appRoot, role) };
    const windowOptions = windowOptionsFor(role, context, placement);
    // The baseline is restated here, last, so no edit to the options can loosen it and static scanners
    // (electronegativity) see it at the constructor call.
    const window = new BrowserWindow({
      ...windowOptions,
      webPreferences: {
        ...windowOptions.webPreferences,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const contentsId = window.webContents.id;
    this.roles.set(contentsId, role);
    this.windows.set(role, window);
    window.once('closed', () => {
      this.roles.delete(contentsId);
      this.windows.delete(role);
    });
    if (production || role === 'kiosk') window.removeMenu();
    if (role === 'kiosk') lockKioskWindow(window, isQuitting);
    if (role === 'customer-display') {
      const stopWatching = watchDisplays(() => applyPlacement(window, currentCustomerDisplayPlacement()));
      window.once('closed', stopWatching);
    }
    applyShortcutPolicy(window, shortcutModeFor(role, production));
    recoverFromCrashes(window, role, log.child(role));
    forwardHostEvents(host, window, role);
    // The customer display must not take focus from the cashier, so it is shown without activating it.
    window.once('ready-to-show', () => (role === 'customer-display' ? window.showInactive() : window.show()));
    window.loadURL(roleUrl(role)).catch((error: unknown) => log.error('window failed to load', { role, error: String(error) }));
    return window;
  }
}
