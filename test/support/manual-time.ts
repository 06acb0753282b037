// One manual clock and timer set for the payment engine and the sandbox together (docs/payments.md "Time"):
// the engine's waits and polls, its reconciler timer, and the sandbox's password delays all move only when the
// test advances time. Real parts stay real: the HTTP between engine and sandbox is a real loopback round trip,
// so `advance` waits for the requests a wake-up starts before it wakes the next timer (a transport that
// counts requests in flight, `countingTransport`).
import type { HttpTransport } from '../../main/iotpay/transport.js';
import { nodeHttpTransport } from '../../main/iotpay/transport.js';
import type { Timers } from '../../main/payments/timers.js';
import type { Clock } from '../../main/shared/clock.js';

interface Waiter {
  at: number;
  seq: number;
  fire: () => void;
}

/** Lets the event loop run until no request is in flight and a few turns passed with nothing new. */
async function quiesce(inFlight: () => number): Promise<void> {
  for (let idleTurns = 0, guard = 0; idleTurns < 3 && guard < 10_000; guard += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    idleTurns = inFlight() === 0 ? idleTurns + 1 : 0;
  }
}

export class ManualTime implements Clock, Timers {
  private mono = 0;
  private seq = 0;
  private readonly waiters: Waiter[] = [];
  private requests = 0;

  constructor(private wall = Date.UTC(2026, 5, 1, 16, 0, 0)) {}

  now(): number {
    return this.wall;
  }

  monotonic(): number {
    return this.mono;
  }

  /** Someone sets the wall clock: only it moves. */
  jump(ms: number): void {
    this.wall += ms;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = { at: this.mono + Math.max(0, ms), seq: this.seq++, fire: () => resolve() };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', () => {
        this.remove(waiter);
        reject(signal.reason);
      }, { once: true });
    });
  }

  every(ms: number, fn: () => void): () => void {
    let stopped = false;
    let current: Waiter | undefined;
    const arm = () => {
      current = { at: this.mono + ms, seq: this.seq++, fire: () => {
        if (stopped) return;
        fn();
        if (!stopped) arm();
      } };
      this.waiters.push(current);
    };
    arm();
    return () => {
      stopped = true;
      if (current) this.remove(current);
    };
  }

  /** The engine's HTTP transport, counting requests in flight so `advance` can wait for them. */
  countingTransport(inner: HttpTransport = nodeHttpTransport): HttpTransport {
    return async (request) => {
      this.requests += 1;
      try {
        return await inner(request);
      } finally {
        this.requests -= 1;
      }
    };
  }

  /** Lets whatever the last step started finish: requests in flight, then the code that follows them. */
  settle(): Promise<void> {
    return quiesce(() => this.requests);
  }

  /** Moves both clocks forward by `ms`, waking each timer at its time, in order, and settling after each. */
  async advance(ms: number): Promise<void> {
    const target = this.mono + ms;
    await this.settle();
    for (;;) {
      const next = this.waiters.filter((w) => w.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.remove(next);
      this.wall += next.at - this.mono;
      this.mono = next.at;
      next.fire();
      await this.settle();
    }
    this.wall += target - this.mono;
    this.mono = target;
    await this.settle();
  }

  /** Advances in steps of `stepMs` until `done` holds; the bound only decides when to give up. */
  async advanceUntil(what: string, done: () => boolean, stepMs = 100, boundMs = 600_000): Promise<void> {
    for (let spent = 0; !done(); spent += stepMs) {
      if (spent > boundMs) throw new Error(`time advanced ${boundMs} ms and still not: ${what}`);
      await this.advance(stepMs);
    }
  }

  /** Advances time until `promise` settles (as a till would live through it), then gives its value. */
  async until<T>(promise: Promise<T>, stepMs = 100, boundMs = 600_000): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => (settled = true));
    watched.catch(() => undefined);
    await this.settle();
    await this.advanceUntil('the flow to finish', () => settled, stepMs, boundMs);
    return watched;
  }

  private remove(waiter: Waiter): void {
    const i = this.waiters.indexOf(waiter);
    if (i >= 0) this.waiters.splice(i, 1);
  }
}
