// A payment engine wired to real parts: a SQLite journal in a temp folder and a real sandbox over loopback,
// with short timers so whole flows run in well under a second.
import { join } from 'node:path';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { createSale, addLine } from '../../main/journal/sales.js';
import { PaymentEngine } from '../../main/payments/engine.js';
import { DEFAULT_TIMINGS_EXTRA, type PaymentTimings } from '../../main/payments/payment-context.js';
import { realTimers } from '../../main/payments/timers.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../main/sandbox/index.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { clientFor } from './sandbox-fixtures.js';
import { ManualTime } from './manual-time.js';
import { makeTempDir } from './temp-dir.js';

export const FAST_TIMINGS: PaymentTimings = {
  scanPollMs: 40,
  scanDeadlineMs: { WX_MICROPAY: 1500, ALIPAY_MICROPAY: 1500, UPI_MICROPAY: 1500 },
  qrPollMs: 40,
  qrExpiryMs: 1200,
  qrBackgroundMs: 600,
  reconcileEveryMs: 200,
  notFoundGraceMs: 300,
  cardFormMs: 1500,
  minCheckMs: 300,
  reconcileBackoffMaxMs: 1000,
};

/** The timings a till ships with (docs/payments.md "Timers"): for rigs on manual time, where they cost nothing. */
export const SHIPPED_TIMINGS: PaymentTimings = {
  scanPollMs: 3000,
  scanDeadlineMs: { WX_MICROPAY: 45_000, ALIPAY_MICROPAY: 60_000, UPI_MICROPAY: 60_000 },
  qrPollMs: 2000, qrExpiryMs: 120_000, qrBackgroundMs: 600_000, reconcileEveryMs: 30_000,
  ...DEFAULT_TIMINGS_EXTRA,
};

export interface EngineRig {
  engine: PaymentEngine;
  /** Present with `manualTime`: the one clock and timer set of engine and sandbox, moved by the test. */
  time?: ManualTime;
  journal: Journal;
  sandbox: SandboxHandle;
  dataDir: string;
  /** Opens a sale with one line of `cents`. */
  sale(cents: number, cashier?: string): number;
  close(): Promise<void>;
}

export async function engineRig(options: { sandbox?: SandboxOptions; timings?: Partial<PaymentTimings>; createMs?: number; manualTime?: boolean } = {}): Promise<EngineRig> {
  const dir = makeTempDir('pos-engine-');
  const time = options.manualTime ? new ManualTime() : undefined;
  const clock = time ?? systemClock;
  const sandbox = await startSandbox({ passwordMs: 300, slowResponseMs: 1000, clock, ...options.sandbox });
  const journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock, terminalId: 'T1', timeZone: 'America/Toronto' });
  const client = clientFor(sandbox, { timeouts: { createMs: options.createMs ?? 500, queryMs: 500, refundMs: 500 }, ...(time ? { transport: time.countingTransport() } : {}) });
  const engine = new PaymentEngine({
    journal, client, clock, timers: time ?? realTimers, logger: createLogger('engine', silentSink),
    timings: { ...FAST_TIMINGS, ...options.timings }, currency: 'CAD',
  });
  return {
    engine, time, journal, sandbox, dataDir: dir.path,
    sale(cents, cashier = 'alice') {
      const sale = createSale(journal, { cashier, currency: 'CAD' });
      addLine(journal, sale.id, { sku: 'SKU1', name: 'Item', unitPriceCents: cents, quantity: 1 });
      return sale.id;
    },
    async close() {
      await engine.stop();
      journal.close();
      await sandbox.close();
      dir.remove();
    },
  };
}
