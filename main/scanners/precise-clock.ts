// Scan timing is sub-millisecond at 115200 baud; Date.now() would round every latency to 0 or 1 ms.
import type { Clock } from '../shared/clock.js';

export const preciseClock: Clock = { now: () => performance.timeOrigin + performance.now(), monotonic: () => performance.now() };
