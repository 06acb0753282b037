// Clock sanity (docs/journal.md "Clocks"). The journal records wall-clock times and store days come from them, so a
// till whose clock is wrong must say so: at start, a clock earlier than the newest journal event; while running, the
// wall clock moving more than JUMP_THRESHOLD_MS against the monotonic clock (main/shared/clock.ts). Each is a
// journaled `clock.*` event and an `app:clock` banner on the cashier and manager screens. Payments keep working, and
// day attribution does not depend on it: Z periods come from the journal, never the clock (main/journal/periods.ts).
import type { Journal } from '../journal/database.js';
import { appendEvent } from '../journal/events.js';
import type { Timers } from '../payments/timers.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

/** "A few minutes": an NTP correction is seconds; a clock set by hand or a dead CMOS battery is far more. */
export const JUMP_THRESHOLD_MS = 5 * 60_000;
/** How far behind the newest event the clock may be at start before it is called behind (a restart right after an NTP step back). */
export const BEHIND_TOLERANCE_MS = 60_000;
/** A jump banner stays this long (monotonic), unless the clock is behind the journal, which shows until it is not. */
export const JUMP_BANNER_MS = 60 * 60_000;
const CHECK_EVERY_MS = 15_000;

export type ClockWarning =
  | { kind: 'behind-journal'; behindMs: number; newestEventAt: number }
  | { kind: 'jumped'; jumpMs: number };

/** What the screens get (preload/contract.ts `app:clock`): the kind, and whole minutes to word it. */
export interface ClockBanner {
  warning: 'behind-journal' | 'jumped' | null;
  minutes: number;
}

export function bannerOf(warning: ClockWarning | undefined): ClockBanner {
  if (!warning) return { warning: null, minutes: 0 };
  const ms = warning.kind === 'behind-journal' ? warning.behindMs : Math.abs(warning.jumpMs);
  return { warning: warning.kind, minutes: Math.max(1, Math.round(ms / 60_000)) };
}

export function newestEventAt(journal: Journal): number | undefined {
  const row = journal.statement('SELECT max(at) AS at FROM events').get() as { at: number | null };
  return row.at ?? undefined;
}

function journalWarning(journal: Journal, logger: Logger, kind: string, payload: Record<string, number>): void {
  try {
    journal.write(() => appendEvent(journal, { kind, entity: 'terminal', entityId: journal.terminalId, payload }));
  } catch (error) {
    // A full disk must not stop the till over a warning; the log and the banner still say it.
    logger.error('could not journal the clock warning', { kind, error: String(error) });
  }
}

/** At start: is the clock earlier than the newest event? Journals `clock.behind_journal` when it is. */
export function checkClockAtStart(journal: Journal, clock: Clock, logger: Logger): ClockWarning | undefined {
  const newest = newestEventAt(journal);
  const now = clock.now();
  if (newest === undefined || now >= newest - BEHIND_TOLERANCE_MS) return undefined;
  const warning: ClockWarning = { kind: 'behind-journal', behindMs: newest - now, newestEventAt: newest };
  logger.warn('the clock is behind the journal: check the date and time', { now: new Date(now).toISOString(), newestEvent: new Date(newest).toISOString(), behindMs: warning.behindMs });
  journalWarning(journal, logger, 'clock.behind_journal', { now, newestEventAt: newest, behindMs: warning.behindMs });
  return warning;
}

export interface ClockWatchDeps {
  journal: Journal;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  /** The warning found at start (checkClockAtStart), if any. */
  atStart?: ClockWarning;
  onChange(banner: ClockBanner): void;
  everyMs?: number;
}

/** Watches the wall clock against the monotonic clock while the app runs. */
export class ClockWatch {
  private wall0: number;
  private mono0: number;
  private behind: Extract<ClockWarning, { kind: 'behind-journal' }> | undefined;
  private jump: { warning: Extract<ClockWarning, { kind: 'jumped' }>; at: number } | undefined;
  private shown: ClockBanner;
  private stopTimer: (() => void) | undefined;

  constructor(private readonly deps: ClockWatchDeps) {
    this.wall0 = deps.clock.now();
    this.mono0 = deps.clock.monotonic();
    this.behind = deps.atStart?.kind === 'behind-journal' ? deps.atStart : undefined;
    this.shown = bannerOf(this.current());
  }

  start(): void {
    this.stopTimer ??= this.deps.timers.every(this.deps.everyMs ?? CHECK_EVERY_MS, () => this.check());
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  banner(): ClockBanner {
    return this.shown;
  }

  /** One look at both clocks; the timer calls it, tests may too. */
  check(): void {
    const { clock, journal, logger } = this.deps;
    const wall = clock.now();
    const mono = clock.monotonic();
    const jumpMs = wall - this.wall0 - (mono - this.mono0);
    this.wall0 = wall;
    this.mono0 = mono;
    if (Math.abs(jumpMs) > JUMP_THRESHOLD_MS) {
      this.jump = { warning: { kind: 'jumped', jumpMs }, at: mono };
      logger.warn('the wall clock jumped: check the date and time', { jumpMs, now: new Date(wall).toISOString() });
      journalWarning(journal, logger, 'clock.jumped', { jumpMs, now: wall });
    }
    // Behind the journal until the clock passes the newest event it was behind.
    if (this.behind && wall >= this.behind.newestEventAt - BEHIND_TOLERANCE_MS) this.behind = undefined;
    if (!this.behind && this.jump && jumpMs < 0) {
      const newest = newestEventAt(journal);
      if (newest !== undefined && wall < newest - BEHIND_TOLERANCE_MS) this.behind = { kind: 'behind-journal', behindMs: newest - wall, newestEventAt: newest };
    }
    if (this.jump && mono - this.jump.at > JUMP_BANNER_MS) this.jump = undefined;
    const next = bannerOf(this.current());
    if (next.warning !== this.shown.warning || next.minutes !== this.shown.minutes) {
      this.shown = next;
      this.deps.onChange(next);
    }
  }

  private current(): ClockWarning | undefined {
    return this.behind ?? this.jump?.warning;
  }
}
