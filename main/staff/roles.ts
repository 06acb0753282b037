// Who may give which approval (docs/staff.md "Roles"): the one place these rules are written. The door
// (main/app/dispatch.ts) checks a channel's declared minimum role; approvals typed at a screen are checked here.
import { APPROVAL_ACTIONS, type ApprovalAction } from '../../preload/approvals.js';
import { roleAtLeast, type StaffRole } from '../../preload/staff-roles.js';

/** The lowest role that may approve each action. A cashier approves nothing: that is what the approval is for. */
export const APPROVER_ROLE: Readonly<Record<ApprovalAction, StaffRole>> = {
  'payment-override': 'supervisor',
  'below-paid': 'supervisor',
  void: 'supervisor',
  'refund-excess': 'supervisor',
  discount: 'supervisor',
  'price-override': 'supervisor',
  refund: 'supervisor',
  'return-without-receipt': 'manager',
  'drawer-open': 'supervisor',
  'cash-variance': 'manager',
  'day-close': 'manager',
  settings: 'manager',
};

export type ApprovalVerdict = { ok: true } | { ok: false; reason: 'role'; needs: StaffRole };

/**
 * Whether a person of `role` may approve `action`. Who is signed in at the till does not widen it: a cashier typing
 * her own PIN for her own over-threshold discount is refused like any cashier.
 */
export function mayApprove(role: StaffRole, action: ApprovalAction): ApprovalVerdict {
  const needs = APPROVER_ROLE[action];
  return roleAtLeast(role, needs) ? { ok: true } : { ok: false, reason: 'role', needs };
}

/** Every action is covered (the table is typed, this is for the test and the docs). */
export const APPROVALS_BY_ROLE = (role: StaffRole): ApprovalAction[] => APPROVAL_ACTIONS.filter((a) => mayApprove(role, a).ok);
