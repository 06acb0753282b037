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
