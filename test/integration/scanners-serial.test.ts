// Serial scanners through a real pty pair (socat, docs/toolchain.md §5): the driver opens ttyA as the till would
// open /dev/ttyUSB0, and the test plays the scanner by writing to ttyB.
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPtyPair, type PtyPair } from '../support/pty-pair.js';
import { requireTool } from '../support/system-tools.js';
import { makeTempDir } from '../support/temp-dir.js';
import { createLogger } from '../../main/shared/logger.js';
import { runScannersCommand } from '../../main/scanners/cli.js';
import type { DeviceStatus } from '../../main/scanners/device-status.js';
import { preciseClock } from '../../main/scanners/precise-clock.js';
import { ReplayGuard } from '../../main/scanners/replay-guard.js';
import { createScanRouter } from '../../main/scanners/router.js';
import type { ClassifiedScan } from '../../main/scanners/scan-types.js';
import { SerialScannerDriver } from '../../main/scanners/serial-driver.js';

const hasSocat = requireTool('socat', 'serial scanner tests use a real pty pair');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!hasSocat)('serial scanner over a socat pty pair', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let socat: PtyPair | undefined;
  let scanner: FileHandle | undefined;
  let driver: SerialScannerDriver | undefined;
  let scans: ClassifiedScan[];
  let statuses: DeviceStatus[];

  beforeEach(async () => {
    dir = makeTempDir('pos-serial-');
    socat = await openPtyPair(dir.path);
    scans = [];
    statuses = [];
  });

  afterEach(async () => {
    await driver?.stop();
    await scanner?.close().catch(() => undefined);
    await socat?.close();
    driver = undefined;
    scanner = undefined;
    dir.remove();
  });

  async function startDriver(baudRate: number): Promise<void> {
    const route = createScanRouter({
      handlers: { onPaymentCode: (s) => scans.push(s), onProduct: (s) => scans.push(s), onUnknown: (s) => scans.push(s) },
      replayGuard: new ReplayGuard({ clock: preciseClock }),
      clock: preciseClock,
      logger: createLogger('test', () => undefined),
    });
    driver = new SerialScannerDriver({
      path: join(dir.path, 'ttyA'),
      baudRate,
      framing: { kind: 'suffix', suffix: 'CR' },
      clock: preciseClock,
      logger: createLogger('test', () => undefined),
      backoff: { initialMs: 20, maxMs: 100 },
      onScan: route,
      onStatus: (s) => statuses.push(s),
    });
    await driver.start();
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('open'), { timeout: 5_000 });
    scanner = await open(join(dir.path, 'ttyB'), 'r+');
  }

  const summary = () => scans.map((s) => (s.kind === 'payment' ? `payment:${s.wallet}:${s.code}` : s.kind === 'product' ? `product:${s.gtin}` : `unknown:${s.reason}`));

  it.each([9600, 115200])('at %i baud: split writes and two codes in one write', async (baud) => {
    await startDriver(baud);
    await scanner!.write('1345678901');
    await sleep(30);
    await scanner!.write('23456789\r');
    await scanner!.write('4006381333931\r6226123456789012345\r');
    await vi.waitFor(() => expect(scans).toHaveLength(3), { timeout: 5_000 });
    expect(summary()).toEqual(['payment:WX_MICROPAY:134567890123456789', 'product:04006381333931', 'payment:UPI_MICROPAY:6226123456789012345']);
    // The split code was reassembled into one frame (above); its timing fields are ordered. No duration is
    // asserted: a loaded machine may deliver the two writes together.
    expect(scans[0]!.receivedAt).toBeGreaterThanOrEqual(scans[0]!.firstByteAt);
  });

  it('survives noise, oversized frames and binary garbage, and still reads the next code', async () => {
    await startDriver(9600);
    await scanner!.write(Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x07]));
    await scanner!.write(`${'7'.repeat(600)}\r`);
    await scanner!.write(Buffer.from([0x31, 0x33, 0x00, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x0d]));
    const garbage = Buffer.alloc(4_000);
    for (let i = 0; i < garbage.length; i += 1) garbage[i] = (i * 7919 + 13) % 256;
    await scanner!.write(garbage);
    await scanner!.write('\r289431869362714645\r');
    await vi.waitFor(() => expect(summary()).toContain('payment:ALIPAY_MICROPAY:289431869362714645'), { timeout: 5_000 });
    const payments = scans.filter((s) => s.kind === 'payment');
    expect(payments).toHaveLength(1);
    expect(summary()).toContain('unknown:noisy-frame');
  });

  it('pty closed and reopened: the driver reports the error, retries with backoff and reads again', async () => {
    await startDriver(9600);
    await scanner!.close();
    scanner = undefined;
    await socat?.close();
    await vi.waitFor(() => expect(statuses.some((s) => s.state === 'reconnecting' && s.error?.code === 'DEVICE_ERROR')).toBe(true), { timeout: 5_000 });
    await sleep(250); // several failed reopens while the device is gone
    expect(statuses.filter((s) => s.state === 'reconnecting').length).toBeGreaterThan(1);
    socat = await openPtyPair(dir.path);
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('open'), { timeout: 5_000 });
    scanner = await open(join(dir.path, 'ttyB'), 'r+');
    await scanner.write('96385074\r');
    await vi.waitFor(() => expect(summary()).toEqual(['product:00000096385074']), { timeout: 5_000 });
  });

  it('CLI: scanners watch --serial prints classified, masked lines', async () => {
    const out: string[] = [];
    const done = runScannersCommand(['watch', '--serial', join(dir.path, 'ttyA'), '--baud', '115200', '--suffix', 'CRLF', '--count', '2'], (l) => out.push(l));
    await vi.waitFor(() => expect(out).toContain('status open'), { timeout: 5_000 });
    scanner = await open(join(dir.path, 'ttyB'), 'r+');
    await scanner.write('134567890123456789\r\n036000291452\r\n');
    expect(await done).toBe(0);
    const lines = out.filter((l) => l.startsWith('serial:'));
    expect(lines[0]).toMatch(/^serial:\S+ttyA payment WX_MICROPAY \*{14}6789 scan=\d+\.\dms latency=\d+\.\d{3}ms$/);
    expect(lines[1]).toMatch(/ product UPC-A 00036000291452 /);
    expect(out.join('\n')).not.toContain('134567890123456789');
  });
});
