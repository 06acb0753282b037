// The payment attempt a till is showing: from call responses and payment:attempt events, with the countdown
// main sends in payment:countdown turned into a local deadline so it ticks smoothly between events.
import { useCallback, useState } from 'react';
import type { AttemptView } from '../../preload/contract.js';
import { pickAttempt } from './attempt-state.js';
import { usePosEvent } from './use-pos-event.js';

export interface TrackedAttempt {
  attempt: AttemptView | null;
  /** Epoch ms when main stops waiting for this attempt, if it said. */
  deadline: number | null;
  track: (attempt: AttemptView) => void;
  clear: () => void;
}

export function useAttempt(): TrackedAttempt {
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [countdown, setCountdown] = useState<{ attemptId: number; deadline: number } | null>(null);

  const track = useCallback((incoming: AttemptView) => setAttempt((current) => pickAttempt(current, incoming)), []);
  const clear = useCallback(() => {
    setAttempt(null);
    setCountdown(null);
  }, []);

  usePosEvent('payment:attempt', track);
  usePosEvent('payment:countdown', (e) => setCountdown({ attemptId: e.attemptId, deadline: Date.now() + e.remainingMs }));

  const deadline = attempt && countdown?.attemptId === attempt.id ? countdown.deadline : null;
  return { attempt, deadline, track, clear };
}
