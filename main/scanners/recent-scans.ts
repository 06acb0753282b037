// The "recent scans" list the cashier and the technician see: what was scanned, from where, how fast.
// Entries hold masked payment codes only, so this list can be shown or sent to the renderer as is.
import { maskCode } from '../shared/logger.js';
import { summarise, type TimingSummary } from './percentiles.js';
import { assertNever } from '../shared/assert-never.js';
import type { ClassifiedScan, ScanSource } from './scan-types.js';

export interface RecentScanEntry {
  kind: ClassifiedScan['kind'];
  /** WeChat/Alipay/UnionPay channel, GS1 format, or the unknown reason. */
  detail: string;
  /** Masked for payment and unknown scans; the GTIN for products. */
  display: string;
  source: ScanSource;
  deviceId: string;
  at: number;
  /** First byte to terminator: how long the scanner took to send the code. */
  scanMs: number;
  /** Terminator to classified: our own pipeline's share. */
  latencyMs: number;
}

export interface RecentScanStats {
  count: number;
  bySource: Partial<Record<ScanSource, number>>;
  scanMs: TimingSummary;
  latencyMs: TimingSummary;
}

export function describeScan(scan: ClassifiedScan): Pick<RecentScanEntry, 'detail' | 'display'> {
  switch (scan.kind) {
    case 'payment':
      return { detail: scan.wallet, display: maskCode(scan.code) };
    case 'product':
      return { detail: scan.format, display: scan.gtin };
    case 'unknown':
      return { detail: scan.reason, display: scan.masked };
    default:
      return assertNever(scan);
  }
}

export class RecentScans {
  private entries: RecentScanEntry[] = [];

  constructor(private readonly capacity = 50) {}

  record(scan: ClassifiedScan): RecentScanEntry {
    const entry: RecentScanEntry = {
      kind: scan.kind,
      ...describeScan(scan),
      source: scan.source,
      deviceId: scan.deviceId,
      at: scan.receivedAt,
      scanMs: scan.receivedAt - scan.firstByteAt,
      latencyMs: scan.classifiedAt - scan.receivedAt,
    };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }

  /** Newest first. */
  list(): RecentScanEntry[] {
    return [...this.entries].reverse();
  }

  stats(): RecentScanStats {
    const bySource: Partial<Record<ScanSource, number>> = {};
    for (const e of this.entries) bySource[e.source] = (bySource[e.source] ?? 0) + 1;
    return {
      count: this.entries.length,
      bySource,
      scanMs: summarise(this.entries.map((e) => e.scanMs)),
      latencyMs: summarise(this.entries.map((e) => e.latencyMs)),
    };
  }
}
