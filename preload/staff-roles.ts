// The staff roles, lowest first (docs/staff.md). Pure data: main (the door, the approval rules in
// main/staff/roles.ts) and the screens (sign-in, the Staff tab) share the words.
export const STAFF_ROLES = ['cashier', 'supervisor', 'manager'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** A role at least as high as `min` (manager > supervisor > cashier). */
export function roleAtLeast(role: StaffRole, min: StaffRole): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(min);
}

/** A staff PIN: 4 to 8 digits. */
export const STAFF_PIN = /^\d{4,8}$/;

/** Who a kiosk's sales belong to: the kiosk has no sign-in (docs/staff.md). */
export const KIOSK_STAFF_ID = 'kiosk';
