// The shapes of the tax rate channels (docs/register.md "Rate overrides"): Manager → Settings shows the store
// province's taxes, the table's rate beside the one charged today, and the manager's overrides; a manager overrides
// one tax's rate from a store day, with why, and removes an override, with why. Kept beside the contract's own
// schemas and used by contract.ts.
import { z } from 'zod';
import { PROVINCE_CODES } from './provinces.js';

const session = z.object({ session: z.string().min(16).max(128) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-22');
const taxCode = z.enum(['GST', 'HST', 'PST', 'QST', 'RST']);
/** Parts per 100 000: 15% = 15 000, 9.975% = 9 975; at most 25%. */
const rate = z.number().int().min(1).max(25_000);
const reason = z.string().trim().min(1).max(200);

export const TAX_OVERRIDE_STATUSES = ['in-force', 'scheduled', 'superseded', 'removed'] as const;

const override = z.object({
  id: z.number().int(),
  code: taxCode,
  ratePer100k: rate,
  tableRatePer100k: rate,
  effectiveFrom: day,
  reason: z.string(),
  createdAt: z.number(),
  createdBy: z.string(),
  removedAt: z.number().nullable(),
  removedBy: z.string().nullable(),
  removalReason: z.string().nullable(),
  status: z.enum(TAX_OVERRIDE_STATUSES),
});

export const taxRateRequests = {
  rates: session,
  override: session.extend({ code: taxCode, ratePer100k: rate, effectiveFrom: day.optional(), reason }),
  remove: session.extend({ id: z.number().int().min(1), reason }),
};

export const taxRateResponses = {
  rates: z.object({
    province: z.enum(PROVINCE_CODES),
    today: day,
    taxes: z.array(z.object({ code: taxCode, tableRatePer100k: rate, ratePer100k: rate })),
    overrides: z.array(override),
  }),
};
