// The shapes of the staff and shift channels (docs/staff.md), kept beside contract-schemas.ts. A PIN only ever
// travels inward (sign-in, approvals, a new PIN); no answer carries a PIN or its hash.
import { z } from 'zod';
import { CAD_DENOMINATIONS } from './cash-denominations.js';
import { MAX_CENTS } from './money-limits.js';
import { STAFF_ROLES } from './staff-roles.js';

const pin = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');
const session = z.object({ session: z.string().min(16).max(128) });
const cents = z.number().int().min(0).max(MAX_CENTS);
const positiveCents = cents.refine((n) => n > 0, 'must be more than zero');
const role = z.enum(STAFF_ROLES);
const staffId = z.string().min(1).max(64);

/** How many of each Canadian coin and note, keyed by its value in cents ("5" … "10000"). */
export const denominationCounts = z
  .partialRecord(z.enum(CAD_DENOMINATIONS.map(String) as [string, ...string[]]), z.number().int().min(0).max(100_000))
  .refine((c) => Object.entries(c).reduce((n, [k, v]) => n + Number(k) * (v ?? 0), 0) <= MAX_CENTS, 'is more cash than a drawer holds');

export const staffView = z.object({ id: staffId, name: z.string(), role });
export const staffMemberView = staffView.extend({ active: z.boolean(), builtIn: z.boolean() });

export const shiftView = z.object({
  id: z.number().int(),
  status: z.enum(['open', 'closed']),
  currency: z.string(),
  openedBy: z.string(),
  openedAt: z.number(),
  floatCents: cents,
  closedBy: z.string().nullable(),
  closedAt: z.number().nullable(),
  /** Cash sales (after 5¢ rounding) less cash refunds, in this shift's time. */
  cashSalesCents: z.number().int(),
  cashRefundsCents: cents,
  payInsCents: cents,
  payOutsCents: cents,
  expectedCents: z.number().int(),
  countedCents: cents.nullable(),
  varianceCents: z.number().int().nullable(),
  varianceApprovedBy: z.string().nullable(),
  movements: z.array(z.object({ kind: z.enum(['pay_in', 'pay_out']), amountCents: cents, reason: z.string(), staff: z.string(), at: z.number() })),
});

export const staffRequests = {
  signIn: z.object({ pin }),
  changePin: z.object({ pin, newPin: pin }),
  addStaff: session.extend({ name: z.string().trim().min(1).max(64), role, pin }),
  disableStaff: session.extend({ staffId }),
  policy: session.extend({ signOutAfterIdleMinutes: z.number().int().min(1).max(240).optional(), cashVarianceThresholdCents: cents.optional() }),
  openShift: z.object({ counts: denominationCounts }),
  moveCash: z.object({ kind: z.enum(['pay_in', 'pay_out']), amountCents: positiveCents, reason: z.string().trim().min(2).max(200) }),
  /** `pin`: a manager approves a variance above the store's threshold (cash-variance). */
  closeShift: z.object({ counts: denominationCounts, pin: pin.optional() }),
};

export const staffResponses = {
  current: z.object({ staff: staffView.nullable(), signOutAfterIdleMinutes: z.number().int(), training: z.boolean() }),
  signedIn: staffView,
  staffList: z.object({ staff: z.array(staffMemberView), signOutAfterIdleMinutes: z.number().int(), cashVarianceThresholdCents: cents }),
  shift: shiftView.nullable(),
  closedShift: shiftView,
  /** Today's shifts on this terminal, open and closed (Manager → Shifts today). */
  shifts: z.array(shiftView),
};
