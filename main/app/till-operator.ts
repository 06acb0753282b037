// Who is signed in at the counter till now (docs/staff.md "Signing in"). The cashier screen starts at sign-in; a
// PIN signs its person in, another PIN switches the operator at once, and the till signs out after the idle time
// the manager set (settings.staff.signOutAfterIdleMinutes), measured on the monotonic clock from the last call
// that needed someone signed in. The screen has the same timer and signs out by itself; this is the backstop when
// a screen is closed or frozen. The kiosk has no sign-in: its sales belong to the kiosk (KIOSK_STAFF_ID).
import { roleAtLeast, type StaffRole } from '../../preload/staff-roles.js';
import type { Clock } from '../shared/clock.js';
import { ManagerAuthError, type Caller } from './manager-sessions.js';

export class TillOperator {
  private who: Caller | undefined;
  private lastActive = 0;

  constructor(private readonly clock: Clock, private readonly idleMs: () => number) {}

  signIn(caller: Caller): Caller {
    this.who = caller;
    this.lastActive = this.clock.monotonic();
    return caller;
  }

  signOut(): void {
    this.who = undefined;
  }

  /** The signed-in person, or undefined (never signed in, signed out, or idle too long). */
  current(): Caller | undefined {
    if (this.who && this.clock.monotonic() - this.lastActive >= this.idleMs()) this.who = undefined;
    return this.who;
  }

  /** The door's check for a channel that needs someone signed in: at least `min`; the call counts as activity. */
  require(min: StaffRole): Caller {
    const who = this.current();
    if (!who) throw new ManagerAuthError('SIGNED_OUT', 'Nobody is signed in at this till. Enter your PIN.');
    if (!roleAtLeast(who.role, min)) throw new ManagerAuthError('STAFF_ROLE_TOO_LOW', `Only a ${min} may do this.`);
    this.lastActive = this.clock.monotonic();
    return who;
  }

  /** Staff id for the journal; `fallback` when nobody is signed in (a scan that arrives after sign-out is refused before). */
  staffId(fallback: string): string {
    return this.current()?.staffId ?? fallback;
  }

  /** Ends the sign-in of one person (disabled). */
  signOutIf(staffId: string): void {
    if (this.who?.staffId === staffId) this.who = undefined;
  }
}
