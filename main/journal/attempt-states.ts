// The attempt and refund state machines (ARCHITECTURE.md §3), as data. Pure: no database, no clock.
//   succeeded, failed  final; nothing leaves them.
//   expired            we stopped waiting; a later query may still find it paid or failed.
//   unknown            the response was lost; a query decides, and may find it still pending.
// A late success (expired/unknown -> succeeded) may need a manager; the caller decides and sets needs_action.

export const ATTEMPT_STATES = ['created', 'sent', 'pending', 'succeeded', 'failed', 'expired', 'unknown'] as const;
export type AttemptState = (typeof ATTEMPT_STATES)[number];

export const REFUND_STATES = ['created', 'sent', 'succeeded', 'failed', 'unknown'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

const ATTEMPT_NEXT: Record<AttemptState, readonly AttemptState[]> = {
  // After a crash, a `created` attempt may or may not have left; the reconciler's query settles it directly.
  created: ['sent', 'pending', 'succeeded', 'failed', 'expired', 'unknown'],
  sent: ['pending', 'succeeded', 'failed', 'expired', 'unknown'],
  pending: ['succeeded', 'failed', 'expired', 'unknown'],
  expired: ['succeeded', 'failed'],
  // A query after a lost response can show the customer still entering a password (status 1).
  unknown: ['pending', 'succeeded', 'failed', 'expired'],
  succeeded: [],
  failed: [],
};

const REFUND_NEXT: Record<RefundState, readonly RefundState[]> = {
  created: ['sent', 'succeeded', 'failed', 'unknown'],
  sent: ['succeeded', 'failed', 'unknown'],
  // An uncertain refund is retried with the same mchRefundNo: unknown -> sent again.
  unknown: ['sent', 'succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

export function canTransition(from: AttemptState, to: AttemptState): boolean {
  return ATTEMPT_NEXT[from].includes(to);
}

export function canTransitionRefund(from: RefundState, to: RefundState): boolean {
  return REFUND_NEXT[from].includes(to);
}

export function isFinalAttemptState(state: AttemptState): boolean {
  return state === 'succeeded' || state === 'failed';
}

export function isFinalRefundState(state: RefundState): boolean {
  return state === 'succeeded' || state === 'failed';
}

/** Refunds that hold part of the attempt's refundable amount: they may still succeed. */
export function refundCountsAgainstCap(state: RefundState): boolean {
  return state !== 'failed';
}
