// Read side for refunds.
import type { Journal } from './database.js';
import { JournalNotFoundError } from './errors.js';
import { UNSETTLED_REFUND_STATES, sqlStateList } from '../../preload/payment-states.js';
import { toRefund, type RefundRecord, type RefundRow } from './payment-records.js';

const UNSETTLED = `state IN (${sqlStateList(UNSETTLED_REFUND_STATES)})`;

export function getRefund(journal: Journal, id: number): RefundRecord {
  const row = journal.statement('SELECT * FROM refunds WHERE id = ?').get(id) as RefundRow | undefined;
  if (!row) throw new JournalNotFoundError('refund', id);
  return toRefund(row);
}

export function findRefundByMchRefundNo(journal: Journal, mchRefundNo: string): RefundRecord | undefined {
  const row = journal.statement('SELECT * FROM refunds WHERE mch_refund_no = ?').get(mchRefundNo) as RefundRow | undefined;
  return row ? toRefund(row) : undefined;
}

export function refundsForAttempt(journal: Journal, attemptId: number): RefundRecord[] {
  const rows = journal.statement('SELECT * FROM refunds WHERE attempt_id = ? ORDER BY id').all(attemptId) as RefundRow[];
  return rows.map(toRefund);
}

/** Refunds still to be settled by a retry with the same mchRefundNo or a query. */
export function nonFinalRefunds(journal: Journal): RefundRecord[] {
  const rows = journal
    .statement(`SELECT * FROM refunds WHERE ${UNSETTLED} ORDER BY created_at`)
    .all() as RefundRow[];
  return rows.map(toRefund);
}
