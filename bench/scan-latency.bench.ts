// Terminator byte written to a real pty → classified scan in the router, p50/p99, printed beside the time a
// 9600-baud scanner needs just to transmit the code. ptys do not pace bytes by baud rate, so this measures
// our pipeline (kernel pty + serialport + framer + classifier), which must be small against the wire time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../test/support/temp-dir.js';
import { createLogger } from '../main/shared/logger.js';
import { summarise } from '../main/scanners/percentiles.js';
import { preciseClock } from '../main/scanners/precise-clock.js';
import { ReplayGuard } from '../main/scanners/replay-guard.js';
import { createScanRouter } from '../main/scanners/router.js';
import type { ClassifiedScan } from '../main/scanners/scan-types.js';
import { SerialScannerDriver } from '../main/scanners/serial-driver.js';

const ROUNDS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (check()) return;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function measure(baudRate: number): Promise<number[]> {
  const dir = makeTempDir('pos-bench-');
  const a = join(dir.path, 'ttyA');
  const b = join(dir.path, 'ttyB');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${a},mode=666`, `pty,raw,echo=0,link=${b},mode=666`], { stdio: 'ignore' });
  let latest: ClassifiedScan | undefined;
  let open_ = false;
  const logger = createLogger('bench', () => undefined);
  const route = createScanRouter({
    handlers: { onPaymentCode: (s) => (latest = s), onProduct: (s) => (latest = s), onUnknown: (s) => (latest = s) },
    replayGuard: new ReplayGuard({ clock: preciseClock }),
    clock: preciseClock,
    logger,
  });
  const driver = new SerialScannerDriver({
    path: a, baudRate, framing: { kind: 'suffix', suffix: 'CR' }, clock: preciseClock, logger, onScan: route,
    onStatus: (s) => (open_ = s.state === 'open'),
  });
  try {
    await waitFor(() => existsSync(a) && existsSync(b), 'socat');
    await driver.start();
    await waitFor(() => open_, 'port open');
    const scanner = await open(b, 'r+');
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      latest = undefined;
      await scanner.write(`13${String(1e15 + i).padStart(16, '0')}`);
      await sleep(3); // the code's bytes are already in main; only the terminator is timed
      const sentAt = preciseClock.now();
      await scanner.write('\r');
      await waitFor(() => latest !== undefined, 'scan');
      // Re-read through a cast: TypeScript cannot see that the router callback assigned `latest` meanwhile.
      const scan = latest as ClassifiedScan | undefined;
      if (scan?.kind !== 'payment') throw new Error(`expected a payment scan, got ${scan?.kind}`);
      samples.push(scan.classifiedAt - sentAt);
    }
    await scanner.close();
    return samples;
  } finally {
    await driver.stop();
    socat.kill();
    dir.remove();
  }
}

const codeBytes = 18 + 1; // WeChat code plus CR
const transmitMs = (codeBytes * 10 * 1000) / 9600; // 8N1: 10 bits per byte
console.log(`scan-latency 9600-baud transmit time of an 18-digit code + CR: ${transmitMs.toFixed(2)} ms`);
for (const baud of [9600, 115200]) {
  const stats = summarise(await measure(baud));
  console.log(`scan-latency terminator-to-classified @${baud} p50: ${stats.p50.toFixed(3)} ms`);
  console.log(`scan-latency terminator-to-classified @${baud} p99: ${stats.p99.toFixed(3)} ms`);
}
