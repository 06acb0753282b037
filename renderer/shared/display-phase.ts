// What a customer-facing screen shows, from what main has told it. Pure, so the rules are unit-tested:
// the thank-you and the failure notice each show once, then give way; money that may have moved is "checking",
// never "failed".
import type { AttemptView, EventMap, SaleView } from '../../preload/contract.js';
import { holdsTill } from './attempt-state.js';

/** The QR as a screen holds it: main's `expiresInMs` turned into a monotonic deadline when it arrived. */
export type QrInfo = Omit<EventMap['payment:qr'], 'expiresInMs'> & {
  /** Monotonic ms (performance.now()) when the QR stops being valid. */
  expiresAt: number;
};

/** Turns a `payment:qr` event (or `payment:live`'s `qr`) into what the screen keeps; `receivedAt` is monotonic. */
export function qrFromEvent(event: EventMap['payment:qr'], receivedAt: number): QrInfo {
  const { expiresInMs, ...rest } = event;
  return { ...rest, expiresAt: receivedAt + Math.max(0, expiresInMs) };
}

export type DisplayPhase = 'welcome' | 'cart' | 'waiting' | 'confirm' | 'checking' | 'paid' | 'failed';

export interface DisplayInput {
  sale: SaleView | null;
  qr: QrInfo | null;
  attempt: AttemptView | null;
  /** The thank-you for this paid sale has been shown long enough. */
  thanksDone: boolean;
  /** The failure notice for this attempt has been shown long enough. */
  failureSeen: boolean;
  /** Monotonic now, the clock `qr.expiresAt` is on. */
  now: number;
}

/** The QR to show, if any: unexpired, and for an attempt the customer is still paying (or not yet reported). */
export function activeQr({ qr, attempt, now }: Pick<DisplayInput, 'qr' | 'attempt' | 'now'>): QrInfo | null {
  if (!qr || now >= qr.expiresAt) return null;
  if (!attempt || attempt.id < qr.attemptId) return qr;
  return attempt.id === qr.attemptId && attempt.phase === 'working' ? qr : null;
}

export function displayPhase(input: DisplayInput): DisplayPhase {
  const { sale, thanksDone, failureSeen } = input;
  // A finished attempt of an earlier sale says nothing about this one.
  const attempt = input.attempt && sale && input.attempt.saleId !== sale.id ? null : input.attempt;
  // ...and neither does its QR (the paid QR of the last sale is not "waiting" on the next one).
  const qr = input.attempt && !attempt && input.qr && input.qr.attemptId <= input.attempt.id ? null : input.qr;
  if (sale?.status === 'paid') return thanksDone ? 'welcome' : 'paid';
  if (activeQr({ ...input, qr, attempt })) return 'waiting';
  // Released by a manager: the sale takes another tender while this one is still asked about; not the customer's wait.
  if (attempt && holdsTill(attempt)) {
    if (attempt.phase === 'checking') return 'checking';
    // Merchant-scan: the wallet asks the customer to confirm (password) on their phone.
    return attempt.tender === 'wallet_scan' ? 'confirm' : 'waiting';
  }
  if (attempt && attempt.phase === 'not-paid' && !attempt.released && !failureSeen) return 'failed';
  if (sale && sale.status === 'open' && sale.lines.length > 0) return 'cart';
  return 'welcome';
}
