// What every gateway handler is given, and what it hands back to the server for faults and scenarios.
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Ledger } from './ledger.js';
import type { Merchant } from './merchant.js';
import type { Notifier } from './notify.js';
import type { AnswerShapes } from './shapes.js';

export interface GatewayContext {
  merchant: Merchant;
  ledger: Ledger;
  clock: Clock;
  /** How long a scenario 02/03 customer spends "entering the password". */
  passwordMs: number;
  notifier: Notifier;
  logger: Logger;
  /** The gateway's own origin, for hosted-page links (`redirectUrl`). */
  gatewayUrl: () => string;
  /** Which documented or observed answer shapes this run uses (shapes.ts). */
  shapes: AnswerShapes;
  /** How long a refund answered "in progress" (refundStatus 0 or 1) takes to become a success. */
  refundSettleMs: number;
}

/**
 * `destroy` (scenario 05) and `hold` (scenario 06) happen after the ledger commit, like the faults of the same
 * names: the money moved, only the answer is lost or late.
 */
export interface GatewayReply {
  body: Record<string, unknown>;
  afterCommit?: 'destroy' | 'hold';
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
