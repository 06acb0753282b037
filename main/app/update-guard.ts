// Whether the app may install a downloaded update now, and where updates come from. Pure: no electron, no
// journal, no clock, so every combination is unit-tested (test/unit/update-guard.test.ts). The updater glue
// (main/electron/updater.ts) asks `updateDecision` right before quitAndInstall and again on a timer.
//
// The rule: an app that takes payments never restarts itself while money may still move. Any attempt that is
// not final blocks (working: created, sent, pending; checking: expired, unknown), and so does any refund still
// being settled, a receipt still queued for the printer, or a store message not yet sent. Anything we cannot
// read counts as busy: a guard that fails open would install in the middle of a payment.
import { isInFlightAttemptState, isSettledRefundState, REFUND_STATES, type AttemptState, type RefundState } from '../../preload/payment-states.js';

/** What is in flight, as the composition root reads it (HostApi.inFlight). */
export interface InFlightWork {
  /** States of the journal's non-final attempts (nonFinalAttempts). */
  attemptStates: readonly AttemptState[];
  /** States of the journal's unsettled refunds (nonFinalRefunds). */
  refundStates: readonly RefundState[];
  /** Receipts waiting for the printer: the journal's queued print jobs (main/printing/print-queue.ts, docs/printing.md). */
  printQueue: number;
  /** Journal events the store database has not acknowledged yet (main/app/store-link.ts); 0 without a store. */
  storeOutbox: number;
}

export type UpdateBlocker = 'PAYMENT_IN_FLIGHT' | 'REFUND_PROCESSING' | 'PRINT_QUEUE_NOT_EMPTY' | 'STORE_OUTBOX_NOT_EMPTY' | 'STATE_UNKNOWN';

export type UpdateDecision = { install: true } | { install: false; blockers: UpdateBlocker[] };

/** Settled means a known state that is final; isSettledRefundState alone would let an unknown string through. */
function refundSettled(state: RefundState): boolean {
  return (REFUND_STATES as readonly string[]).includes(state) && isSettledRefundState(state);
}

function isEmptyCount(value: unknown): boolean {
  return value === 0;
}

/**
 * May a downloaded update be installed now? `undefined` (the host cannot say what is in flight, or reading the
 * journal failed) blocks, and so do malformed inputs (a count that is not exactly 0, a state list that is not a list).
 */
export function updateDecision(work: InFlightWork | undefined): UpdateDecision {
  if (work === undefined || work === null || typeof work !== 'object') return { install: false, blockers: ['STATE_UNKNOWN'] };
  const blockers: UpdateBlocker[] = [];
  const attempts: unknown = work.attemptStates;
  const refunds: unknown = work.refundStates;
  if (!Array.isArray(attempts) || !Array.isArray(refunds)) blockers.push('STATE_UNKNOWN');
  // isInFlightAttemptState is "not settled", so a state this build does not know counts as in flight.
  if (Array.isArray(attempts) && attempts.some((state: AttemptState) => isInFlightAttemptState(state))) blockers.push('PAYMENT_IN_FLIGHT');
  if (Array.isArray(refunds) && refunds.some((state: RefundState) => !refundSettled(state))) blockers.push('REFUND_PROCESSING');
  if (!isEmptyCount(work.printQueue)) blockers.push('PRINT_QUEUE_NOT_EMPTY');
  if (!isEmptyCount(work.storeOutbox)) blockers.push('STORE_OUTBOX_NOT_EMPTY');
  return blockers.length === 0 ? { install: true } : { install: false, blockers };
}

/** The `updates` block of settings.json (main/config/settings.ts). */
export interface UpdateSettings {
  enabled: boolean;
  url?: string;
}

export type UpdateFeed = { on: true; url: string } | { on: false; reason: string };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where electron-updater's generic provider looks for latest.yml. Off unless settings turn it on with a URL.
 * https only (plain http on loopback for a test server): an update is code that will run with the merchant key.
 */
export function updateFeed(settings: UpdateSettings | undefined, packaged: boolean): UpdateFeed {
  if (!settings?.enabled) return { on: false, reason: 'updates are off (settings.json "updates": { "enabled": false })' };
  if (!packaged) return { on: false, reason: 'updates apply to an installed app only, not to a development run' };
  if (typeof settings.url !== 'string' || settings.url === '') return { on: false, reason: 'updates are enabled but settings.json names no "updates.url"' };
  let parsed: URL;
  try {
    parsed = new URL(settings.url);
  } catch {
    return { on: false, reason: 'updates.url is not a URL' };
  }
  if (parsed.username !== '' || parsed.password !== '') return { on: false, reason: 'updates.url must not carry credentials' };
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname));
  if (!secure) return { on: false, reason: 'updates.url must be https (http only on 127.0.0.1/localhost)' };
  if (parsed.search !== '' || parsed.hash !== '') return { on: false, reason: 'updates.url must be a folder URL without query or fragment' };
  return { on: true, url: parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/` };
}

/** One log line's worth: what holds the update back, in words. */
export function describeBlockers(blockers: readonly UpdateBlocker[]): string {
  const words: Record<UpdateBlocker, string> = {
    PAYMENT_IN_FLIGHT: 'a payment is in flight',
    REFUND_PROCESSING: 'a refund is processing',
    PRINT_QUEUE_NOT_EMPTY: 'receipts are waiting for the printer',
    STORE_OUTBOX_NOT_EMPTY: 'messages are waiting for the store',
    STATE_UNKNOWN: 'what is in flight cannot be read',
  };
  return blockers.map((b) => words[b]).join('; ');
}
