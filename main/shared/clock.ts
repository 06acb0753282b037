// Time as a parameter: domain code never calls Date.now() directly, so tests can drive time.
//   now()        wall-clock epoch ms: what the journal records and what a store day is.
//   monotonic()  ms that only ever go forward at the rate of real time: what every wait, countdown and
//                deadline is measured with, so a wall-clock jump (a till that boots with a stale clock and then
//                syncs over NTP) changes neither what is shown nor when the app stops waiting (docs/payments.md "Time").

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Milliseconds since some fixed point in this process; never goes back. */
  monotonic(): number;
}

export const systemClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };

/** A clock that only moves when told to; for tests and for a sandbox started with a manual clock. */
export class ManualClock implements Clock {
  private mono = 0;
  constructor(private current = Date.UTC(2026, 0, 1, 12, 0, 0)) {}
  now(): number {
    return this.current;
  }
  monotonic(): number {
    return this.mono;
  }
  /** Real time passes: both clocks move. */
  advance(ms: number): void {
    this.current += ms;
    this.mono += ms;
  }
  /** Someone sets the wall clock (NTP, a technician): only the wall clock moves, by `ms` (negative: back). */
  jump(ms: number): void {
    this.current += ms;
  }
}
