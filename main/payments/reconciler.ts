// Drives every attempt and refund that is not final to a final state: at start-up (after a crash nothing is
// in memory, only the journal) and then on a timer. Attempts are settled by query only; refunds by re-sending
// with the same mchRefundNo. Attempts a flow is still waiting on at the till are left to that flow.
// An open attempt is never given up on: it is asked about less and less often (check-schedule.ts), for as long
// as it takes the gateway to say paid or not paid (docs/payments.md "No attempt is closed on time alone").
import { nonFinalAttempts } from '../journal/attempt-queries.js';
import { isSettledAttemptState, isSettledRefundState } from '../journal/attempt-states.js';
import { nonFinalRefunds } from '../journal/refund-queries.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { moveAttempt } from './attempt-moves.js';
import { askAboutAttempt } from './gateway-outcome.js';
import type { PaymentContext } from './payment-context.js';
import { sendRefund } from './refunds.js';

export interface ReconcileReport {
  checked: number;
  refundsRetried: number;
  stillOpen: number;
}

async function settleAttempt(ctx: PaymentContext, attempt: AttemptRecord): Promise<AttemptRecord> {
  if (attempt.tender === 'cash') {
    // A cash attempt still `created` was interrupted before the till confirmed it: no cash was booked.
    return moveAttempt(ctx, attempt.id, 'failed', { failureCode: 'INTERRUPTED', failureMessage: 'the till stopped before confirming the cash' });
  }
  const { attempt: after } = await askAboutAttempt(ctx, attempt, 'reconciler');
  if (!isSettledAttemptState(after.state)) ctx.schedule.checked(after.id);
  return after;
}

/**
 * A query for an order number that never exists is a harmless probe (any answer, even "not found", proves the
 * gateway reachable; a connection that never opens proves it is not). While offline it notices the gateway
 * coming back; while online with nothing open it is the heartbeat that shows the offline banner before a
 * cashier tries a wallet, at start-up and within one timer tick of the network going down.
 */
async function probeGateway(ctx: PaymentContext): Promise<void> {
  try {
    ctx.connectivity.observe(await ctx.client.orders.query({ mchOrderNo: `${ctx.journal.terminalId}PROBE` }));
  } catch (err) {
    ctx.connectivity.observe(err);
  }
}

/**
 * One pass. `busy` answers, live, whether a till flow is waiting on an attempt right now (the engine passes its
 * map of waits, so an attempt a flow starts during the pass is left to that flow too).
 */
export async function reconcileOnce(ctx: PaymentContext, busy: Pick<ReadonlySet<number>, 'has'> = new Set()): Promise<ReconcileReport> {
  const wasOffline = !ctx.connectivity.isOnline();
  if (wasOffline) {
    await probeGateway(ctx);
    // Back after an outage: what waited through it is asked about now, not at the end of its backed-off gap.
    if (ctx.connectivity.isOnline()) ctx.schedule.reset();
  }
  let checked = 0;
  let stillOpen = 0;
  for (const attempt of nonFinalAttempts(ctx.journal)) {
    if (busy.has(attempt.id)) continue;
    if (!ctx.schedule.isDue(attempt.id)) {
      stillOpen += 1;
      continue;
    }
    checked += 1;
    const after = await settleAttempt(ctx, attempt);
    if (!isSettledAttemptState(after.state)) stillOpen += 1;
  }
  let refundsRetried = 0;
  for (const refund of nonFinalRefunds(ctx.journal)) {
    refundsRetried += 1;
    const after = await sendRefund(ctx, refund);
    if (!isSettledRefundState(after.state)) stillOpen += 1;
  }
  if (!wasOffline && checked === 0 && refundsRetried === 0) await probeGateway(ctx);
  return { checked, refundsRetried, stillOpen };
}
