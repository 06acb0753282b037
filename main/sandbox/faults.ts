// Fault injection (docs/sandbox.md "Faults"): per-request probabilities drawn from a seeded PRNG, so a chaos
// run can be repeated exactly, plus a queue of faults injected into the next matching request(s).

export const FAULT_KINDS = ['latency', '5xx', '5xx-after', 'drop', 'malformed', 'badsign', 'unsigned'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type RatedFault = Exclude<FaultKind, 'latency'>;
export type FaultRates = Partial<Record<RatedFault, number>>;

/**
 * Fixed draw order: one random number per request picks at most one fault, reproducibly. New kinds go at the
 * end, so a seed keeps giving the same faults for the rates it already had.
 */
const RATED_ORDER: readonly RatedFault[] = ['5xx', 'drop', '5xx-after', 'malformed', 'badsign', 'unsigned'];
const DEFAULT_INJECTED_LATENCY_MS = 2000;

export class FaultConfigError extends Error {
  readonly code = 'SANDBOX_FAULT_CONFIG';
}

export interface InjectedFault {
  kind: FaultKind;
  /** Matches a request path exactly (`/v1/create_order`) or by its last segment (`create_order`). */
  path?: string;
  count?: number;
  /** For `latency`: how long to wait. */
  latencyMs?: number;
}

/** What to do with one request: wait `latencyMs` first, then apply `kind` (null = behave). */
export interface FaultDecision {
  latencyMs: number;
  kind: RatedFault | null;
}

/** mulberry32: tiny, fast, and identical on every platform for a given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

function checkedRates(rates: Readonly<Record<string, unknown>>): FaultRates {
  const out: FaultRates = {};
  for (const [kind, rate] of Object.entries(rates)) {
    if (!isFaultKind(kind) || kind === 'latency') throw new FaultConfigError(`unknown fault rate '${kind}'`);
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw new FaultConfigError(`rate for ${kind} must be between 0 and 1`);
    out[kind] = rate;
  }
  return out;
}

function checkedLatency(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) throw new FaultConfigError('latencyMs must be a whole number of ms ≥ 0');
  return ms;
}

export class Faults {
  private rates: FaultRates = {};
  private latencyMs = 0;
  private readonly queue: Array<InjectedFault & { remaining: number }> = [];
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  setRates(rates: Readonly<Record<string, unknown>>, latencyMs?: number): void {
    const checked = checkedRates(rates);
    const latency = latencyMs === undefined ? this.latencyMs : checkedLatency(latencyMs);
    this.rates = checked;
    this.latencyMs = latency;
  }

  current(): { rates: FaultRates; latencyMs: number; queued: InjectedFault[] } {
    return { rates: { ...this.rates }, latencyMs: this.latencyMs, queued: this.queue.map((f) => ({ ...f })) };
  }

  inject(fault: InjectedFault): void {
    if (!isFaultKind(fault.kind)) throw new FaultConfigError(`unknown fault kind '${String(fault.kind)}'`);
    const count = fault.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new FaultConfigError('count must be a whole number ≥ 1');
    if (fault.latencyMs !== undefined) checkedLatency(fault.latencyMs);
    if (fault.path !== undefined && typeof fault.path !== 'string') throw new FaultConfigError('path must be a string');
    this.queue.push({ ...fault, remaining: count });
  }

  decide(path: string): FaultDecision {
    const index = this.queue.findIndex((f) => f.path === undefined || f.path === path || path.endsWith(`/${f.path}`));
    const injected = this.queue[index];
    if (injected) {
      injected.remaining -= 1;
      if (injected.remaining === 0) this.queue.splice(index, 1);
      if (injected.kind === 'latency') return { latencyMs: injected.latencyMs ?? (this.latencyMs || DEFAULT_INJECTED_LATENCY_MS), kind: null };
      return { latencyMs: this.latencyMs, kind: injected.kind };
    }
    return { latencyMs: this.latencyMs, kind: this.draw() };
  }

  private draw(): RatedFault | null {
    const roll = this.random();
    let threshold = 0;
    for (const kind of RATED_ORDER) {
      threshold += this.rates[kind] ?? 0;
      if (roll < threshold) return kind;
    }
    return null;
  }
}

/** `drop=0.2,5xx=0.1,latency=300` (the CLI's --faults) → rates and latency. */
export function parseFaultSpec(spec: string): { rates: FaultRates; latencyMs: number } {
  const rates: Record<string, number> = {};
  let latencyMs = 0;
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const [name, value, extra] = part.trim().split('=');
    const number = Number(value);
    if (!name || value === undefined || extra !== undefined || value.trim() === '' || !Number.isFinite(number)) {
      throw new FaultConfigError(`bad fault '${part}': expected name=number`);
    }
    if (name === 'latency') latencyMs = checkedLatency(number);
    else rates[name] = number;
  }
  return { rates: checkedRates(rates), latencyMs };
}
