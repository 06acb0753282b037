// The manager PIN: refunds, day close and settings sit behind it. Wrong PINs are counted; after five the pad
// locks for five minutes (a till is in a public place). A correct PIN gives a short-lived session token that
// every manager channel must present; it lapses after 15 idle minutes. The count and the lockout are kept by a
// small store (the journal, in the app: journalPinStore), so a restart gives no fresh guesses.
import type { ApprovalAction } from '../../preload/approvals.js';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../../preload/error-codes.js';
import type { Clock } from '../shared/clock.js';

export const FACTORY_PIN = '1234';
const MAX_TRIES = 5;
const LOCKOUT_MS = 5 * 60_000;
const IDLE_MS = 15 * 60_000;

export class ManagerAuthError extends Error {
  /** Tries left before the lockout (PIN_WRONG) and minutes until the pad opens again (PIN_LOCKED). */
  readonly triesLeft?: number;
  readonly minutes?: number;
  constructor(readonly code: Extract<ErrorCode, 'PIN_WRONG' | 'PIN_LOCKED' | 'SESSION_EXPIRED'>, message: string, counts: { triesLeft?: number; minutes?: number } = {}) {
    super(message);
    if (counts.triesLeft !== undefined) this.triesLeft = counts.triesLeft;
    if (counts.minutes !== undefined) this.minutes = counts.minutes;
    this.name = 'ManagerAuthError';
  }
}

/** What survives a restart: wrong PINs in a row, and until when (wall clock) the pad is locked. */
export interface PinLockoutState {
  wrongTries: number;
  lockedUntil: number | null;
}

export interface PinLockoutStore {
  load(): PinLockoutState;
  save(state: PinLockoutState): void;
}

/** For tests and tools that need no persistence. */
export function memoryPinStore(initial: PinLockoutState = { wrongTries: 0, lockedUntil: null }): PinLockoutStore {
  let state = { ...initial };
  return { load: () => ({ ...state }), save: (next) => void (state = { ...next }) };
}

export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): string {
  return `scrypt$${salt}$${scryptSync(pin, salt, 32).toString('hex')}`;
}

function pinMatches(pin: string, stored: string | undefined): boolean {
  const [, salt, hash] = (stored ?? hashPin(FACTORY_PIN, '0'.repeat(32))).split('$');
  const want = Buffer.from(hash ?? '', 'hex');
  const got = scryptSync(pin, salt ?? '', 32);
  return want.length === got.length && timingSafeEqual(want, got);
}

export class ManagerSessions {
  private wrongTries = 0;
  private lockedUntil = 0;
  private readonly sessions = new Map<string, number>();

  constructor(private readonly clock: Clock, private readonly pinHash: () => string | undefined, private readonly store: PinLockoutStore = memoryPinStore()) {
    const saved = store.load();
    this.wrongTries = Math.max(0, Math.min(MAX_TRIES - 1, Math.trunc(saved.wrongTries)));
    if (saved.lockedUntil !== null) {
      // Restored onto the monotonic clock. A clock set back cannot stretch it past one full lockout, and a
      // restart during a lockout never shortens it below what the wall clock still shows.
      const left = Math.min(LOCKOUT_MS, saved.lockedUntil - clock.now());
      if (left > 0) this.lockedUntil = clock.monotonic() + left;
    }
  }

  private persist(): void {
    const left = this.lockedUntil - this.clock.monotonic();
    try {
      this.store.save({ wrongTries: this.wrongTries, lockedUntil: left > 0 ? Math.ceil(this.clock.now() + left) : null });
    } catch {
      // A full disk must not open the pad: the count and the lockout still hold in memory.
    }
  }

  unlock(pin: string): { session: string; expiresAt: number } {
    const now = this.verify(pin);
    const session = randomBytes(24).toString('base64url');
    this.sessions.set(session, now + IDLE_MS);
    return { session, expiresAt: now + IDLE_MS };
  }

  /**
   * A manager's PIN typed at the till to approve one action there (an override, a change below what was paid):
   * counted toward the same lockout as the manager screen's, and no session is opened. Returns who approved.
   */
  approve(pin: string, _action: ApprovalAction): string {
    this.verify(pin);
    return 'manager';
  }

  /** Returns the wall-clock time of a good PIN. The lockout runs on the monotonic clock: setting the clock does not lift it. */
  private verify(pin: string): number {
    const now = this.clock.monotonic();
    if (now < this.lockedUntil) {
      const minutes = Math.ceil((this.lockedUntil - now) / 60_000);
      throw new ManagerAuthError('PIN_LOCKED', `Too many wrong PINs. Try again in ${minutes} min.`, { minutes });
    }
    if (!pinMatches(pin, this.pinHash())) {
      this.wrongTries += 1;
      if (this.wrongTries >= MAX_TRIES) {
        this.wrongTries = 0;
        this.lockedUntil = now + LOCKOUT_MS;
        this.persist();
        const minutes = LOCKOUT_MS / 60_000;
        throw new ManagerAuthError('PIN_LOCKED', `Too many wrong PINs. The PIN pad is locked for ${minutes} minutes.`, { minutes });
      }
      this.persist();
      const triesLeft = MAX_TRIES - this.wrongTries;
      throw new ManagerAuthError('PIN_WRONG', `Wrong PIN. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`, { triesLeft });
    }
    if (this.wrongTries > 0) {
      this.wrongTries = 0;
      this.persist();
    }
    return this.clock.now();
  }

  /** Checks a session and extends it: activity keeps a manager signed in. */
  require(session: string): void {
    const now = this.clock.now();
    const expires = this.sessions.get(session);
    if (expires === undefined || expires <= now) {
      this.sessions.delete(session);
      throw new ManagerAuthError('SESSION_EXPIRED', 'Manager session ended. Enter the PIN again.');
    }
    this.sessions.set(session, now + IDLE_MS);
  }

  lock(session: string): void {
    this.sessions.delete(session);
  }
}
