// BrowserWindow options per role, as data: the security baseline (docs/style.md §9) is asserted by unit tests here,
// not remembered at each `new BrowserWindow`. Type-only import: this file never loads Electron at run time.
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';
import type { WindowRole } from '../app/host-api.js';
import { assertNever } from '../shared/assert-never.js';

export interface WindowContext {
  /** app.isPackaged: DevTools are off in production. */
  production: boolean;
  /** Absolute path of this role's bundled, sandbox-compatible preload. */
  preloadPath: string;
  training: boolean;
}

export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
}

export type CustomerDisplayPlacement =
  | { kind: 'secondary-display'; displayId: number; bounds: Rectangle; fullscreen: true }
  | { kind: 'own-window'; width: number; height: number; fullscreen: false };

const TITLES: Readonly<Record<WindowRole, string>> = {
  cashier: 'Cashier',
  'customer-display': 'Customer display',
  kiosk: 'Self-checkout',
  manager: 'Manager',
};

export function webPreferencesFor(role: WindowRole, context: WindowContext): WebPreferences {
  return {
    preload: context.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Middle-click (auxclick) can open links in a new window; window-open is denied anyway, this stops the event.
    disableBlinkFeatures: 'Auxclick',
    // A kiosk is a public machine: no DevTools even in a development build.
    devTools: !context.production && role !== 'kiosk',
    spellcheck: false,
    safeDialogs: true,
  };
}

/**
 * The customer display goes full screen on the first display that is not the cashier's (the primary). With one
 * display, it is an ordinary window so a developer or a single-screen shop still sees it.
 */
export function placeCustomerDisplay(displays: readonly DisplayInfo[], primaryId: number): CustomerDisplayPlacement {
  const secondary = displays.find((display) => display.id !== primaryId && display.bounds.width > 0 && display.bounds.height > 0);
  if (secondary) return { kind: 'secondary-display', displayId: secondary.id, bounds: { ...secondary.bounds }, fullscreen: true };
  return { kind: 'own-window', width: 1024, height: 768, fullscreen: false };
}

function roleLayout(role: WindowRole, placement: CustomerDisplayPlacement | undefined): BrowserWindowConstructorOptions {
  switch (role) {
    case 'kiosk':
      return { kiosk: true, fullscreen: true, frame: false, closable: false, minimizable: false, resizable: false };
    case 'customer-display': {
      const place = placement ?? { kind: 'own-window', width: 1024, height: 768, fullscreen: false };
      // Not focusable: keyboard-wedge scanners type into the focused window, which must stay the cashier's.
      const common = { focusable: false, minimizable: false };
      return place.kind === 'secondary-display'
        ? { ...common, ...place.bounds, fullscreen: true, frame: false }
        : { ...common, width: place.width, height: place.height, fullscreen: false };
    }
    case 'cashier':
      return { width: 1280, height: 800, minWidth: 1024, minHeight: 700 };
    case 'manager':
      return { width: 1280, height: 800, minWidth: 900, minHeight: 600 };
    default:
      return assertNever(role, 'window role');
  }
}

export function windowOptionsFor(role: WindowRole, context: WindowContext, placement?: CustomerDisplayPlacement): BrowserWindowConstructorOptions {
  return {
    title: `IOTPay POS — ${TITLES[role]}${context.training ? ' — TRAINING' : ''}`,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...roleLayout(role, placement),
    webPreferences: webPreferencesFor(role, context),
  };
}
