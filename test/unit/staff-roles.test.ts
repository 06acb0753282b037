// Who may approve what (main/staff/roles.ts, docs/staff.md "Roles"), and the door's declared staff roles.
import { describe, expect, it } from 'vitest';
import { APPROVAL_ACTIONS } from '../../preload/approvals.js';
import { CHANNELS, CHANNEL_NAMES } from '../../preload/contract.js';
import { roleAtLeast, STAFF_ROLES } from '../../preload/staff-roles.js';
import { APPROVALS_BY_ROLE, APPROVER_ROLE, mayApprove } from '../../main/staff/roles.js';

describe('approval rules', () => {
  it('a cashier approves nothing, not even her own over-threshold discount', () => {
    for (const action of APPROVAL_ACTIONS) expect(mayApprove('cashier', action), action).toEqual({ ok: false, reason: 'role', needs: APPROVER_ROLE[action] });
    expect(APPROVALS_BY_ROLE('cashier')).toEqual([]);
  });

  it('a supervisor approves the till\'s everyday exceptions, not the manager\'s', () => {
    for (const action of ['discount', 'price-override', 'void', 'below-paid', 'payment-override', 'refund-excess', 'refund', 'drawer-open'] as const) {
      expect(mayApprove('supervisor', action), action).toEqual({ ok: true });
    }
    for (const action of ['cash-variance', 'day-close', 'settings', 'return-without-receipt'] as const) {
      expect(mayApprove('supervisor', action), action).toEqual({ ok: false, reason: 'role', needs: 'manager' });
    }
  });

  it('a manager approves everything', () => {
    expect(APPROVALS_BY_ROLE('manager')).toEqual([...APPROVAL_ACTIONS]);
  });

  it('roles are ordered cashier < supervisor < manager', () => {
    expect(STAFF_ROLES.filter((r) => roleAtLeast(r, 'supervisor'))).toEqual(['supervisor', 'manager']);
    expect(roleAtLeast('cashier', 'cashier')).toBe(true);
    expect(roleAtLeast('supervisor', 'manager')).toBe(false);
  });
});

describe('the contract declares who may call what', () => {
  it('every manager-screen channel but unlock, lock and changePin needs a supervisor or a manager session', () => {
    const manager = CHANNEL_NAMES.filter((n) => (CHANNELS[n].roles as readonly string[]).every((r) => r === 'manager'));
    const open = manager.filter((n) => CHANNELS[n].staff === null).sort();
    expect(open).toEqual(['manager:lock', 'manager:unlock']);
    for (const n of manager.filter((x) => CHANNELS[x].staff !== null)) expect(CHANNELS[n].session, n).toBe(true);
  });

  it('settings, the day close and the staff list need a manager', () => {
    for (const n of ['settings:update', 'settings:get', 'report:closeDay', 'staff:add', 'staff:disable', 'staff:list', 'staff:setPolicy'] as const) expect(CHANNELS[n].staff, n).toBe('manager');
  });

  it('everything that changes a sale or takes money at the counter needs someone signed in', () => {
    for (const n of ['sale:new', 'sale:addItem', 'sale:addCustom', 'sale:void', 'payment:payCash', 'payment:chargeByScan', 'payment:override', 'shift:open', 'shift:close'] as const) {
      expect(CHANNELS[n].staff, n).toBe('cashier');
      expect(CHANNELS[n].session, n).toBe(false);
    }
    // Signing in itself cannot need a signed-in person.
    expect([CHANNELS['staff:signIn'].staff, CHANNELS['staff:current'].staff, CHANNELS['staff:changePin'].staff]).toEqual([null, null, null]);
  });
});
