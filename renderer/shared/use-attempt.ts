// The payment attempt a screen is showing: from call responses and payment:attempt events, with the countdown
// main sends in payment:countdown (a duration) turned into a local monotonic deadline so it ticks smoothly
// between events and no wall-clock jump moves it. Seeded on mount from payment:live, so a reloaded screen picks
// up a payment already in play.
import { useCallback, useState } from 'react';
import type { AttemptView, LivePaymentView } from '../../preload/contract.js';
import { pickAttempt } from './attempt-state.js';
import { deadlineIn } from './use-now.js';
import { useLivePayment } from './use-live-payment.js';
import { usePosEvent } from './use-pos-event.js';

/** What main is counting down: the customer paying (`waiting`), or the gateway being asked (`checking`). */
export type CountdownPhase = 'waiting' | 'checking';

export interface Countdown {
  /** Monotonic ms (performance.now()) when main stops waiting or checking. */
  deadline: number;
  phase: CountdownPhase;
}

export interface TrackedAttempt {
  attempt: AttemptView | null;
  /** Main's countdown for the attempt shown, if it sent one. */
  countdown: Countdown | null;
  track: (attempt: AttemptView) => void;
  clear: () => void;
}

/** `onLive` also sees what `payment:live` answered on mount (the kiosk and the display take the QR from it). */
export function useAttempt(onLive?: (live: LivePaymentView) => void): TrackedAttempt {
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [countdown, setCountdown] = useState<(Countdown & { attemptId: number }) | null>(null);

  const track = useCallback((incoming: AttemptView) => setAttempt((current) => pickAttempt(current, incoming)), []);
  const clear = useCallback(() => {
    setAttempt(null);
    setCountdown(null);
  }, []);

  usePosEvent('payment:attempt', track);
  usePosEvent('payment:countdown', (e) => setCountdown({ attemptId: e.attemptId, deadline: deadlineIn(e.remainingMs), phase: e.phase }));
  // After a reload mid-payment: the attempt main is still waiting on or checking, and how long it keeps at it. An
  // event that beat the answer here wins (pickAttempt; a countdown already heard for this attempt is fresher).
  useLivePayment((live) => {
    onLive?.(live);
    track(live.attempt);
    const { remainingMs } = live;
    if (remainingMs === undefined) return;
    const seeded = { attemptId: live.attempt.id, deadline: deadlineIn(remainingMs), phase: live.countdown ?? (live.attempt.phase === 'checking' ? 'checking' : 'waiting') };
    setCountdown((current) => (current && current.attemptId >= live.attempt.id ? current : seeded));
  });

  const shown = attempt && countdown?.attemptId === attempt.id ? { deadline: countdown.deadline, phase: countdown.phase } : null;
  return { attempt, countdown: shown, track, clear };
}
