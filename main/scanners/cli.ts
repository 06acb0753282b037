// `pos scanners list | watch …`: the technician's view of the scanner pipeline. Watch prints one line per
// scan with its classification and timing; payment codes appear masked, never whole.
import type { Clock } from '../shared/clock.js';
import { createLogger, type LogSink } from '../shared/logger.js';
import { parseWatchArgs, WATCH_USAGE, type WatchArgs } from './cli-args.js';
import type { BackoffPolicy, DeviceStatus } from './device-status.js';
import { discoverScanners, type DiscoveryDeps } from './discovery.js';
import { errorMessage, ScannerError } from './errors.js';
import { HidScannerDriver } from './hid-driver.js';
import type { HidModuleLoader } from './hid-module.js';
import { preciseClock } from './precise-clock.js';
import { describeScan, RecentScans } from './recent-scans.js';
import { ReplayGuard } from './replay-guard.js';
import { createScanRouter } from './router.js';
import type { ClassifiedScan, RawScan } from './scan-types.js';
import { SerialScannerDriver } from './serial-driver.js';

export interface ScannersCliDeps extends DiscoveryDeps {
  clock?: Clock;
  /** Ends `watch` (tests); otherwise SIGINT does. */
  signal?: AbortSignal;
  loadHid?: HidModuleLoader;
  backoff?: BackoffPolicy;
}

type Out = (line: string) => void;

export function formatScanLine(scan: ClassifiedScan): string {
  const { detail, display } = describeScan(scan);
  const scanMs = (scan.receivedAt - scan.firstByteAt).toFixed(1);
  const latencyMs = (scan.classifiedAt - scan.receivedAt).toFixed(3);
  return `${scan.deviceId} ${scan.kind} ${detail} ${display} scan=${scanMs}ms latency=${latencyMs}ms`;
}

async function list(out: Out, deps: ScannersCliDeps): Promise<number> {
  const { candidates, problems } = await discoverScanners(deps);
  for (const c of candidates) out(`${c.kind.padEnd(12)} ${c.label}`);
  if (candidates.length === 0) out('no candidate scanners found');
  for (const p of problems) out(`problem ${p.code}: ${p.message}`);
  return 0;
}

function startDriver(args: WatchArgs, deps: ScannersCliDeps, clock: Clock, sink: LogSink, onScan: (raw: RawScan) => void, onStatus: (s: DeviceStatus) => void) {
  const logger = createLogger('scanners', sink);
  const backoff = deps.backoff ? { backoff: deps.backoff } : {};
  const device = args.device;
  if (device.kind === 'serial') {
    const driver = new SerialScannerDriver({ ...device, ...backoff, clock, logger, onScan, onStatus });
    return { start: () => driver.start(), stop: () => driver.stop() };
  }
  const loadHid = deps.loadHid ? { loadHid: deps.loadHid } : {};
  const driver = new HidScannerDriver({ ...device, ...backoff, ...loadHid, clock, logger, onScan, onStatus });
  return { start: () => driver.start(), stop: async () => driver.stop() };
}

async function watch(argv: string[], out: Out, deps: ScannersCliDeps): Promise<number> {
  const args = parseWatchArgs(argv);
  const clock = deps.clock ?? preciseClock;
  // Device status already has its own lines; the log adds only dropped frames and reports, with their reason.
  const sink: LogSink = (level, prefix, message, fields) => {
    if (level !== 'debug' && level !== 'info' && fields?.['reason']) out(`! [${prefix}] ${message}: ${String(fields['reason'])}`);
  };
  const recent = new RecentScans(10_000);
  const stopper = new AbortController();
  let seen = 0;
  let unavailable = false;
  const print = (scan: ClassifiedScan) => {
    out(formatScanLine(scan));
    seen += 1;
    if (args.count !== undefined && seen >= args.count) stopper.abort();
  };
  const route = createScanRouter({
    handlers: { onPaymentCode: print, onProduct: print, onUnknown: print },
    replayGuard: new ReplayGuard({ clock }),
    clock,
    logger: createLogger('scanners', () => undefined),
    recent,
  });
  const driver = startDriver(args, deps, clock, sink, route, (s) => {
    out(`status ${s.state}${s.error ? ` ${s.error.code}: ${s.error.message}` : ''}${s.retryInMs ? ` (retry in ${s.retryInMs} ms)` : ''}`);
    if (s.state === 'unavailable') {
      unavailable = true;
      stopper.abort();
    }
  });
  const onSigint = () => stopper.abort();
  process.once('SIGINT', onSigint);
  deps.signal?.addEventListener('abort', onSigint, { once: true });
  try {
    await driver.start();
    if (!stopper.signal.aborted) await new Promise((resolve) => stopper.signal.addEventListener('abort', resolve, { once: true }));
  } finally {
    process.off('SIGINT', onSigint);
    await driver.stop();
  }
  const stats = recent.stats();
  out(`summary scans=${stats.count} scan_p50=${stats.scanMs.p50.toFixed(1)}ms latency_p50=${stats.latencyMs.p50.toFixed(3)}ms latency_p99=${stats.latencyMs.p99.toFixed(3)}ms`);
  return unavailable ? 1 : 0;
}

export async function runScannersCommand(argv: string[], out: Out, deps: ScannersCliDeps = {}): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'list') return await list(out, deps);
    if (command === 'watch') return await watch(rest, out, deps);
    out(`usage: scanners list\n${WATCH_USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof ScannerError && error.code === 'CLI_USAGE') {
      out(error.message);
      return 2;
    }
    out(`error: ${errorMessage(error)}`);
    return 1;
  }
}
