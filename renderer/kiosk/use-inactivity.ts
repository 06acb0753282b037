// Kiosk inactivity: after `idleMs` without a touch or key, ask "Still there?"; if nobody answers within
// `graceMs`, give up on the visit. Paused while a payment is in progress: a customer entering a wallet
// password on their phone is not touching the kiosk. Timed on the monotonic clock (use-now.ts), like every
// countdown, so a wall-clock change neither clears a basket early nor keeps it forever.
import { useCallback, useEffect, useState } from 'react';
import { monotonicNow } from '../shared/use-now.js';

export const KIOSK_IDLE_MS = 90_000;
export const KIOSK_GRACE_MS = 20_000;

export function useInactivity(active: boolean, onTimeout: () => void, idleMs = KIOSK_IDLE_MS, graceMs = KIOSK_GRACE_MS) {
  const [lastInput, setLastInput] = useState(() => monotonicNow());
  const [prompting, setPrompting] = useState(false);

  const touch = useCallback(() => {
    setLastInput(monotonicNow());
    setPrompting(false);
  }, []);

  useEffect(() => {
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    // While the prompt shows, only its own button counts as "still here" (a stray brush should not).
    if (prompting) return;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
    };
  }, [touch, prompting]);

  useEffect(() => {
    if (!active) return;
    if (!prompting) {
      const timer = setTimeout(() => setPrompting(true), Math.max(0, lastInput + idleMs - monotonicNow()));
      return () => clearTimeout(timer);
    }
    const timer = setTimeout(() => {
      setPrompting(false);
      setLastInput(monotonicNow());
      onTimeout();
    }, graceMs);
    return () => clearTimeout(timer);
  }, [active, prompting, lastInput, idleMs, graceMs, onTimeout]);

  return { prompting: active && prompting, stillHere: touch, promptStartedAt: lastInput + idleMs };
}
