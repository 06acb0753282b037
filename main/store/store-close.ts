// The store day close (docs/store.md "Store day close"): a store Z listing each terminal's Z for the day, the counted
// cash per drawer and each terminal's sync state. It refuses while a terminal is behind, quarantined, has no Z for the
// day yet, or has payments or refunds still checking, unless a manager overrides; the override (who, why, what it overrode) is journaled on
// the terminal it was given at (an event of entity `manager`, which syncs to the store like any other) before the
// store Z is written, and is part of the store Z itself.
import type pg from 'pg';
import type { Journal } from '../journal/database.js';
import { appendEvent } from '../journal/events.js';
import { assertNever } from '../shared/assert-never.js';
import { StoreCloseRefusedError } from './store-errors.js';
import { terminalSyncStates, type TerminalSync } from './store-report.js';

export interface TerminalZ {
  terminalId: string;
  zNumber: number;
  closedAt: number;
  closedBy: string;
  cashCurrency: string;
  expectedCashCents: number;
  countedCashCents: number;
  differenceCents: number;
}

export type StoreCloseProblemKind = 'quarantined' | 'behind' | 'never-synced' | 'payments-checking' | 'refunds-checking' | 'no-z';

export interface StoreCloseProblem {
  terminalId: string;
  kind: StoreCloseProblemKind;
  /** Events behind, payments or refunds checking; 0 for the others. */
  count: number;
}

export function describeProblem(p: StoreCloseProblem): string {
  switch (p.kind) {
    case 'quarantined': return `terminal ${p.terminalId} is quarantined`;
    case 'behind': return `terminal ${p.terminalId} is ${p.count} events behind`;
    case 'never-synced': return `terminal ${p.terminalId} has never synced`;
    case 'payments-checking': return `terminal ${p.terminalId} has ${p.count} payments still checking`;
    case 'refunds-checking': return `terminal ${p.terminalId} has ${p.count} refunds still checking`;
    case 'no-z': return `terminal ${p.terminalId} has no Z for the day yet`;
    default: return assertNever(p.kind);
  }
}

export interface StoreZ {
  storeDay: string;
  terminals: TerminalSync[];
  zs: TerminalZ[];
  /** Terminals with no Z for the day. */
  withoutZ: string[];
  countedCashCents: number;
  differenceCents: number;
  /** What would hold the close back (empty: nothing). */
  problems: StoreCloseProblem[];
  overridden: boolean;
  overrideReason: string | null;
  closedBy: string | null;
}

export async function storeDayReport(client: pg.ClientBase, storeDay: string): Promise<StoreZ> {
  const terminals = await terminalSyncStates(client);
  const rows = (await client.query(
    `SELECT terminal_id, z_number, closed_at, closed_by, cash_currency, expected_cash_cents, counted_cash_cents, difference_cents
     FROM pos_store.day_closes WHERE store_day = $1 ORDER BY terminal_id, z_number`, [storeDay],
  )).rows as Array<Record<string, string>>;
  const zs: TerminalZ[] = rows.map((r) => ({
    terminalId: String(r.terminal_id), zNumber: Number(r.z_number), closedAt: Number(r.closed_at), closedBy: String(r.closed_by), cashCurrency: String(r.cash_currency),
    expectedCashCents: Number(r.expected_cash_cents), countedCashCents: Number(r.counted_cash_cents), differenceCents: Number(r.difference_cents),
  }));
  const problems: StoreCloseProblem[] = [];
  const add = (terminalId: string, kind: StoreCloseProblemKind, count = 0) => problems.push({ terminalId, kind, count });
  for (const t of terminals) {
    if (t.quarantineReason) add(t.terminalId, 'quarantined');
    if (t.behind > 0) add(t.terminalId, 'behind', t.behind);
    if (t.lastSyncAt === null) add(t.terminalId, 'never-synced');
    if (t.paymentsChecking > 0) add(t.terminalId, 'payments-checking', t.paymentsChecking);
    if (t.refundsChecking > 0) add(t.terminalId, 'refunds-checking', t.refundsChecking);
    if (!zs.some((z) => z.terminalId === t.terminalId)) add(t.terminalId, 'no-z');
  }
  const closed = (await client.query('SELECT closed_by, overridden, override_reason FROM pos_store.store_closes WHERE store_day = $1', [storeDay])).rows[0] as
    | { closed_by: string; overridden: boolean; override_reason: string | null } | undefined;
  return {
    storeDay, terminals, zs, withoutZ: terminals.map((t) => t.terminalId).filter((id) => !zs.some((z) => z.terminalId === id)),
    countedCashCents: zs.reduce((n, z) => n + z.countedCashCents, 0), differenceCents: zs.reduce((n, z) => n + z.differenceCents, 0),
    problems, overridden: closed?.overridden ?? false, overrideReason: closed?.override_reason ?? null, closedBy: closed?.closed_by ?? null,
  };
}

export interface CloseStoreDayInput {
  storeDay: string;
  closedBy: string;
  /** A manager's override of the problems; journaled. */
  override?: { reason: string; approvedBy: string };
  /** Where the override is journaled (the terminal the manager stands at, or the CLI's data folder). */
  journal?: Journal;
}

export async function closeStoreDay(client: pg.ClientBase, input: CloseStoreDayInput): Promise<StoreZ> {
  const report = await storeDayReport(client, input.storeDay);
  if (report.closedBy !== null) throw new StoreCloseRefusedError([`store day ${input.storeDay} is already closed (by ${report.closedBy})`], true);
  if (report.problems.length > 0 && !input.override) throw new StoreCloseRefusedError(report.problems.map(describeProblem));
  const overridden = report.problems.length > 0;
  if (overridden && input.override && input.journal) {
    const journal = input.journal;
    journal.write(() => appendEvent(journal, {
      kind: 'store.close_overridden', entity: 'manager', entityId: input.storeDay,
      payload: { storeDay: input.storeDay, reason: input.override?.reason ?? '', approvedBy: input.override?.approvedBy ?? '', problems: report.problems.map((p) => ({ ...p })), at: journal.clock.now() },
    }));
  }
  const final: StoreZ = { ...report, overridden, overrideReason: overridden ? (input.override?.reason ?? null) : null, closedBy: input.closedBy };
  await client.query(
    'INSERT INTO pos_store.store_closes (store_day, closed_by, overridden, override_reason, report) VALUES ($1, $2, $3, $4, $5::jsonb)',
    [input.storeDay, overridden ? `${input.closedBy} (override by ${input.override?.approvedBy ?? '?'})` : input.closedBy, overridden, final.overrideReason, JSON.stringify(final)],
  );
  return final;
}
