// Waiting at the till, in two phases (docs/payments.md "What the till shows while money is uncertain"):
//   waiting   ask the gateway every `everyMs` until the attempt settles, the till's wait runs out, or the
//             cashier cancels;
//   checking  the till stopped waiting, but the money may still move: keep asking until the wallet's own close
//             (after a cancel, at least `minCheckMs`), then one last query.
// An attempt still open after that stays `expired` (or `unknown`): in flight, holding its sale, and the
// reconciler's to settle. Nothing here closes an attempt on time alone. All times are monotonic.
import { getAttempt } from '../journal/attempt-queries.js';
import { isSettledAttemptState } from '../journal/attempt-states.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { moveAttempt } from './attempt-moves.js';
import { checkAttempt } from './gateway-outcome.js';
import type { PaymentContext } from './payment-context.js';

export interface WaitOptions {
  everyMs: number;
  /** Monotonic ms when the till stops waiting for the customer. */
  waitUntil: number;
  /** Monotonic ms when the wallet itself closes the order; checking lasts until then. */
  closesAt: number;
  /** The cashier stopped waiting: checking begins. */
  cancel: AbortSignal;
  /** Shutdown, or a manager released the attempt: the till stops asking; the reconciler carries on. */
  stop: AbortSignal;
  /** Why we stop waiting when `waitUntil` passes, for the journal. */
  expiredCode: string;
}

/** The checking countdown begins: for the journal, the attempt is `expired` (an `unknown` one stays unknown). */
function startChecking(ctx: PaymentContext, attemptId: number, code: string, message: string): AttemptRecord {
  const attempt = getAttempt(ctx.journal, attemptId);
  if (attempt.state === 'unknown' || attempt.state === 'expired' || isSettledAttemptState(attempt.state)) return attempt;
  return moveAttempt(ctx, attemptId, 'expired', { failureCode: code, failureMessage: message });
}

async function pause(ctx: PaymentContext, ms: number, signal: AbortSignal): Promise<void> {
  try {
    await ctx.timers.sleep(ms, signal);
  } catch {
    // Aborted: the loop's next turn looks at why.
  }
}

export async function waitForOutcome(ctx: PaymentContext, attemptId: number, options: WaitOptions): Promise<AttemptRecord> {
  let attempt = getAttempt(ctx.journal, attemptId);
  let checkUntil: number | undefined;
  while (!isSettledAttemptState(attempt.state) && !options.stop.aborted) {
    const now = ctx.clock.monotonic();
    if (checkUntil === undefined && (options.cancel.aborted || now >= options.waitUntil)) {
      const cancelled = options.cancel.aborted;
      attempt = cancelled
        ? startChecking(ctx, attemptId, 'CANCELLED_AT_TILL', 'the cashier stopped waiting')
        : startChecking(ctx, attemptId, options.expiredCode, 'no answer before the till stopped waiting');
      // After a cancel the customer may have confirmed a moment ago: check at least minCheckMs. When the till's
      // own wait ran out, the wallet's close is due now or already past: straight to the last query.
      checkUntil = cancelled ? Math.max(options.closesAt, now + ctx.timings.minCheckMs) : options.closesAt;
    }
    if (checkUntil !== undefined && now >= checkUntil) {
      // The wallet's own close has passed: one last query, then the reconciler takes over if still open.
      return checkAttempt(ctx, attempt);
    }
    const phase = checkUntil === undefined ? 'waiting' : 'checking';
    const until = checkUntil ?? options.waitUntil;
    ctx.events.emit({ type: 'countdown', attemptId, remainingMs: until - now, phase });
    // While waiting, a cancel interrupts the pause; while checking, only a stop does.
    await pause(ctx, Math.min(options.everyMs, until - now), phase === 'waiting' ? anyOf(options.cancel, options.stop) : options.stop);
    if (options.stop.aborted) break;
    if (phase === 'waiting' && options.cancel.aborted) continue;
    attempt = await checkAttempt(ctx, attempt);
  }
  return getAttempt(ctx.journal, attemptId);
}

function anyOf(a: AbortSignal, b: AbortSignal): AbortSignal {
  return AbortSignal.any([a, b]);
}
