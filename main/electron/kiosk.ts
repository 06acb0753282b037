// Locks a window down: no menu, no DevTools, and the shortcut policy (shortcut-policy.ts) applied to every key.
// The kiosk also stays full screen and cannot be closed except by quitting the app (service stop, SIGTERM).
import type { BrowserWindow } from 'electron';
import { shortcutBlocked, type ShortcutMode } from './shortcut-policy.js';

export function applyShortcutPolicy(window: BrowserWindow, mode: ShortcutMode): void {
  if (mode === 'development') return;
  window.webContents.on('before-input-event', (event, input) => {
    if (shortcutBlocked(input, mode)) event.preventDefault();
  });
}

export function lockKioskWindow(window: BrowserWindow, isQuitting: () => boolean): void {
  window.removeMenu();
  window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  window.on('close', (event) => {
    if (!isQuitting()) event.preventDefault();
  });
  window.on('leave-full-screen', () => window.setKiosk(true));
}
