// Staff and shifts (docs/staff.md): sign-in at the till, a new PIN, the staff list (Manager → Staff), and the
// drawer's shift. Who may call which is declared in preload/contract.ts and checked at the door; the handlers
// receive the person the door found (`caller`) and never check a role by hand.
import { mayApprove } from '../../staff/roles.js';
import type { Handlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import type { Caller } from '../manager-sessions.js';
import type { StaffMember } from '../../staff/staff-directory.js';
import { closeShift, currentShift, moveCash, openShift, shiftsOfDay, type ShiftSummary } from '../../staff/shifts.js';
import { storeDayOf, storeDayRange } from '../../journal/store-day.js';

type StaffHandlers = Pick<Handlers, 'staff:current' | 'staff:signIn' | 'staff:signOut' | 'staff:changePin' | 'staff:list' | 'staff:add' | 'staff:disable' | 'staff:setPolicy' | 'shift:current' | 'shift:open' | 'shift:moveCash' | 'shift:close' | 'shift:today'>;

const view = (c: Caller) => ({ id: c.staffId, name: c.name, role: c.role });

/** A shift as the screens show it: names, not ids. */
export function shiftView(ctx: AppContext, s: ShiftSummary) {
  const name = (id: string) => ctx.staff.nameOf(id);
  return {
    id: s.id, status: s.status, currency: s.currency, openedBy: name(s.openedBy), openedAt: s.openedAt, floatCents: s.floatCents,
    closedBy: s.closedBy === null ? null : name(s.closedBy), closedAt: s.closedAt,
    cashSalesCents: s.cashSalesCents, cashRefundsCents: s.cashRefundsCents, payInsCents: s.payInsCents, payOutsCents: s.payOutsCents,
    expectedCents: s.expectedCents, countedCents: s.countedCents, varianceCents: s.varianceCents,
    varianceApprovedBy: s.varianceApprovedBy === null ? null : name(s.varianceApprovedBy),
    movements: s.movements.map((m) => ({ kind: m.kind, amountCents: m.amountCents, reason: m.reason, staff: name(m.staffId), at: m.createdAt })),
  };
}

export function staffHandlers(ctx: AppContext): StaffHandlers {
  const journal = ctx.services.journal;
  const policy = () => ctx.savedSettings.get().staff;
  const list = () => ({
    staff: ctx.staff.list().map((m: StaffMember) => ({ id: m.id, name: m.name, role: m.role, active: m.active, builtIn: m.builtIn })),
    ...policy(),
  });
  const who = (caller: Caller | undefined): Caller => {
    // The door always finds someone for these channels on the cashier screen (contract `staff`).
    if (!caller) throw new Error('a staff channel reached its handler without a caller');
    return caller;
  };
  return {
    'staff:current': () => ({ staff: ctx.operator.current() ? view(ctx.operator.current() as Caller) : null, signOutAfterIdleMinutes: policy().signOutAfterIdleMinutes, training: ctx.services.training }),
    // Another PIN while someone is signed in switches the operator: the open sale stays with who opened it.
    'staff:signIn': (r) => {
      const member = ctx.sessions.signIn(r.pin);
      return view(ctx.operator.signIn({ staffId: member.id, name: member.name, role: member.role }));
    },
    'staff:signOut': () => (ctx.operator.signOut(), { ok: true as const }),
    // The PIN's holder chooses a new one (the factory PIN's first change in live mode). Sessions of theirs end.
    'staff:changePin': (r) => {
      const changed = ctx.sessions.changePin(r.pin, (m) => ctx.staff.changePin(m.id, r.newPin));
      ctx.sessions.endSessionsOf(changed.staffId);
      return view(changed);
    },
    'staff:list': () => list(),
    'staff:add': (r) => (ctx.staff.add({ name: r.name, role: r.role, pin: r.pin }), list()),
    'staff:disable': (r) => {
      ctx.staff.disable(r.staffId);
      ctx.sessions.endSessionsOf(r.staffId);
      ctx.operator.signOutIf(r.staffId);
      return list();
    },
    'staff:setPolicy': (r) => {
      const saved = ctx.savedSettings.get();
      ctx.savedSettings.save({
        ...saved,
        staff: {
          signOutAfterIdleMinutes: r.signOutAfterIdleMinutes ?? saved.staff.signOutAfterIdleMinutes,
          cashVarianceThresholdCents: r.cashVarianceThresholdCents ?? saved.staff.cashVarianceThresholdCents,
        },
      });
      return list();
    },
    'shift:current': () => {
      const s = currentShift(journal);
      return s ? shiftView(ctx, s) : null;
    },
    'shift:open': (r, _role, caller) => shiftView(ctx, openShift(journal, { openedBy: who(caller).staffId, currency: ctx.services.settings.currency, counts: r.counts })),
    'shift:moveCash': (r, _role, caller) => shiftView(ctx, moveCash(journal, { kind: r.kind, amountCents: r.amountCents, reason: r.reason, staffId: who(caller).staffId })),
    'shift:close': (r, _role, caller) => {
      const closer = who(caller);
      const threshold = policy().cashVarianceThresholdCents;
      // A manager closing the drawer approves their own variance; anyone else needs a manager's PIN (cash-variance).
      const approve = mayApprove(closer.role, 'cash-variance').ok ? () => closer.staffId : r.pin === undefined ? undefined : () => ctx.sessions.approve(r.pin as string, 'cash-variance');
      return shiftView(ctx, closeShift(journal, { closedBy: closer.staffId, counts: r.counts, thresholdCents: threshold, ...(approve ? { approve } : {}) }));
    },
    'shift:today': () => {
      const zone = ctx.services.settings.storeTimeZone;
      const day = storeDayRange(storeDayOf(ctx.clock.now(), zone), zone);
      return shiftsOfDay(journal, day.startMs, day.endMs).map((s) => shiftView(ctx, s));
    },
  };
}
