// The Electron preload, bundled once per window role (scripts/build-electron.ts → dist/preload/<role>.cjs).
// The role and its allow-lists are build-time constants (preload/build-defines.ts), never read from the page;
// the page gets `window.pos` with exactly invoke and on. ipcRenderer itself is never exposed (docs/style.md §3).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WindowRole } from './contract.js';
import { createRoleApi, type IpcPort } from './role-api.js';

/** Replaced by esbuild `define` with JSON literals. */
declare const __POS_ROLE__: WindowRole;
declare const __POS_CHANNELS__: readonly string[];
declare const __POS_EVENTS__: readonly string[];

const ipc: IpcPort = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  on(event, listener) {
    // The IpcRendererEvent carries `sender` (ipcRenderer itself); only the payload crosses to the page.
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('pos', createRoleApi({ role: __POS_ROLE__, channels: __POS_CHANNELS__, events: __POS_EVENTS__ }, ipc));
