// Waiting at the till: ask the gateway every `everyMs` until the attempt is final, the deadline passes, or
// the cashier cancels. Then the attempt is `expired` and the reconciler keeps asking in the background.
import { getAttempt } from '../journal/attempt-queries.js';
import { isFinalAttemptState } from '../journal/attempt-states.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { moveAttempt } from './attempt-moves.js';
import { checkAttempt } from './gateway-outcome.js';
import type { PaymentContext } from './payment-context.js';

export interface WaitOptions {
  everyMs: number;
  deadlineAt: number;
  signal: AbortSignal;
  /** Why we stop waiting at the deadline, for the journal. */
  expiredCode: string;
}

export async function waitForOutcome(ctx: PaymentContext, attemptId: number, options: WaitOptions): Promise<AttemptRecord> {
  let attempt = getAttempt(ctx.journal, attemptId);
  while (!isFinalAttemptState(attempt.state)) {
    const remainingMs = options.deadlineAt - ctx.clock.now();
    if (options.signal.aborted) return expire(ctx, attemptId, 'CANCELLED_AT_TILL', 'the cashier stopped waiting');
    if (remainingMs <= 0) return expire(ctx, attemptId, options.expiredCode, 'no answer before the deadline');
    ctx.events.emit({ type: 'countdown', attemptId, remainingMs });
    try {
      await ctx.timers.sleep(Math.min(options.everyMs, remainingMs), options.signal);
    } catch {
      // Aborted by a cashier cancel or shutdown: the loop's next turn journals it as expired.
      continue;
    }
    attempt = await checkAttempt(ctx, attempt);
  }
  return attempt;
}

function expire(ctx: PaymentContext, attemptId: number, code: string, message: string): AttemptRecord {
  const attempt = getAttempt(ctx.journal, attemptId);
  if (isFinalAttemptState(attempt.state) || attempt.state === 'expired') return attempt;
  return moveAttempt(ctx, attemptId, 'expired', { failureCode: code, failureMessage: message, nextCheckAt: ctx.clock.now() });
}
