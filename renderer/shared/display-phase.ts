// What a customer-facing screen shows, from what main has told it. Pure, so the rules are unit-tested:
// the thank-you and the failure notice each show once, then give way.
import type { AttemptView, EventMap, SaleView } from '../../preload/contract.js';
import { isAttemptLive } from './attempt-state.js';

export type QrInfo = EventMap['payment:qr'];
export type DisplayPhase = 'welcome' | 'cart' | 'waiting' | 'confirm' | 'paid' | 'failed';

export interface DisplayInput {
  sale: SaleView | null;
  qr: QrInfo | null;
  attempt: AttemptView | null;
  /** The thank-you for this paid sale has been shown long enough. */
  thanksDone: boolean;
  /** The failure notice for this attempt has been shown long enough. */
  failureSeen: boolean;
  now: number;
}

/** The QR to show, if any: unexpired, and for an attempt that is still in play (or not yet reported). */
export function activeQr({ qr, attempt, now }: Pick<DisplayInput, 'qr' | 'attempt' | 'now'>): QrInfo | null {
  if (!qr || now >= qr.expiresAt) return null;
  if (!attempt || attempt.id < qr.attemptId) return qr;
  return attempt.id === qr.attemptId && isAttemptLive(attempt.state) ? qr : null;
}

export function displayPhase(input: DisplayInput): DisplayPhase {
  const { sale, thanksDone, failureSeen } = input;
  // A finished attempt of an earlier sale says nothing about this one.
  const attempt = input.attempt && sale && input.attempt.saleId !== sale.id ? null : input.attempt;
  // ...and neither does its QR (the paid QR of the last sale is not "waiting" on the next one).
  const qr = input.attempt && !attempt && input.qr && input.qr.attemptId <= input.attempt.id ? null : input.qr;
  if (sale?.status === 'paid') return thanksDone ? 'welcome' : 'paid';
  if (activeQr({ ...input, qr, attempt })) return 'waiting';
  if (attempt && isAttemptLive(attempt.state)) {
    // Merchant-scan: the wallet asks the customer to confirm (password) on their phone.
    return attempt.tender === 'wallet_scan' ? 'confirm' : 'waiting';
  }
  if (attempt && attempt.state !== 'succeeded' && !failureSeen) return 'failed';
  if (sale && sale.status === 'open' && sale.lines.length > 0) return 'cart';
  return 'welcome';
}
