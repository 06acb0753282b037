// The attempt and refund state machines (docs/architecture.md §3), as data. Pure: no database, no clock.
//   succeeded, failed  final; nothing leaves them.
//   expired            we stopped waiting; a later query may still find it paid or failed.
//   unknown            the response was lost; a query decides, and may find it still pending.
// A late success (expired/unknown -> succeeded) may need a manager; the caller decides and sets needs_action.

// The state lists and their predicates are declared once, in preload/payment-states.ts (shared with the
// screens); this file adds only the transitions.
import type { AttemptState, RefundState } from '../../preload/payment-states.js';

export {
  ATTEMPT_STATES, REFUND_STATES, IN_FLIGHT_ATTEMPT_STATES, SETTLED_ATTEMPT_STATES, isSettledAttemptState, isInFlightAttemptState,
  isSettledRefundState, refundHoldsMoney, sqlStateList, type AttemptState, type RefundState,
} from '../../preload/payment-states.js';

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
