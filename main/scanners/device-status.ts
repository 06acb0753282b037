// What the UI shows per scanner: connected, retrying (with why), or stopped. Driver failures end up here.
import type { ScannerErrorCode } from './errors.js';

export type DeviceState = 'connecting' | 'open' | 'reconnecting' | 'unavailable' | 'stopped';

export interface DeviceStatus {
  deviceId: string;
  state: DeviceState;
  /** Consecutive failed opens; 0 once a connection holds. */
  attempt: number;
  retryInMs?: number;
  error?: { code: ScannerErrorCode; message: string };
}

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 250, maxMs: 10_000 };

/** Doubling delay, capped: an unplugged scanner is retried quickly at first, then without spinning the CPU. */
export function backoffDelay(policy: BackoffPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 20));
}
