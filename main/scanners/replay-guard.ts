// Wallet payment codes are single-use (docs/iotpay-api.md §3.3 step 2; docs/architecture.md §3 "the replay guard"). A code seen
// again is a scanner double-read or a replayed photo of a code, and is refused before it reaches a payment.
// Codes are kept only as SHA-256 digests, so a heap dump of the till does not hold chargeable codes.
import { createHash } from 'node:crypto';
import type { Clock } from '../shared/clock.js';

export interface ReplayGuardOptions {
  clock: Clock;
  /** How long a seen code stays refused. Codes expire after ~1 min at the wallet; the default is generous. */
  windowMs?: number;
  /** Memory bound: the oldest digests are forgotten first. */
  maxEntries?: number;
}

export type ReplayVerdict = 'fresh' | 'replay';

export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private readonly windowMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: ReplayGuardOptions) {
    this.windowMs = options.windowMs ?? 30 * 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** Records the code and says whether it was already seen inside the window. */
  check(code: string): ReplayVerdict {
    const now = this.options.clock.now();
    this.evictExpired(now);
    const key = digest(code);
    const seenAt = this.seen.get(key);
    if (seenAt !== undefined && now - seenAt < this.windowMs) return 'replay';
    this.seen.delete(key);
    this.seen.set(key, now);
    while (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return 'fresh';
  }

  get size(): number {
    return this.seen.size;
  }

  // Map iteration is insertion order and every entry is re-inserted on sight, so expired ones are at the front.
  private evictExpired(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at < this.windowMs) break;
      this.seen.delete(key);
    }
  }
}

function digest(code: string): string {
  return createHash('sha256').update(code).digest('base64');
}
