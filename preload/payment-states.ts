// The payment vocabulary, declared once (docs/payments.md "States"): attempt and refund states, which of them
// are settled, which hold a sale, the phase a person sees, and the reasons a payment did not go through. Pure
// data with no imports, so main (journal, payments, SQL built from these lists) and the renderer import the
// same values; nothing else spells a state list.

export const ATTEMPT_STATES = ['created', 'sent', 'pending', 'succeeded', 'failed', 'expired', 'unknown'] as const;
export type AttemptState = (typeof ATTEMPT_STATES)[number];

/** The gateway has said its last word: paid, or certainly not paid. Nothing leaves these states. */
export const SETTLED_ATTEMPT_STATES = ['succeeded', 'failed'] as const satisfies readonly AttemptState[];

/**
 * In flight: the money may still move. `unknown` (the answer was lost) and `expired` (the till stopped waiting)
 * are in flight too, until a query brings a final answer; no clock ever settles them.
 */
export const IN_FLIGHT_ATTEMPT_STATES = ['created', 'sent', 'pending', 'expired', 'unknown'] as const satisfies readonly AttemptState[];

export function isSettledAttemptState(state: AttemptState): boolean {
  return (SETTLED_ATTEMPT_STATES as readonly AttemptState[]).includes(state);
}

export function isInFlightAttemptState(state: AttemptState): boolean {
  return !isSettledAttemptState(state);
}

/**
 * What the person at the till and the customer see:
 *   working   the request is on its way or the customer is paying (created, sent, pending);
 *   checking  the till stopped waiting or lost the answer; only the gateway can say (expired, unknown);
 *   paid      succeeded;
 *   not-paid  the gateway said final and not paid (failed).
 */
export type AttemptPhase = 'working' | 'checking' | 'paid' | 'not-paid';

export function attemptPhase(state: AttemptState): AttemptPhase {
  switch (state) {
    case 'created':
    case 'sent':
    case 'pending':
      return 'working';
    case 'expired':
    case 'unknown':
      return 'checking';
    case 'succeeded':
      return 'paid';
    case 'failed':
      return 'not-paid';
  }
}

export const REFUND_STATES = ['created', 'sent', 'succeeded', 'failed', 'unknown'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/** Refunds still to be settled by a re-send with the same mchRefundNo. */
export const UNSETTLED_REFUND_STATES = ['created', 'sent', 'unknown'] as const satisfies readonly RefundState[];

export function isSettledRefundState(state: RefundState): boolean {
  return !(UNSETTLED_REFUND_STATES as readonly RefundState[]).includes(state);
}

/** A refund that succeeded or may still succeed holds part of what was paid (the refundable cap). */
export function refundHoldsMoney(state: RefundState): boolean {
  return state !== 'failed';
}

/**
 * Why a payment is not (yet) paid, as the screens word it (`reason.<CODE>` in each dictionary). Main maps the
 * journal's failure codes onto these (main/payments/attempt-reasons.ts); the gateway's own codes never reach a
 * screen.
 */
export const ATTEMPT_REASONS = [
  'INSUFFICIENT_FUNDS',
  'INVALID_PAYMENT_CODE',
  'DECLINED',
  'CANCELLED_BY_CUSTOMER',
  'CLOSED_BY_GATEWAY',
  'CANCELLED_AT_TILL',
  'NO_ANSWER_AT_TILL',
  'QR_EXPIRED',
  'CARD_FORM_TIMEOUT',
  'OFFLINE',
  'NEVER_CREATED',
  'AMOUNT_MISMATCH',
  'INTERRUPTED',
  'ANSWER_LOST',
  'GATEWAY_REFUSED',
  'OTHER',
] as const;
export type AttemptReason = (typeof ATTEMPT_REASONS)[number];

/** A `state IN (...)` list for SQL built from one of the lists above (constants only, never user input). */
export function sqlStateList(states: readonly string[]): string {
  return states.map((s) => `'${s.replace(/[^a-z_]/g, '')}'`).join(', ');
}
