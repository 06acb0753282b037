// When the updater checks, and when it may install: pure (no electron; timers injected), so the promise "never
// while money may move" is unit-tested with fake timers (test/unit/electron-updater-loop.test.ts). updater.ts
// plugs electron-updater into it.
//
// Checks run a little after start-up and then every few hours. Once an update is downloaded, the guard
// (main/app/update-guard.ts) is asked at once and then again every minute; the install happens in the same tick
// as the guard's "yes", so no payment can start between the question and quitAndInstall.
import { describeBlockers, updateDecision, type InFlightWork, type UpdateDecision } from '../app/update-guard.js';
import type { Logger } from '../shared/logger.js';

/** What the loop needs from electron-updater. */
export interface UpdaterPort {
  checkForUpdates(): Promise<unknown>;
  /** Quits the app (before-quit closes the journal) and runs the downloaded installer. */
  quitAndInstall(): void;
}

export interface LoopTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  setInterval(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface UpdateLoopOptions {
  updater: UpdaterPort;
  /** The host's view of what is in flight; `undefined` or a throw counts as busy. */
  inFlight: () => InFlightWork | undefined;
  log: Logger;
  timers?: LoopTimers;
  firstCheckMs?: number;
  checkEveryMs?: number;
  recheckMs?: number;
}

export interface UpdateLoop {
  /** electron-updater downloaded (and verified) this version. */
  downloaded(version: string): void;
  /** Asks the guard now and installs if it allows; undefined when nothing is waiting to be installed. */
  tryInstall(): UpdateDecision | undefined;
  readonly state: 'idle' | 'waiting' | 'installing' | 'stopped';
  stop(): void;
}

export const UPDATE_TIMINGS = { firstCheckMs: 60_000, checkEveryMs: 4 * 60 * 60_000, recheckMs: 60_000 } as const;

const realTimers: LoopTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function startUpdateLoop(options: UpdateLoopOptions): UpdateLoop {
  const timers = options.timers ?? realTimers;
  const { log, updater } = options;
  const firstCheckMs = options.firstCheckMs ?? UPDATE_TIMINGS.firstCheckMs;
  const checkEveryMs = options.checkEveryMs ?? UPDATE_TIMINGS.checkEveryMs;
  const recheckMs = options.recheckMs ?? UPDATE_TIMINGS.recheckMs;
  let state: UpdateLoop['state'] = 'idle';
  let pending: string | undefined;
  let lastReason: string | undefined;
  const handles: unknown[] = [];

  const check = (): void => {
    if (state !== 'idle') return; // one download at a time; nothing new is fetched while one waits
    updater.checkForUpdates().catch((error: unknown) => log.warn('update check failed; the next one is in a few hours', { error: String(error) }));
  };

  const readWork = (): InFlightWork | undefined => {
    try {
      return options.inFlight();
    } catch (error) {
      log.warn('cannot read what is in flight; the update waits', { error: String(error) });
      return undefined;
    }
  };

  const stopTimers = (): void => {
    for (const handle of handles.splice(0)) timers.clear(handle);
  };

  const tryInstall = (): UpdateDecision | undefined => {
    if (state !== 'waiting' || pending === undefined) return undefined;
    const decision = updateDecision(readWork());
    if (!decision.install) {
      const reason = describeBlockers(decision.blockers);
      if (reason !== lastReason) log.info('update downloaded; held back', { version: pending, reason });
      lastReason = reason;
      return decision;
    }
    state = 'installing';
    stopTimers();
    log.info('nothing in flight; installing the update and restarting', { version: pending });
    try {
      updater.quitAndInstall();
    } catch (error) {
      // Nothing was installed; the next start of the app checks again.
      log.error('installing the update failed', { version: pending, error: String(error) });
      state = 'stopped';
    }
    return decision;
  };

  handles.push(timers.setTimeout(check, firstCheckMs), timers.setInterval(check, checkEveryMs));

  return {
    downloaded(version) {
      if (state === 'installing' || state === 'stopped') return;
      pending = version;
      if (state === 'idle') {
        state = 'waiting';
        handles.push(timers.setInterval(() => void tryInstall(), recheckMs));
      }
      tryInstall();
    },
    tryInstall,
    get state() {
      return state;
    },
    stop() {
      stopTimers();
      if (state !== 'installing') state = 'stopped';
    },
  };
}
