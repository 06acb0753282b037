// Store benchmark (docs/store.md "Benchmarks"): N terminals × D days of cash sales written through the real journal and
// engine, pushed into a real PostgreSQL (a throwaway cluster, test/support/postgres-cluster.ts) by the real push;
// then the store daily totals (p95 over every day, several times), the sync throughput (events/s per terminal),
// and the sync lag after a sale with the background sync running (p95). Prints `name: value unit`; asserts nothing.
// Default scale finishes in a few minutes; STORE_BENCH_FULL=1 is the 50 terminals × 1 year × 550 orders a day
// (about 10 M orders: hours of loading on this machine). STORE_BENCH_TERMINALS / _DAYS / _SALES_PER_DAY override.
import { join } from 'node:path';
import { createIotPayClient } from '../main/iotpay/index.js';
import { openJournal, type Journal } from '../main/journal/database.js';
import { storeDayOf } from '../main/journal/store-day.js';
import { addLine, createSale } from '../main/journal/sales.js';
import { outboxState } from '../main/journal/store-outbox.js';
import { PaymentEngine } from '../main/payments/engine.js';
import { realTimers } from '../main/payments/timers.js';
import { ManualClock, systemClock, type Clock } from '../main/shared/clock.js';
import { createLogger, silentSink } from '../main/shared/logger.js';
import { openStorePool } from '../main/store/store-connection.js';
import { pushOutbox } from '../main/store/store-push.js';
import { storeTotals } from '../main/store/store-report.js';
import { StoreSync } from '../main/store/store-sync.js';
import { FAST_TIMINGS } from '../test/support/engine-fixtures.js';
import { requirePostgres, startPostgresCluster } from '../test/support/postgres-cluster.js';
import { createStoreDb } from '../test/support/store-terminals.js';
import { makeTempDir } from '../test/support/temp-dir.js';

const FULL = process.env.STORE_BENCH_FULL === '1';
const TERMINALS = Number(process.env.STORE_BENCH_TERMINALS ?? (FULL ? 50 : 8));
const DAYS = Number(process.env.STORE_BENCH_DAYS ?? (FULL ? 365 : 7));
const SALES_PER_DAY = Number(process.env.STORE_BENCH_SALES_PER_DAY ?? (FULL ? 550 : 200));
const ZONE = 'America/Toronto';
const logger = createLogger('bench', silentSink);

const print = (name: string, value: number, unit: string, digits = 2) => console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function terminal(dir: string, id: string, clock: Clock): { journal: Journal; engine: PaymentEngine } {
  const journal = openJournal({ file: join(dir, `${id}.sqlite`), clock, terminalId: id, timeZone: ZONE });
  // Cash only: the client is never called (a closed loopback port, nothing leaves this machine).
  const client = createIotPayClient({ mchId: 'bench', key: 'bench', loginName: 'bench', clientIp: '127.0.0.1', device: id, notifyUrl: 'http://127.0.0.1:9/n', v1BaseUrl: 'http://127.0.0.1:9/v1/', v3BaseUrl: 'http://127.0.0.1:9/v3/', logger });
  const engine = new PaymentEngine({ journal, client, clock, timers: realTimers, logger, timings: FAST_TIMINGS, currency: 'CAD' });
  return { journal, engine };
}

function sellCash(journal: Journal, engine: PaymentEngine, i: number): void {
  const sale = createSale(journal, { cashier: `c${i % 3}`, currency: 'CAD' });
  addLine(journal, sale.id, { sku: 'SKU', name: 'Item', unitPriceCents: 100 + (i % 900), quantity: 1 + (i % 2) });
  engine.payCash({ saleId: sale.id, cashier: `c${i % 3}`, tenderedCents: 5_000 });
}

async function main(): Promise<void> {
  if (!requirePostgres('the store bench loads a real PostgreSQL')) return;
  const dir = makeTempDir('pos-bench-store-');
  const cluster = await startPostgresCluster();
  try {
    const ids = Array.from({ length: TERMINALS }, (_, i) => `B${String(i + 1).padStart(2, '0')}`);
    const store = await createStoreDb(cluster, [...ids, 'LAG']);
    console.log(`store bench: ${TERMINALS} terminals × ${DAYS} days × ${SALES_PER_DAY} sales a day = ${TERMINALS * DAYS * SALES_PER_DAY} orders`);
    const days: string[] = [];
    const throughput: number[] = [];
    for (const id of ids) {
      const clock = new ManualClock(Date.UTC(2026, 0, 5, 14, 0, 0));
      const { journal, engine } = terminal(dir.path, id, clock);
      for (let d = 0; d < DAYS; d += 1) {
        if (id === ids[0]) days.push(storeDayOf(clock.now(), ZONE));
        for (let s = 0; s < SALES_PER_DAY; s += 1) {
          sellCash(journal, engine, s);
          clock.advance(Math.floor((10 * 3_600_000) / SALES_PER_DAY));
        }
        clock.advance(14 * 3_600_000);
      }
      const pool = openStorePool(store.urlOf(id), logger, 1);
      const start = process.hrtime.bigint();
      const result = await pushOutbox(journal, pool, { batchSize: 2000 });
      const seconds = ms(start) / 1000;
      if (result.outcome === 'synced') throughput.push(result.pushed / seconds);
      await pool.end();
      await engine.stop();
      journal.close();
    }
    throughput.sort((a, b) => a - b);
    print('store sync throughput per terminal (median)', percentile(throughput, 50), 'events/s', 0);
    print('store sync throughput per terminal (slowest)', throughput[0] ?? NaN, 'events/s', 0);

    // As autovacuum would soon after a load: the planner's statistics for the new rows.
    const admin = await store.connect(store.adminUrl);
    await admin.query('ANALYZE');
    await admin.end();
    const manager = await store.connect(store.managerUrl);
    const totalsTimes: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (const day of days) {
        const start = process.hrtime.bigint();
        await storeTotals(manager, day);
        totalsTimes.push(ms(start));
      }
    }
    totalsTimes.sort((a, b) => a - b);
    print(`store daily totals over ${TERMINALS} terminals (p50)`, percentile(totalsTimes, 50), 'ms');
    print(`store daily totals over ${TERMINALS} terminals (p95)`, percentile(totalsTimes, 95), 'ms');

    // Lag: a terminal on the real clock with the background sync running, nudged by the engine as the app does.
    const { journal, engine } = terminal(dir.path, 'LAG', systemClock);
    const pool = openStorePool(store.urlOf('LAG'), logger, 1);
    const sync = new StoreSync({ journal, pool, clock: systemClock, logger });
    const stopNudge = engine.subscribe(() => sync.nudge());
    sync.start();
    const lags: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      sellCash(journal, engine, i);
      const target = outboxState(journal).headSeq;
      const start = process.hrtime.bigint();
      for (;;) {
        const r = await manager.query(`SELECT head_seq FROM pos_store.terminals WHERE terminal_id = 'LAG'`);
        if (Number(r.rows[0]?.head_seq) >= target) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      lags.push(ms(start));
    }
    stopNudge();
    await sync.stop();
    await pool.end();
    await engine.stop();
    journal.close();
    await manager.end();
    lags.sort((a, b) => a - b);
    print('store sync lag after a sale (p50)', percentile(lags, 50), 'ms');
    print('store sync lag after a sale (p95)', percentile(lags, 95), 'ms');
  } finally {
    cluster.destroy();
    dir.remove();
  }
}

await main();
