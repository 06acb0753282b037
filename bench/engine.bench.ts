// Engine overhead per merchant-scan payment, against a sandbox with no latency: the full engine path (journal
// first, five durable commits, create + query) next to the same two HTTP calls made by the bare client.
// Prints `name: value unit` lines; asserts nothing about timing.
import { join } from 'node:path';
import { openJournal } from '../main/journal/database.js';
import { addLine, createSale } from '../main/journal/sales.js';
import { PaymentEngine } from '../main/payments/engine.js';
import { realTimers } from '../main/payments/timers.js';
import { startSandbox } from '../main/sandbox/index.js';
import { percentile } from '../main/scanners/percentiles.js';
import { systemClock } from '../main/shared/clock.js';
import { createLogger, silentSink } from '../main/shared/logger.js';
import { FAST_TIMINGS } from '../test/support/engine-fixtures.js';
import { clientFor, orderNo, walletCode, walletScan } from '../test/support/sandbox-fixtures.js';
import { makeTempDir } from '../test/support/temp-dir.js';

const ROUNDS = Number(process.env.BENCH_ENGINE_ROUNDS ?? 300);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const print = (name: string, value: number, unit: string) => console.log(`${name}: ${value.toFixed(2)} ${unit}`);

async function main(): Promise<void> {
  const dir = makeTempDir('pos-bench-engine-');
  const sandbox = await startSandbox();
  const client = clientFor(sandbox);
  const journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock: systemClock, terminalId: 'BENCH1', timeZone: 'America/Toronto' });
  const engine = new PaymentEngine({ journal, client, clock: systemClock, timers: realTimers, logger: createLogger('bench', silentSink), timings: FAST_TIMINGS, currency: 'CAD' });
  const raw: number[] = [];
  const full: number[] = [];
  try {
    for (let i = 0; i < ROUNDS + 20; i += 1) {
      const t0 = process.hrtime.bigint();
      const mchOrderNo = orderNo('BR');
      await client.orders.createMicropay({ mchOrderNo, channel: 'WX_MICROPAY', amountCents: 1000, currency: 'CAD', subject: 'bench', body: 'bench', identityCode: walletCode('WX', '01') });
      await client.orders.query({ mchOrderNo });
      const rawMs = ms(t0);
      const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
      addLine(journal, sale.id, { sku: 'B', name: 'bench', unitPriceCents: 1000, quantity: 1 });
      const t1 = process.hrtime.bigint();
      const attempt = await engine.chargeByScan({ saleId: sale.id, ...walletScan('WX', '01'), cashier: 'ann' });
      const fullMs = ms(t1);
      if (attempt.state !== 'succeeded') throw new Error(`bench payment ended ${attempt.state}`);
      if (i >= 20) {
        raw.push(rawMs);
        full.push(fullMs);
      }
    }
    print('merchant_scan_client_only_p50', percentile(raw, 50), 'ms');
    print('merchant_scan_client_only_p99', percentile(raw, 99), 'ms');
    print('merchant_scan_engine_p50', percentile(full, 50), 'ms');
    print('merchant_scan_engine_p99', percentile(full, 99), 'ms');
    print('engine_overhead_p50', percentile(full, 50) - percentile(raw, 50), 'ms');
    print('engine_overhead_p99', percentile(full, 99) - percentile(raw, 99), 'ms');
    console.log(`engine_rounds: ${ROUNDS} payments`);
  } finally {
    await engine.stop();
    journal.close();
    await sandbox.close();
    dir.remove();
  }
}

void main();
