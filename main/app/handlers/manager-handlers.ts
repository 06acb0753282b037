// The manager's side: totals, day close, refunds, late successes. Each channel is behind a PIN session,
// checked once at the door (main/app/dispatch.ts, `session` in preload/contract.ts).
import type { Handlers } from '../dispatch.js';
import { channelsFor } from '../../../preload/channel-access.js';
import type { AppContext } from '../app-context.js';
import { attemptView, saleView } from '../views.js';
import { shiftView } from './staff-handlers.js';
import { shiftsForZ } from '../../staff/shifts.js';
import { needsActionAttempts } from '../../journal/attempt-queries.js';
import { findSaleIds } from '../../journal/sale-search.js';
import { storeDayOf } from '../../journal/store-day.js';
import { dailyTotals } from '../../reports/daily-totals.js';
import { closeDay } from '../../reports/day-close.js';
import { hourlyTotals } from '../../reports/hourly-totals.js';

type ManagerHandlers = Pick<Handlers, 'manager:unlock' | 'manager:lock' | 'report:dailyTotals' | 'report:closeDay' | 'refund:findSales' | 'refund:create' | 'attempt:needsAction' | 'attempt:resolve'>;

/** Who did it, for the journal: the manager session's holder (the door found them), by staff id. */
const by = (caller: { staffId: string } | undefined): string => caller?.staffId ?? 'manager';

/** `onDayClosed`: after a Z is taken (its printing, docs/printing.md); it must not throw, the Z is final. */
export function managerHandlers(ctx: AppContext, hooks: { onDayClosed?(zNumber: number, closedBy: string): boolean } = {}): ManagerHandlers {
  const { journal, engine, settings } = ctx.services;
  const today = () => storeDayOf(ctx.clock.now(), settings.storeTimeZone);
  // The rollups' own `key` is renamed: no answer to a screen has a field called key (docs/style.md §4).
  const line = ({ key, ...rest }: { key: string; currency: string; grossCents: number; refundCents: number; netCents: number; paymentCount: number; refundCount: number }) => ({ label: key, ...rest });
  return {
    'manager:unlock': (r) => {
      const u = ctx.sessions.unlock(r.pin);
      return { session: u.session, expiresAt: u.expiresAt, staff: { id: u.staff.staffId, name: u.staff.name, role: u.staff.role }, may: channelsFor(u.staff.role, 'manager') };
    },
    'manager:lock': (r) => (ctx.sessions.lock(r.session), { ok: true as const }),
    'report:dailyTotals': (r) => {
      const day = r.date ?? today();
      const t = dailyTotals(journal, day, settings.storeTimeZone);
      return {
        storeDay: day, timeZone: t.timeZone, byChannel: t.byChannel.map(line), byCashier: t.byCashier.map(line).map((l) => ({ ...l, label: ctx.staff.nameOf(l.label) })), byCurrency: t.byCurrency.map(line),
        byHour: hourlyTotals(journal, day, settings.storeTimeZone), pendingCount: t.pendingCount, needsActionCount: t.needsActionCount,
        register: t.register,
      };
    },
    'report:closeDay': (r, _role, caller) => {
      const z = closeDay(journal, { storeDay: r.date ?? today(), closedBy: by(caller), countedCashCents: r.countedCashCents, cashCurrency: settings.currency, timeZone: settings.storeTimeZone });
      const zQueued = hooks.onDayClosed?.(z.zNumber, by(caller)) ?? false;
      return { ...z, register: z.totals.register, shifts: shiftsForZ(journal, z.zNumber).map((s) => shiftView(ctx, s)), zQueued };
    },
    'refund:findSales': (r) => {
      const ids = findSaleIds(journal, { query: r.query, storeDay: today(), timeZone: settings.storeTimeZone });
      return ids.map((saleId) => saleView(journal, saleId));
    },
    'refund:create': async (r, _role, caller) => {
      const refund = await engine.refund({ attemptId: r.attemptId, amountCents: r.amountCents, reason: r.reason, approvedBy: by(caller) });
      return { id: refund.id, attemptId: refund.attemptId, mchRefundNo: refund.mchRefundNo, amountCents: refund.amountCents, state: refund.state, reason: refund.reason, createdAt: refund.createdAt };
    },
    'attempt:needsAction': () => needsActionAttempts(journal).map(attemptView),
    'attempt:resolve': (r, _role, caller) => {
      return attemptView(engine.resolveLateSuccess(r.attemptId, r.resolution, by(caller)));
    },
  };
}
