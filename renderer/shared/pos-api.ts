// The screen's way to main: the preload's `window.pos` inside Electron, or the loopback bridge when the same
// screens run in a plain browser (the browser host). Screens never know which.
import type { PosApi } from '../../preload/contract.js';
import { createBrowserBridge } from './browser-bridge.js';

declare global {
  interface Window {
    pos?: PosApi;
  }
}

let api: PosApi | undefined;

export function getPosApi(): PosApi {
  api ??= window.pos ?? createBrowserBridge(window.location);
  return api;
}
