// What a host (Electron in main/electron/, or the loopback browser host in main/browser-host/) gets from the
// composition root. Hosts only move messages: validation, role checks and everything else happen behind
// `invoke`, once, for both hosts alike (docs/style.md §2, "Validate at the door, once").

import type { IpcResult as ContractResult, WindowRole } from '../../preload/contract.js';
import type { InFlightWork } from './update-guard.js';

export type { WindowRole };
export const WINDOW_ROLES: readonly WindowRole[] = ['cashier', 'customer-display', 'kiosk', 'manager'];
export type IpcResult<T = unknown> = ContractResult<T>;

export interface HostApi {
  /** Validates `payload` against the channel's schema and the role's allow-list, then runs the handler. */
  invoke(role: WindowRole, channel: string, payload: unknown): Promise<IpcResult>;
  /** Events the role may see (the customer display sees amounts, the QR and status; no refunds or reports). */
  subscribe(role: WindowRole, listener: (event: string, payload: unknown) => void): () => void;
  /** True in training mode: every screen shows the TRAINING marker. */
  readonly training: boolean;
  /**
   * Training mode only: the built-in sandbox's control API, where a trainer (or a test) plays the customer:
   * pays or cancels a QR, submits the card form. Printed by the hosts; never sent to a screen.
   */
  readonly trainingControlUrl?: string;
  /** Origin of the card form's script and iframe (IOTPay, or the training sandbox): the hosts' CSP allows it. */
  readonly cardFormOrigin: string;
  /**
   * What is in flight right now (non-final attempts and refunds, queues), read from the journal on each call. The
   * desktop updater asks before installing (main/app/update-guard.ts); a host without it is treated as busy.
   */
  inFlight?(): InFlightWork;
  /** Stops timers, closes the journal and the training sandbox. */
  close(): Promise<void>;
}

export interface ComposeOptions {
  /** The app's data folder: journal, settings, training ledger. */
  dataDir: string;
  /** The OS secret store, when the host has one (Electron safeStorage). Never a plaintext fallback. */
  secretStore?: MerchantSecretStore;
  /** `--gateway URL --mch-id ID --key KEY` from a command line. */
  gatewayOverrides?: { gatewayUrl?: string; mchId?: string; key?: string };
  /** The store database passwords in the OS secret store (docs/store.md), when the host has one. */
  storeSecrets?: StoreSecretStore;
}

/** Like the merchant key: one password per store role this terminal uses, never written where the OS has no store. */
export interface StoreSecretStore {
  isAvailable(): boolean;
  read(access: 'terminal' | 'manager'): string | undefined;
  write(access: 'terminal' | 'manager', password: string): void;
}

export interface MerchantSecretStore {
  /** False where the OS offers no real secret store; then the key is never stored. */
  isAvailable(): boolean;
  read(): string | undefined;
  write(key: string): void;
}
