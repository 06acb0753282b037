// The background sync (docs/store.md "Sync"): pushes the outbox shortly after new events appear, reports in on a
// heartbeat when there is nothing to send, and backs off (doubling, capped) while the store is unreachable. Nothing
// on the payment path waits for it: sales are committed to the journal first and the sync reads them later. Clock
// and scheduler are parameters, so tests drive the backoff without sleeping.
import type pg from 'pg';
import type { Journal } from '../journal/database.js';
import { outboxState, unsentEventCount } from '../journal/store-outbox.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { describePgError, StoreSetupError } from './store-errors.js';
import { pushOutbox, type PushResult } from './store-push.js';

export interface SyncScheduler {
  /** Runs `fn` once after `ms`; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
}

export const realScheduler: SyncScheduler = {
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

export interface SyncTimings {
  /** How often to look for new events while all is well. */
  idleMs: number;
  /** Report in at least this often, even with nothing to send (the managers' "last sync"). */
  heartbeatMs: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_SYNC_TIMINGS: SyncTimings = { idleMs: 500, heartbeatMs: 30_000, firstBackoffMs: 1_000, maxBackoffMs: 60_000 };

export interface SyncStatus {
  /** Terminal clock, ms, of the last push the store acknowledged; null: never. */
  lastSyncAt: number | null;
  /** Events the store has not acknowledged yet. */
  unsent: number;
  lastError: string | null;
  quarantineReason: string | null;
  /** Failures in a row (the backoff's exponent). */
  failures: number;
}

export interface StoreSyncOptions {
  journal: Journal;
  pool: pg.Pool;
  clock: Clock;
  scheduler?: SyncScheduler;
  logger: Logger;
  timings?: Partial<SyncTimings>;
}

/** The delay before try `failures + 1`: first, 2×first, 4×first, ... capped. */
export function backoffDelay(failures: number, timings: Pick<SyncTimings, 'firstBackoffMs' | 'maxBackoffMs'>): number {
  if (failures <= 0) return 0;
  return Math.min(timings.maxBackoffMs, timings.firstBackoffMs * 2 ** Math.min(failures - 1, 30));
}

export class StoreSync {
  private readonly timings: SyncTimings;
  private readonly scheduler: SyncScheduler;
  private cancel: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;
  private lastOkMono: number | undefined;
  private quarantine: string | null = null;
  /** Nudged while a push ran: look again right after it. */
  private nudged = false;

  constructor(private readonly options: StoreSyncOptions) {
    this.timings = { ...DEFAULT_SYNC_TIMINGS, ...options.timings };
    this.scheduler = options.scheduler ?? realScheduler;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** New events were just committed: look now rather than at the next idle tick (never waits for the push). */
  nudge(): void {
    if (this.stopped || this.failures > 0) return;
    if (this.running) this.nudged = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    await this.running;
  }

  status(): SyncStatus {
    const s = outboxState(this.options.journal);
    return { lastSyncAt: s.ackedAt, unsent: Math.max(0, s.headSeq - s.ackedSeq), lastError: s.lastError, quarantineReason: this.quarantine ?? s.quarantineReason, failures: this.failures };
  }

  /** One round now (what a tick does); resolves when done, never throws. */
  async runOnce(): Promise<PushResult | undefined> {
    let result: PushResult | undefined;
    try {
      result = await pushOutbox(this.options.journal, this.options.pool, { logger: this.options.logger });
      this.failures = 0;
      this.lastOkMono = this.options.clock.monotonic();
      this.quarantine = result.outcome === 'quarantined' ? result.reason : null;
    } catch (error) {
      this.failures += 1;
      const words = error instanceof StoreSetupError ? error.message : describePgError(error);
      // Logged, not rethrown: the sync retries with backoff, and the payment path never sees it.
      this.options.logger.warn('store sync failed; retrying with backoff', { failures: this.failures, problem: words, code: (error as { code?: string }).code });
    }
    return result;
  }

  private due(): boolean {
    if (unsentEventCount(this.options.journal) > 0) return true;
    return this.lastOkMono === undefined || this.options.clock.monotonic() - this.lastOkMono >= this.timings.heartbeatMs;
  }

  private schedule(ms: number): void {
    this.cancel?.();
    this.cancel = this.scheduler.after(ms, () => void this.tick());
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    let work: Promise<void> | undefined;
    try {
      if (this.quarantine === null && this.due()) {
        work = this.runOnce().then(() => undefined);
        this.running = work;
        await work;
      }
    } catch (error) {
      this.failures += 1; // reading the journal failed (a storage fault): same backoff
      this.options.logger.warn('store sync could not read the journal', { error: String(error) });
    } finally {
      this.running = undefined;
    }
    if (this.stopped) return;
    const again = this.nudged;
    this.nudged = false;
    const next = this.failures > 0 ? backoffDelay(this.failures, this.timings) : this.quarantine !== null ? this.timings.heartbeatMs : again ? 0 : this.timings.idleMs;
    this.schedule(next);
  }
}
