// One ipcMain.handle per contract channel, and event forwarding per window. The caller's role comes from the
// window it was opened for, confirmed by its top frame's URL: never from the payload. Everything else
// (schema, role allow-list) is checked once behind host.invoke, for both hosts alike.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { HostApi, IpcResult, WindowRole } from '../app/host-api.js';
import type { Logger } from '../shared/logger.js';
import { roleOfAppUrl, senderAllowed } from './security.js';

export interface IpcRegistration {
  host: HostApi;
  /** The contract's channel names (preload/contract.ts); this module keeps no list of its own. */
  channels: readonly string[];
  roleOf(webContentsId: number): WindowRole | undefined;
  log: Logger;
}

const SENDER_REFUSED: IpcResult = { ok: false, error: { code: 'SENDER_REFUSED', message: 'This screen may not make that request.' } };
const INTERNAL: IpcResult = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; the sale is unchanged. Try again.' } };

/** The role of a verified caller, or undefined: sub-frames (the IOTPay card iframe) and foreign pages get none. */
export function callerRole(event: IpcMainInvokeEvent, roleOf: (id: number) => WindowRole | undefined): WindowRole | undefined {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return undefined;
  const expected = roleOf(event.sender.id);
  return senderAllowed(frame.url, expected) ? expected : undefined;
}

/** Returns a function that removes every handler it added. */
export function registerIpcHandlers(registration: IpcRegistration): () => void {
  const { host, roleOf, log } = registration;
  const channels = [...new Set(registration.channels)];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult> => {
      const role = callerRole(event, roleOf);
      if (role === undefined) {
        log.warn('IPC sender refused', { channel, frame: event.senderFrame?.url.slice(0, 200) });
        return SENDER_REFUSED;
      }
      try {
        return await host.invoke(role, channel, payload);
      } catch (error) {
        // invoke promises an IpcResult; a throw is a bug behind it. The journal stays the truth, so answer and log.
        log.error('IPC handler threw', { channel, role, error: String(error) });
        return INTERNAL;
      }
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Pushes the role's events to the window while it shows its own page; unsubscribes when the window closes. */
export function forwardHostEvents(host: HostApi, window: BrowserWindow, role: WindowRole): void {
  const contents = window.webContents;
  const unsubscribe = host.subscribe(role, (event, payload) => {
    if (contents.isDestroyed() || roleOfAppUrl(contents.getURL()) !== role) return;
    contents.send(event, payload);
  });
  window.once('closed', unsubscribe);
}
