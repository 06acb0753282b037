// The payment attempt a till is showing: from call responses and payment:attempt events, with the countdown
// main sends in payment:countdown turned into a local deadline so it ticks smoothly between events. Seeded on
// mount from payment:live, so a reloaded till picks up a payment already in play.
import { useCallback, useState } from 'react';
import type { AttemptView, LivePaymentView } from '../../preload/contract.js';
import { pickAttempt } from './attempt-state.js';
import { useLivePayment } from './use-live-payment.js';
import { usePosEvent } from './use-pos-event.js';

export interface TrackedAttempt {
  attempt: AttemptView | null;
  /** Epoch ms when main stops waiting for this attempt, if it said. */
  deadline: number | null;
  track: (attempt: AttemptView) => void;
  clear: () => void;
}

/** `onLive` also sees what `payment:live` answered on mount (the kiosk takes its QR from it). */
export function useAttempt(onLive?: (live: LivePaymentView) => void): TrackedAttempt {
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [countdown, setCountdown] = useState<{ attemptId: number; deadline: number } | null>(null);

  const track = useCallback((incoming: AttemptView) => setAttempt((current) => pickAttempt(current, incoming)), []);
  const clear = useCallback(() => {
    setAttempt(null);
    setCountdown(null);
  }, []);

  usePosEvent('payment:attempt', track);
  usePosEvent('payment:countdown', (e) => setCountdown({ attemptId: e.attemptId, deadline: Date.now() + e.remainingMs }));
  // After a reload mid-payment: the attempt main is still waiting on, and its deadline. An event that beat the
  // answer here wins (pickAttempt; a countdown already heard for this attempt is fresher).
  useLivePayment((live) => {
    onLive?.(live);
    track(live.attempt);
    const deadlineAt = live.deadlineAt;
    if (deadlineAt !== undefined) setCountdown((current) => (current && current.attemptId >= live.attempt.id ? current : { attemptId: live.attempt.id, deadline: deadlineAt }));
  });

  const deadline = attempt && countdown?.attemptId === attempt.id ? countdown.deadline : null;
  return { attempt, deadline, track, clear };
}
