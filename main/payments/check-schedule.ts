// When to ask the gateway again about an attempt that is still open, and how long it has said "no such order".
// Kept in memory on the monotonic clock (docs/payments.md "Time"): a wall-clock jump neither hurries nor
// delays a check, and a restart starts every open attempt afresh, asked at once. Nothing here ever closes an
// attempt: only the gateway's final answer does (docs/payments.md "No attempt is closed on time alone").
import type { Clock } from '../shared/clock.js';

export class CheckSchedule {
  private readonly next = new Map<number, { at: number; gapMs: number }>();
  private readonly notFoundSince = new Map<number, number>();

  constructor(private readonly clock: Clock, private readonly firstGapMs: number, private readonly maxGapMs: number) {}

  /** Due now: never asked in this process, or its gap has passed. */
  isDue(attemptId: number): boolean {
    const entry = this.next.get(attemptId);
    return entry === undefined || entry.at <= this.clock.monotonic();
  }

  /** Asked, still open: the next gap doubles, up to the cap. */
  checked(attemptId: number): void {
    const gapMs = Math.min(this.maxGapMs, (this.next.get(attemptId)?.gapMs ?? this.firstGapMs / 2) * 2);
    this.next.set(attemptId, { at: this.clock.monotonic() + gapMs, gapMs });
  }

  /** How long (ms) the gateway has answered "no such order" for this attempt, counting this answer. */
  notFoundFor(attemptId: number): number {
    const now = this.clock.monotonic();
    const since = this.notFoundSince.get(attemptId) ?? now;
    this.notFoundSince.set(attemptId, since);
    return now - since;
  }

  /** The gateway is back after an outage: every open attempt is asked about at once, then backs off afresh. */
  reset(): void {
    this.next.clear();
  }

  /** The attempt is settled: forget it. */
  forget(attemptId: number): void {
    this.next.delete(attemptId);
    this.notFoundSince.delete(attemptId);
  }
}
