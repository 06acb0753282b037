// Tax rate overrides on Manager → Settings (docs/register.md "Rate overrides"): the store province's taxes (the
// table's rate beside the one charged today) and the overrides; a manager overrides one tax's rate from a store day
// or removes an override, each with why. Who is the holder of the manager's PIN session the door checked
// (preload/contract.ts `staff`), allowed the `settings` approval (main/staff/roles.ts); the journal keeps their staff id.
import type { Handlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import type { Caller } from '../manager-sessions.js';
import { overrideRate, rateOverview, removeRateOverride } from '../../checkout/rate-overrides.js';
import { overrideInForce } from '../../checkout/tax-table.js';
import { activeTaxRateOverrides, type TaxRateOverrideRecord } from '../../journal/tax-overrides.js';
import { storeDayOf } from '../../journal/store-day.js';
import { mayApprove } from '../../staff/roles.js';
import { ManagerAuthError } from '../manager-sessions.js';

type TaxHandlers = Pick<Handlers, 'tax:rates' | 'tax:override' | 'tax:removeOverride'>;

export function taxHandlers(ctx: AppContext): TaxHandlers {
  const { journal } = ctx.services;
  const today = () => storeDayOf(ctx.clock.now(), ctx.services.settings.storeTimeZone);
  const province = () => ctx.savedSettings.get().province;
  /** The manager who makes the change: the door found them; the `settings` approval is theirs to give. */
  const who = (caller: Caller | undefined): string => {
    if (!caller) throw new ManagerAuthError('SESSION_EXPIRED', 'Unlock the manager screen again.');
    const verdict = mayApprove(caller.role, 'settings');
    if (!verdict.ok) throw new ManagerAuthError('APPROVAL_NOT_ALLOWED', `A ${verdict.needs} must approve this.`);
    return caller.staffId;
  };
  const name = (id: string | null) => (id === null ? null : ctx.staff.nameOf(id));
  const view = () => {
    const day = today();
    const o = rateOverview(journal, province(), day);
    const active = activeTaxRateOverrides(journal);
    const status = (r: TaxRateOverrideRecord) =>
      r.removedAt !== null ? 'removed' as const
        : r.effectiveFrom > day ? 'scheduled' as const
          : overrideInForce(r.province, r.code, day, active)?.id === r.id ? 'in-force' as const : 'superseded' as const;
    return {
      province: o.province, today: o.today, taxes: o.taxes,
      overrides: o.overrides.map((r) => ({
        id: r.id, code: r.code, ratePer100k: r.ratePer100k, tableRatePer100k: r.tableRatePer100k, effectiveFrom: r.effectiveFrom, reason: r.reason,
        createdAt: r.createdAt, createdBy: name(r.createdBy) ?? r.createdBy, removedAt: r.removedAt, removedBy: name(r.removedBy), removalReason: r.removalReason,
        status: status(r),
      })),
    };
  };
  return {
    'tax:rates': () => view(),
    'tax:override': (r, _role, caller) => {
      const by = who(caller);
      overrideRate(journal, { province: province(), code: r.code, ratePer100k: r.ratePer100k, ...(r.effectiveFrom ? { effectiveFrom: r.effectiveFrom } : {}), reason: r.reason, by, today: today() });
      ctx.logger.info('tax rate overridden', { code: r.code, ratePer100k: r.ratePer100k, by });
      return view();
    },
    'tax:removeOverride': (r, _role, caller) => {
      const by = who(caller);
      removeRateOverride(journal, r.id, by, r.reason);
      ctx.logger.info('tax rate override removed', { id: r.id, by });
      return view();
    },
  };
}
