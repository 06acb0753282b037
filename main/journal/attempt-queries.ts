// Read side for attempts: lookups for the payments layer, the reconciler's work list, the manager's list.
import type { Journal } from './database.js';
import { JournalNotFoundError } from './errors.js';
import { IN_FLIGHT_ATTEMPT_STATES, sqlStateList } from '../../preload/payment-states.js';
import { toAttempt, type AttemptRecord, type AttemptRow } from './payment-records.js';

const NON_FINAL = `state IN (${sqlStateList(IN_FLIGHT_ATTEMPT_STATES)})`;

export function getAttempt(journal: Journal, id: number): AttemptRecord {
  const row = journal.statement('SELECT * FROM attempts WHERE id = ?').get(id) as AttemptRow | undefined;
  if (!row) throw new JournalNotFoundError('attempt', id);
  return toAttempt(row);
}

export function findAttemptByMchOrderNo(journal: Journal, mchOrderNo: string): AttemptRecord | undefined {
  const row = journal.statement('SELECT * FROM attempts WHERE mch_order_no = ?').get(mchOrderNo) as AttemptRow | undefined;
  return row ? toAttempt(row) : undefined;
}

export function attemptsForSale(journal: Journal, saleId: number): AttemptRecord[] {
  const rows = journal.statement('SELECT * FROM attempts WHERE sale_id = ? ORDER BY id').all(saleId) as AttemptRow[];
  return rows.map(toAttempt);
}

/**
 * Attempts the reconciler must query: not final and due (next_check_at unset or <= dueAt). Served by the
 * partial index attempts_unsettled, which holds only non-final rows.
 */
export function nonFinalAttempts(journal: Journal, options: { dueAt?: number; limit?: number } = {}): AttemptRecord[] {
  const rows = journal
    .statement(
      `SELECT * FROM attempts WHERE ${NON_FINAL} AND (next_check_at IS NULL OR next_check_at <= ?)
       ORDER BY next_check_at, created_at LIMIT ?`,
    )
    .all(options.dueAt ?? Number.MAX_SAFE_INTEGER, options.limit ?? 1000) as AttemptRow[];
  return rows.map(toAttempt);
}

export function needsActionAttempts(journal: Journal): AttemptRecord[] {
  const rows = journal
    .statement('SELECT * FROM attempts WHERE needs_action = 1 ORDER BY created_at')
    .all() as AttemptRow[];
  return rows.map(toAttempt);
}
