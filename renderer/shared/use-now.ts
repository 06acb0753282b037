// A monotonic clock for countdowns. Main sends durations ("120 s left"), never wall-clock instants; a screen
// turns each into a local deadline on performance.now(), which no wall-clock change (NTP, a cashier fixing the
// time, daylight saving) moves. Nothing here may use Date.now().
import { useEffect, useState } from 'react';

/** Milliseconds on this page's monotonic clock. */
export function monotonicNow(): number {
  return performance.now();
}

/** The local deadline `durationMs` from now, on the monotonic clock. */
export function deadlineIn(durationMs: number): number {
  return monotonicNow() + Math.max(0, durationMs);
}

/** Re-renders the caller every `everyMs` while `active`, returning the monotonic now. */
export function useNow(everyMs = 250, active = true): number {
  const [now, setNow] = useState(monotonicNow);
  useEffect(() => {
    if (!active) return;
    setNow(monotonicNow());
    const timer = setInterval(() => setNow(monotonicNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, active]);
  return now;
}

/** "1:05" from milliseconds; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
