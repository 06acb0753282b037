// The PIN pad of this terminal (docs/staff.md): every PIN typed anywhere (the cashier's sign-in, the manager
// screen, an approval at the till) is checked here, against the staff list (main/staff/staff-directory.ts). Wrong
// PINs are counted for the whole terminal (a PIN alone names its person, so a wrong one belongs to nobody); after
// five the pad locks for five minutes (a till is in a public place). The count and the lockout run on the monotonic
// clock and are kept by a small store (the journal, in the app: journalPinStore), so neither a restart nor setting
// the clock gives fresh guesses. A supervisor's or manager's PIN on the manager screen gives a short-lived session
// token, bound to that person, that every manager channel presents; it lapses after 15 idle minutes. A PIN is never
// logged. The factory PIN (1234) in live mode only lets its holder choose a new PIN (PIN_CHANGE_REQUIRED).
import { randomBytes } from 'node:crypto';
import type { ApprovalAction } from '../../preload/approvals.js';
import type { ErrorCode } from '../../preload/error-codes.js';
import { roleAtLeast, type StaffRole } from '../../preload/staff-roles.js';
import type { Clock } from '../shared/clock.js';
import { hashPin, pinMatches } from '../staff/pin-hash.js';
import { mayApprove } from '../staff/roles.js';
import { FACTORY_MANAGER, FACTORY_PIN, type StaffMember } from '../staff/staff-directory.js';

export { hashPin } from '../staff/pin-hash.js';
export { FACTORY_PIN } from '../staff/staff-directory.js';

const MAX_TRIES = 5;
const LOCKOUT_MS = 5 * 60_000;
const IDLE_MS = 15 * 60_000;

type AuthCode = Extract<ErrorCode, 'PIN_WRONG' | 'PIN_LOCKED' | 'SESSION_EXPIRED' | 'PIN_CHANGE_REQUIRED' | 'STAFF_ROLE_TOO_LOW' | 'APPROVAL_NOT_ALLOWED' | 'SIGNED_OUT'>;

export class ManagerAuthError extends Error {
  /** Tries left before the lockout (PIN_WRONG) and minutes until the pad opens again (PIN_LOCKED). */
  readonly triesLeft?: number;
  readonly minutes?: number;
  constructor(readonly code: AuthCode, message: string, counts: { triesLeft?: number; minutes?: number } = {}) {
    super(message);
    if (counts.triesLeft !== undefined) this.triesLeft = counts.triesLeft;
    if (counts.minutes !== undefined) this.minutes = counts.minutes;
    this.name = 'ManagerAuthError';
  }
}

/** Who is making a call, as the door found them (main/app/dispatch.ts). */
export interface Caller {
  staffId: string;
  name: string;
  role: StaffRole;
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

/** Finds the active person a PIN belongs to (main/staff/staff-directory.ts). */
export interface PinDirectory {
  identify(pin: string): StaffMember | undefined;
}

/** Before staff records: the one manager PIN (a hash, or absent for the factory PIN). Kept for tools and tests. */
function singleManager(pinHash: () => string | undefined): PinDirectory {
  const factory = hashPin(FACTORY_PIN);
  return {
    identify: (pin) => (pinMatches(pin, pinHash() ?? factory) ? { ...FACTORY_MANAGER, role: 'manager', active: true, mustChangePin: false, builtIn: true } : undefined),
  };
}

const callerOf = (m: StaffMember): Caller => ({ staffId: m.id, name: m.name, role: m.role });

export class ManagerSessions {
  private wrongTries = 0;
  private lockedUntil = 0;
  private readonly sessions = new Map<string, { expires: number; caller: Caller }>();
  private readonly directory: PinDirectory;

  constructor(private readonly clock: Clock, directory: PinDirectory | (() => string | undefined), private readonly store: PinLockoutStore = memoryPinStore()) {
    this.directory = typeof directory === 'function' ? singleManager(directory) : directory;
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

  /** The manager screen: a supervisor's or manager's PIN opens a session bound to that person. */
  unlock(pin: string): { session: string; expiresAt: number; staff: Caller } {
    const who = this.signIn(pin);
    if (!roleAtLeast(who.role, 'supervisor')) throw new ManagerAuthError('STAFF_ROLE_TOO_LOW', 'The manager screen needs a supervisor or a manager.');
    const now = this.clock.now();
    const session = randomBytes(24).toString('base64url');
    const caller = callerOf(who);
    this.sessions.set(session, { expires: now + IDLE_MS, caller });
    return { session, expiresAt: now + IDLE_MS, staff: caller };
  }

  /**
   * A PIN that signs its person in (the cashier screen): any active person, counted toward the lockout. The
   * factory PIN in live mode is refused with PIN_CHANGE_REQUIRED: its holder must choose a new one first.
   */
  signIn(pin: string): StaffMember {
    const who = this.verify(pin);
    if (who.mustChangePin) throw new ManagerAuthError('PIN_CHANGE_REQUIRED', 'This is the factory PIN. Choose a new PIN first.');
    return who;
  }

  /**
   * A PIN typed at the till to approve one action there (an override, a change below what was paid, a discount):
   * counted toward the same lockout, no session is opened, and the person's role must allow the action
   * (main/staff/roles.ts). Returns the approver's staff id, which the journal keeps.
   */
  approve(pin: string, action: ApprovalAction): string {
    return this.approver(pin, action).staffId;
  }

  /** As approve(), with the approver's name and role. */
  approver(pin: string, action: ApprovalAction): Caller {
    const who = this.signIn(pin);
    const verdict = mayApprove(who.role, action);
    if (!verdict.ok) throw new ManagerAuthError('APPROVAL_NOT_ALLOWED', `A ${verdict.needs} must approve this.`);
    return callerOf(who);
  }

  /**
   * The PIN's holder chooses a new one (the factory PIN's first change among them). The old PIN is checked and
   * counted like any other; the change itself is made by `change` (the staff directory).
   */
  changePin(pin: string, change: (who: StaffMember) => StaffMember): Caller {
    return callerOf(change(this.verify(pin)));
  }

  /** Returns the person of a good PIN. The lockout runs on the monotonic clock: setting the clock does not lift it. */
  private verify(pin: string): StaffMember {
    const now = this.clock.monotonic();
    if (now < this.lockedUntil) {
      const minutes = Math.ceil((this.lockedUntil - now) / 60_000);
      throw new ManagerAuthError('PIN_LOCKED', `Too many wrong PINs. Try again in ${minutes} min.`, { minutes });
    }
    const who = this.directory.identify(pin);
    if (!who) {
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
    return who;
  }

  /** Checks a session and extends it (activity keeps a manager signed in); its person must hold at least `min`. */
  require(session: string, min: StaffRole = 'supervisor'): Caller {
    const now = this.clock.now();
    const found = this.sessions.get(session);
    if (found === undefined || found.expires <= now) {
      this.sessions.delete(session);
      throw new ManagerAuthError('SESSION_EXPIRED', 'Manager session ended. Enter the PIN again.');
    }
    found.expires = now + IDLE_MS;
    if (!roleAtLeast(found.caller.role, min)) throw new ManagerAuthError('STAFF_ROLE_TOO_LOW', `Only a ${min} may do this.`);
    return found.caller;
  }

  lock(session: string): void {
    this.sessions.delete(session);
  }

  /** Ends every session of one person (disabled, or their PIN changed). */
  endSessionsOf(staffId: string): void {
    for (const [token, s] of this.sessions) if (s.caller.staffId === staffId) this.sessions.delete(token);
  }
}
