// What the screens need to know about an attempt's state (ARCHITECTURE.md §3).
import type { AttemptView } from '../../preload/contract.js';

export type AttemptState = AttemptView['state'];

/** Still in play at the till: the cashier waits and may cancel. */
export function isAttemptLive(state: AttemptState): boolean {
  return state === 'created' || state === 'sent' || state === 'pending';
}

export function isAttemptFinal(state: AttemptState): boolean {
  return !isAttemptLive(state);
}

/**
 * Which of two views of attempts to show. A newer attempt wins; for the same attempt a final state is never
 * replaced by a live one (a late call response can arrive after the event that finished it).
 */
export function pickAttempt(current: AttemptView | null, incoming: AttemptView): AttemptView {
  if (!current || incoming.id > current.id) return incoming;
  if (incoming.id < current.id) return current;
  if (isAttemptFinal(current.state) && isAttemptLive(incoming.state)) return current;
  return incoming;
}
