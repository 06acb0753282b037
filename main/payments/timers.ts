// Waiting, as a parameter. The engine's polls and deadlines go through this so tests can run the real flows
// with short timers and a controlled clock, and so shutdown can cancel every pending wait at once.

export interface Timers {
  /** Resolves after `ms`, or rejects with AbortError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Runs `fn` every `ms` until the returned stop function is called. */
  every(ms: number, fn: () => void): () => void;
}

export const realTimers: Timers = {
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    timer.unref?.();
    return () => clearInterval(timer);
  },
};
