// Nearest-rank percentiles for scan timing stats and the latency benchmark.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

export interface TimingSummary {
  p50: number;
  p99: number;
  max: number;
}

export function summarise(values: readonly number[]): TimingSummary {
  return { p50: percentile(values, 50), p99: percentile(values, 99), max: percentile(values, 100) };
}
