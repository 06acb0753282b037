import { describe, expect, it } from 'vitest';
import { WINDOW_ROLES } from '../../main/app/host-api.js';
import { placeCustomerDisplay, webPreferencesFor, windowOptionsFor, type WindowContext } from '../../main/electron/window-options.js';

const production: WindowContext = { production: true, training: false, preloadPath: '/app/dist/preload/cashier.cjs' };
const development: WindowContext = { ...production, production: false };
const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const secondary = { id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 600 } };

describe('webPreferencesFor', () => {
  it.each(WINDOW_ROLES)('%s: isolated, sandboxed, no Node, web security on, own preload', (role) => {
    for (const context of [production, development]) {
      const prefs = webPreferencesFor(role, { ...context, preloadPath: `/app/dist/preload/${role}.cjs` });
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        preload: `/app/dist/preload/${role}.cjs`,
      });
    }
  });

  it('DevTools only in development, and never for the kiosk', () => {
    for (const role of WINDOW_ROLES) expect(webPreferencesFor(role, production).devTools).toBe(false);
    expect(webPreferencesFor('cashier', development).devTools).toBe(true);
    expect(webPreferencesFor('manager', development).devTools).toBe(true);
    expect(webPreferencesFor('kiosk', development).devTools).toBe(false);
  });
});

describe('windowOptionsFor', () => {
  it('kiosk is a locked full-screen kiosk window', () => {
    expect(windowOptionsFor('kiosk', production)).toMatchObject({ kiosk: true, fullscreen: true, closable: false, minimizable: false });
  });

  it('windows start hidden and titles carry the TRAINING marker in training mode', () => {
    expect(windowOptionsFor('cashier', production)).toMatchObject({ show: false, title: 'IOTPay POS — Cashier' });
    expect(windowOptionsFor('cashier', { ...production, training: true }).title).toBe('IOTPay POS — Cashier — TRAINING');
  });

  it('customer display never takes focus from the cashier (keyboard-wedge scanners type into the focused window)', () => {
    expect(windowOptionsFor('customer-display', production).focusable).toBe(false);
    expect(windowOptionsFor('customer-display', production, placeCustomerDisplay([primary, secondary], 1)).focusable).toBe(false);
  });

  it('customer display sits full screen on the secondary display when there is one', () => {
    const options = windowOptionsFor('customer-display', production, placeCustomerDisplay([primary, secondary], 1));
    expect(options).toMatchObject({ x: 1920, y: 0, width: 1024, height: 600, fullscreen: true });
    expect(windowOptionsFor('customer-display', production, placeCustomerDisplay([primary], 1))).toMatchObject({ fullscreen: false, width: 1024, height: 768 });
  });

  it('cashier and manager are ordinary windows, not kiosks', () => {
    for (const role of ['cashier', 'manager'] as const) {
      const options = windowOptionsFor(role, production);
      expect(options.kiosk).toBeUndefined();
      expect(options.fullscreen).toBeUndefined();
    }
  });
});

describe('placeCustomerDisplay', () => {
  it('one display: its own window', () => {
    expect(placeCustomerDisplay([primary], 1)).toEqual({ kind: 'own-window', width: 1024, height: 768, fullscreen: false });
  });

  it('no displays reported: its own window', () => {
    expect(placeCustomerDisplay([], 1).kind).toBe('own-window');
  });

  it('two displays: full screen on the one that is not primary, wherever it is listed', () => {
    expect(placeCustomerDisplay([primary, secondary], 1)).toEqual({ kind: 'secondary-display', displayId: 2, bounds: secondary.bounds, fullscreen: true });
    expect(placeCustomerDisplay([secondary, primary], 1)).toMatchObject({ displayId: 2 });
    expect(placeCustomerDisplay([primary, secondary], 2)).toMatchObject({ displayId: 1, bounds: primary.bounds });
  });

  it('three displays: the first non-primary; a zero-size display is skipped', () => {
    const third = { id: 3, bounds: { x: -800, y: 0, width: 800, height: 480 } };
    const broken = { id: 4, bounds: { x: 0, y: 0, width: 0, height: 0 } };
    expect(placeCustomerDisplay([primary, third, secondary], 1)).toMatchObject({ displayId: 3 });
    expect(placeCustomerDisplay([primary, broken], 1).kind).toBe('own-window');
  });

  it('returns a copy of the bounds, not the caller’s object', () => {
    const placement = placeCustomerDisplay([primary, secondary], 1);
    expect(placement.kind === 'secondary-display' && placement.bounds !== secondary.bounds).toBe(true);
  });
});
