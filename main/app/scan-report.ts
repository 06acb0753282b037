// The scanner setup screen's "recent scans": the counter's and the kiosk's lists merged, newest first, with
// timing statistics over what is shown. Entries already hold masked payment codes only (recent-scans.ts).
import { summarise } from '../scanners/percentiles.js';
import type { RecentScanEntry, RecentScanStats } from '../scanners/recent-scans.js';

export const RECENT_SCANS_SHOWN = 50;

export function statsOf(entries: readonly RecentScanEntry[]): RecentScanStats {
  const bySource: RecentScanStats['bySource'] = {};
  for (const e of entries) bySource[e.source] = (bySource[e.source] ?? 0) + 1;
  return { count: entries.length, bySource, scanMs: summarise(entries.map((e) => e.scanMs)), latencyMs: summarise(entries.map((e) => e.latencyMs)) };
}

export function scanReport(lists: readonly (readonly RecentScanEntry[])[], limit = RECENT_SCANS_SHOWN): { scans: RecentScanEntry[]; stats: RecentScanStats } {
  const scans = lists.flat().sort((a, b) => b.at - a.at).slice(0, limit);
  return { scans, stats: statsOf(scans) };
}
