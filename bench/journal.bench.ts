// Journal benchmarks: durable attempt-write throughput (journal API vs a raw insert with the same pragmas), and
// daily-totals latency over 1,000,000 orders. Prints `name: value unit` lines; asserts nothing about timing.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createAttempt } from '../main/journal/attempts.js';
import { openJournal } from '../main/journal/database.js';
import { migrate } from '../main/journal/migrate.js';
import { journalMigrations } from '../main/journal/migrations/index.js';
import { createSale } from '../main/journal/sales.js';
import { DAILY_TOTALS_SQL, dailyTotals } from '../main/reports/daily-totals.js';
import { ManualClock } from '../main/shared/clock.js';
import { makeTempDir } from '../test/support/temp-dir.js';

const WRITES = Number(process.env.BENCH_JOURNAL_WRITES ?? 3000);
const ORDERS = Number(process.env.BENCH_JOURNAL_ORDERS ?? 1_000_000);
const DAYS = 365;
const QUERIES = 200;
const ZONE = 'America/Toronto';
const DAY0 = Date.parse('2026-01-01T05:00:00Z'); // Toronto midnight
const DAY_MS = 86_400_000;

const print = (name: string, value: number, unit: string, digits = 1) => console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

const ROUNDS = 5;

/** Both writers stay open; rounds alternate so disk noise hits both alike, and the median is reported. */
function writeThroughput(dir: string): { api: number; raw: number } {
  const journal = openJournal({ file: join(dir, 'api.sqlite'), clock: new ManualClock(), terminalId: 'BENCH1' });
  const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
  const db = new Database(join(dir, 'raw.sqlite'));
  for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000']) db.pragma(p);
  migrate(db, journalMigrations);
  db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, created_at, closed_at) VALUES (1, 'BENCH1', 'ann', 'open', 'CAD', 0, 0, NULL)`).run();
  const insert = db.prepare(
    `INSERT INTO attempts (sale_id, tender, channel, amount_cents, currency, mch_order_no, state, code_last4,
       code_fingerprint, cashier, created_at, updated_at) VALUES (1, 'wallet_scan', 'WX_MICROPAY', ?, 'CAD', ?, 'created', ?, ?, 'ann', 0, 0)`,
  );
  // The same row as the journal writes, including a random 64-hex fingerprint (as HMAC output is).
  const fingerprints = Array.from({ length: WRITES }, () => randomBytes(32).toString('hex'));
  const rate = (run: (i: number) => void, offset: number) => {
    const start = process.hrtime.bigint();
    for (let i = offset; i < offset + WRITES / ROUNDS; i += 1) run(i);
    return (WRITES / ROUNDS / ms(start)) * 1000;
  };
  const api: number[] = [];
  const raw: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const offset = (r * WRITES) / ROUNDS;
    api.push(rate((i) => createAttempt(journal, { saleId: sale.id, tender: 'wallet_scan', channel: 'WX_MICROPAY', amountCents: 1000 + i, currency: 'CAD', cashier: 'ann', paymentCode: `1345678901${String(i).padStart(8, '0')}` }), offset));
    raw.push(rate((i) => insert.run(1000 + i, `BENCH1P2601010000${String(i).padStart(8, '0')}`, '0001', fingerprints[i]), offset));
  }
  journal.close();
  db.close();
  return { api: median(api), raw: median(raw) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const CHANNELS = ['WX_MICROPAY', 'ALIPAY_MICROPAY', 'WX_NATIVE', 'ALIPAY_QR', 'PF_CC', 'CASH'];
const STATES = ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded', 'failed'];

/** Bulk load for the bench only: synchronous=OFF and 100k-row transactions; the app never writes like this. */
function bulkLoad(file: string): void {
  openJournal({ file, clock: new ManualClock(), terminalId: 'BENCH1', timeZone: ZONE }).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MiB: index pages stay in memory during the load
  const sale = db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, created_at, closed_at) VALUES (?, 'BENCH1', ?, 'paid', ?, ?, ?, ?)`);
  const attempt = db.prepare(
    `INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, needs_action,
       cashier, created_at, updated_at, finalized_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const refund = db.prepare(
    `INSERT INTO refunds (attempt_id, mch_refund_no, amount_cents, currency, reason, state, approved_by, created_at,
       updated_at, finalized_at) VALUES (?, ?, ?, ?, 'bench', 'succeeded', 'mgr', ?, ?, ?)`,
  );
  const load = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const at = DAY0 + Math.floor(i / (ORDERS / DAYS)) * DAY_MS + 9 * 3_600_000 + ((i * 7919) % (12 * 3_600_000));
      const channel = CHANNELS[i % CHANNELS.length]!;
      const currency = i % 10 === 3 ? 'CNY' : 'CAD';
      const cashier = `cashier${i % 8}`;
      const cents = 100 + ((i * 104729) % 20000);
      const state = i % 997 === 0 ? 'unknown' : STATES[i % STATES.length]!;
      sale.run(i + 1, cashier, currency, cents, at, at + 20_000);
      attempt.run(i + 1, i + 1, channel === 'CASH' ? 'cash' : 'wallet_scan', channel, cents, currency, `B${String(i).padStart(8, '0')}`, state,
        i % 5003 === 0 ? 1 : 0, cashier, at, at + 20_000, state === 'unknown' ? null : at + 20_000);
      if (state === 'succeeded' && i % 50 === 0) refund.run(i + 1, `R${String(i).padStart(8, '0')}`, Math.min(cents, 500), currency, at + 3_600_000, at + 3_600_000, at + 3_600_000);
    }
  });
  // Secondary indexes are dropped for the load and rebuilt after: a sorted build beats a million random inserts.
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('sales', 'attempts', 'refunds')`)
    .all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  for (let from = 0; from < ORDERS; from += 100_000) load(from, Math.min(ORDERS, from + 100_000));
  for (const index of indexes) db.exec(index.sql);
  db.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function main(): void {
  const dir = makeTempDir('journal-bench-');
  try {
    const { api, raw } = writeThroughput(dir.path);
    print(`journal createAttempt (durable, 1 tx each, median of ${ROUNDS})`, api, 'writes/s');
    print(`raw better-sqlite3 attempt insert (same pragmas, median of ${ROUNDS})`, raw, 'writes/s');
    print('journal vs raw write ratio', api / raw, 'x', 2);

    const file = join(dir.path, 'million.sqlite');
    let start = process.hrtime.bigint();
    bulkLoad(file);
    print(`bulk load ${ORDERS} orders (synchronous=OFF)`, ms(start) / 1000, 's', 1);
    print('journal file size', statSync(file).size / 1024 / 1024, 'MiB');
    start = process.hrtime.bigint();
    const journal = openJournal({ file, clock: new ManualClock(), terminalId: 'BENCH1', timeZone: ZONE });
    print('open with quick_check', ms(start), 'ms', 0);
    for (const [name, sql] of Object.entries(DAILY_TOTALS_SQL)) {
      const plan = journal.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 1) as { detail: string }[];
      console.log(`# plan ${name}: ${plan.map((p) => p.detail).join(' | ')}`);
    }
    const times: number[] = [];
    for (let q = 0; q < QUERIES; q += 1) {
      const day = new Date(DAY0 + ((q * 37) % DAYS) * DAY_MS).toISOString().slice(0, 10);
      start = process.hrtime.bigint();
      dailyTotals(journal, day);
      times.push(ms(start));
    }
    times.sort((a, b) => a - b);
    print(`daily totals p50 (${ORDERS} orders, ~${Math.round(ORDERS / DAYS)}/day)`, percentile(times, 50), 'ms', 2);
    print(`daily totals p95 (${ORDERS} orders)`, percentile(times, 95), 'ms', 2);
    journal.close();
  } finally {
    dir.remove();
  }
}

main();
