// "The journal agrees with the sandbox ledger, order by order and cent by cent": the check every payment
// scenario, crash and chaos test ends with. Returns the disagreements; an empty list means agreement.
import type { Journal } from '../../main/journal/database.js';
import type { AttemptRow, RefundRow } from '../../main/journal/payment-records.js';
import { toAttempt, toRefund } from '../../main/journal/payment-records.js';
import type { LedgerSnapshot } from '../../main/sandbox/index.js';

const PAID_V1 = new Set([2, 3]);
const PAID_V3 = new Set([2, 3]);

export function ledgerDisagreements(journal: Journal, ledger: LedgerSnapshot, options: { allowOpen?: boolean } = {}): string[] {
  const problems: string[] = [];
  const attempts = (journal.db.prepare(`SELECT * FROM attempts WHERE tender != 'cash'`).all() as AttemptRow[]).map(toAttempt);
  // Cash refunds are local: they never reach the gateway.
  const refunds = (
    journal.db.prepare(`SELECT r.* FROM refunds r JOIN attempts a ON a.id = r.attempt_id WHERE a.tender != 'cash'`).all() as RefundRow[]
  ).map(toRefund);
  const orders = new Map(ledger.orders.map((o) => [o.mchOrderNo, o]));
  const ledgerRefunds = new Map(ledger.refunds.map((r) => [r.mchRefundNo, r]));
  const attemptsByNo = new Set(attempts.map((a) => a.mchOrderNo));

  for (const a of attempts) {
    const order = orders.get(a.mchOrderNo);
    const paid = order !== undefined && (order.api === 'v1' ? PAID_V1.has(order.status) : PAID_V3.has(order.status));
    if (a.state === 'succeeded') {
      if (!paid) problems.push(`${a.mchOrderNo}: journal succeeded, ledger ${order ? `status ${order.status}` : 'has no order'}`);
      else if (order.amount !== a.amountCents || order.currency !== a.currency) {
        if (a.failureCode !== 'AMOUNT_MISMATCH') problems.push(`${a.mchOrderNo}: journal ${a.amountCents} ${a.currency}, ledger ${order.amount} ${order.currency}`);
      }
    } else if (a.state === 'failed') {
      if (paid) problems.push(`${a.mchOrderNo}: journal failed (${a.failureCode}), ledger paid ${order.amount}`);
    } else if (!options.allowOpen) {
      problems.push(`${a.mchOrderNo}: still ${a.state}`);
    } else if (paid) {
      // Open is fine only while the gateway has not taken the money: a paid order must be found by the reconciler.
      problems.push(`${a.mchOrderNo}: still ${a.state}, ledger paid ${order.amount}`);
    }
  }
  // No money at the gateway without an attempt in the journal (a charge we do not know about).
  for (const order of ledger.orders) {
    if (!attemptsByNo.has(order.mchOrderNo)) problems.push(`${order.mchOrderNo}: in the ledger, not in the journal`);
  }
  for (const r of refunds) {
    const lr = ledgerRefunds.get(r.mchRefundNo);
    const amount = lr === undefined ? undefined : lr.api === 'v1' ? lr.refundAmount : lr.amount;
    if (r.state === 'succeeded' && amount !== r.amountCents) problems.push(`${r.mchRefundNo}: refund succeeded ${r.amountCents}, ledger ${amount ?? 'none'}`);
    if (r.state === 'failed' && lr) problems.push(`${r.mchRefundNo}: refund failed in the journal but in the ledger`);
    if (r.state !== 'succeeded' && r.state !== 'failed' && !options.allowOpen) problems.push(`${r.mchRefundNo}: refund still ${r.state}`);
  }
  const journalRefundNos = new Set(refunds.map((r) => r.mchRefundNo));
  for (const lr of ledger.refunds) {
    if (!journalRefundNos.has(lr.mchRefundNo)) problems.push(`${lr.mchRefundNo}: refund in the ledger, not in the journal`);
  }
  return problems;
}

/**
 * "No gateway order has two attempts, and no sale was charged twice": every ledger order belongs to exactly one
 * journal attempt (by mchOrderNo), no two attempts carry the same payOrderId, and no sale took more money
 * (gateway orders the ledger shows paid, plus cash, less what was refunded) than its total, except money flagged
 * needs_action (or set apart by a manager). Returns the problems; an empty list means none.
 */
export function gatewayOrderProblems(journal: Journal, ledger: LedgerSnapshot): string[] {
  const problems: string[] = [];
  const attempts = (journal.db.prepare(`SELECT * FROM attempts`).all() as AttemptRow[]).map(toAttempt);
  const byNo = new Map<string, number>();
  for (const a of attempts) byNo.set(a.mchOrderNo, (byNo.get(a.mchOrderNo) ?? 0) + 1);
  for (const order of ledger.orders) {
    const count = byNo.get(order.mchOrderNo) ?? 0;
    if (count !== 1) problems.push(`${order.mchOrderNo}: ledger order has ${count} journal attempts`);
  }
  const byPayOrderId = new Map<string, string[]>();
  for (const a of attempts) {
    if (a.payOrderId) byPayOrderId.set(a.payOrderId, [...(byPayOrderId.get(a.payOrderId) ?? []), a.mchOrderNo]);
  }
  for (const [payOrderId, nos] of byPayOrderId) {
    if (nos.length > 1) problems.push(`${payOrderId}: shared by attempts ${nos.join(', ')}`);
  }
  const orders = new Map(ledger.orders.map((o) => [o.mchOrderNo, o]));
  const taken = new Map<number, number>();
  for (const a of attempts) {
    // Flagged money (needs_action), or money a manager set apart, is accounted for outside the sale.
    if (a.needsAction || !a.attached) continue;
    const order = orders.get(a.mchOrderNo);
    const paid = order !== undefined && (order.api === 'v1' ? PAID_V1.has(order.status) : PAID_V3.has(order.status));
    // Cash pays its sale the cash taken less its 5¢ rounding (docs/register.md): the rounding is no over-charge.
    const cents = a.tender === 'cash' ? (a.state === 'succeeded' ? a.amountCents - a.roundingCents : 0) : paid ? order.amount : 0;
    taken.set(a.saleId, (taken.get(a.saleId) ?? 0) + cents);
  }
  // What was given back (change for cash, gateway refunds checked against the ledger above) is not kept.
  const refunded = journal.db
    .prepare(`SELECT a.sale_id AS saleId, sum(r.amount_cents) AS cents FROM refunds r JOIN attempts a ON a.id = r.attempt_id
      WHERE r.state = 'succeeded' AND a.needs_action = 0 AND a.attached = 1 GROUP BY a.sale_id`)
    .all() as Array<{ saleId: number; cents: number }>;
  for (const r of refunded) taken.set(r.saleId, (taken.get(r.saleId) ?? 0) - r.cents);
  const totals = journal.db.prepare(`SELECT id, total_cents AS total FROM sales`).all() as Array<{ id: number; total: number }>;
  for (const { id, total } of totals) {
    const cents = taken.get(id) ?? 0;
    if (cents > total) problems.push(`sale ${id}: took ${cents} cents unflagged, total ${total}`);
  }
  return problems;
}
