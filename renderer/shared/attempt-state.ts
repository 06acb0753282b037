// What the screens need to know about an attempt beyond its view: which of two views to show, and whether it
// still holds the till. The state vocabulary itself (in flight, settled, the phase a person sees) lives in
// preload/payment-states.ts, shared with main; nothing here spells a state list.
import type { AttemptView } from '../../preload/contract.js';
import { isInFlightAttemptState, isSettledAttemptState } from '../../preload/payment-states.js';

/** The money may still move: working or checking. */
export function isInFlight(attempt: Pick<AttemptView, 'state'>): boolean {
  return isInFlightAttemptState(attempt.state);
}

/**
 * In flight and still holding the sale: no other tender, no cart change. An attempt a manager released with an
 * override is still being checked, but the sale may take another tender.
 */
export function holdsTill(attempt: Pick<AttemptView, 'state' | 'released'> | null): boolean {
  return attempt !== null && isInFlightAttemptState(attempt.state) && !attempt.released;
}

/** How far along an attempt is: a call's answer that arrives after newer events must not move it back. */
const PROGRESS: Record<AttemptView['state'], number> = { created: 0, sent: 1, pending: 2, unknown: 2, expired: 3, succeeded: 4, failed: 4 };

/**
 * Which of two views of attempts to show. A newer attempt wins; for the same attempt a view never moves back
 * (a late call response can arrive after the event that moved it on: sent after created, settled after
 * checking). `unknown` and `pending` rank alike, because a query can move either way between them.
 */
export function pickAttempt(current: AttemptView | null, incoming: AttemptView): AttemptView {
  if (!current || incoming.id > current.id) return incoming;
  if (incoming.id < current.id) return current;
  if (isSettledAttemptState(current.state) && isInFlightAttemptState(incoming.state)) return current;
  return PROGRESS[incoming.state] < PROGRESS[current.state] ? current : incoming;
}
