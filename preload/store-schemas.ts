// The shapes of the store channels (docs/store.md): the Whole store view on Manager → Totals and the store day close.
// Kept beside the contract's own schemas and used by contract.ts. No URL, role or password ever crosses: the screen
// learns whether a store is configured and reachable, never how it is reached.
import { z } from 'zod';

const session = z.object({ session: z.string().min(16).max(128) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-22');
const cents = z.number().int();
const count = z.number().int().min(0);

export const STORE_PROBLEMS = ['not-configured', 'no-manager-access', 'unreachable', 'refused'] as const;
export const STORE_CLOSE_PROBLEMS = ['quarantined', 'behind', 'never-synced', 'payments-checking', 'refunds-checking', 'no-z'] as const;

const line = z.object({ label: z.string(), currency: z.string(), grossCents: cents, refundCents: cents, netCents: cents, paymentCount: count, refundCount: count });

const terminalSync = z.object({
  terminalId: z.string(),
  storeSeq: count,
  behind: count,
  /** ISO time by the store database's clock; null: never synced. */
  lastSyncAt: z.string().nullable(),
  quarantined: z.boolean(),
  /** The store's words on why (a person reads them on the technical details line). */
  quarantineReason: z.string().nullable(),
  paymentsChecking: count,
  refundsChecking: count,
  needsAction: count,
});

const closeProblem = z.object({ terminalId: z.string(), kind: z.enum(STORE_CLOSE_PROBLEMS), count });

const storeZ = z.object({
  storeDay: day,
  terminals: z.array(terminalSync),
  zs: z.array(z.object({ terminalId: z.string(), zNumber: count, cashCurrency: z.string(), expectedCashCents: cents, countedCashCents: cents, differenceCents: cents })),
  withoutZ: z.array(z.string()),
  problems: z.array(closeProblem),
  closed: z.boolean(),
  overridden: z.boolean(),
});

export const storeRequests = {
  storeTotals: session.extend({ date: day.optional() }),
  storeCloseDay: session.extend({ date: day.optional(), override: z.object({ reason: z.string().trim().min(3).max(200) }).optional() }),
  storeDay: session.extend({ date: day.optional() }),
  /** The connection strings `pos store init` printed (with their passwords): split in main, the passwords to the OS store. */
  storeConnect: session.extend({ connection: z.string().min(10).max(500), managerConnection: z.string().min(10).max(500).optional() }),
};

export const storeResponses = {
  /** This terminal's own link: configured at all, events not yet in the store, last acknowledged push. */
  storeSync: z.object({
    configured: z.boolean(),
    managerAccess: z.boolean(),
    unsent: count,
    lastSyncAt: z.number().nullable(),
    failing: z.boolean(),
    quarantined: z.boolean(),
    /** The OS secret store can keep the passwords (the desktop app); false: POS_STORE_PASSWORD only. */
    secretStoreAvailable: z.boolean(),
  }),
  storeConnected: z.object({ stored: z.boolean(), restartNeeded: z.boolean() }),
  storeTotals: z.object({
    storeDay: day,
    /** Why there are no totals (null: there are). */
    problem: z.enum(STORE_PROBLEMS).nullable(),
    terminals: z.array(terminalSync),
    byTerminal: z.array(line), byChannel: z.array(line), byTender: z.array(line), byCashier: z.array(line), byCurrency: z.array(line),
    sales: z.array(z.object({ currency: z.string(), salesCount: count, netSalesCents: cents, roundingCents: cents, discountCents: cents, refundedNetCents: cents, taxRefundedCents: cents })),
    taxes: z.array(z.object({ currency: z.string(), code: z.string(), collectedCents: cents, refundedCents: cents })),
    needsAction: z.array(z.object({ terminalId: z.string(), attemptId: count, saleId: count, channel: z.string(), amountCents: cents, currency: z.string(), createdAt: z.number() })),
  }),
  storeDay: z.object({ problem: z.enum(STORE_PROBLEMS).nullable(), report: storeZ.nullable() }),
};
