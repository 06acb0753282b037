// Every timer the sandbox starts (latency faults, held responses, notify retries) is owned here, so close()
// can cancel them all and a test run never waits 40 s for a held scenario-06 response.

export class PendingTimers {
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  /** Resolves true after `ms`, or false as soon as the sandbox closes. */
  wait(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve(true);
      }, ms);
      this.timers.set(timer, () => resolve(false));
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  cancelAll(): void {
    this.closed = true;
    for (const [timer, cancel] of this.timers) {
      clearTimeout(timer);
      cancel();
    }
    this.timers.clear();
  }
}
