// The cash a drawer took and gave back in a span of time (docs/staff.md "Expected cash"): succeeded cash attempts
// (their amount is the cash taken, after the 5¢ rounding: docs/register.md "Cash rounding") and succeeded refunds of
// cash attempts, by the time each became final, plus the cash paid out at once by returns without a receipt (they
// have no attempt to refund: docs/register.md "Returns and exchanges"). Change given is not in it: an attempt's amount
// is what stayed.
import type { Journal } from '../journal/database.js';

export interface DrawerCash {
  cashSalesCents: number;
  /** Cash given back: refunds of cash payments and returns without a receipt. */
  cashRefundsCents: number;
}

const SALES = `SELECT coalesce(sum(amount_cents), 0) AS cents FROM attempts
  WHERE state = 'succeeded' AND tender = 'cash' AND currency = ? AND finalized_at >= ? AND finalized_at < ?`;
const REFUNDS = `SELECT coalesce(sum(r.amount_cents), 0) AS cents FROM refunds r JOIN attempts a ON a.id = r.attempt_id
  WHERE r.state = 'succeeded' AND a.tender = 'cash' AND r.currency = ? AND r.finalized_at >= ? AND r.finalized_at < ?`;

const NO_RECEIPT = `SELECT coalesce(sum(cash_back_cents), 0) AS cents FROM returns
  WHERE kind = 'no-receipt' AND currency = ? AND created_at >= ? AND created_at < ?`;

/** Cash in [startMs, endMs) of one currency. */
export function drawerCash(journal: Journal, currency: string, startMs: number, endMs: number): DrawerCash {
  const sales = journal.statement(SALES).get(currency, startMs, endMs) as { cents: number };
  const refunds = journal.statement(REFUNDS).get(currency, startMs, endMs) as { cents: number };
  const noReceipt = journal.statement(NO_RECEIPT).get(currency, startMs, endMs) as { cents: number };
  return { cashSalesCents: sales.cents, cashRefundsCents: refunds.cents + noReceipt.cents };
}
