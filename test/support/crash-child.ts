// Child process for the crash harness: runs one payment flow against a real journal file and the parent's
// sandbox, and SIGKILLs itself right after its Nth committed journal transaction (or after a delay), the
// way a power cut would stop it: no cleanup, no flush, nothing in memory survives.
import { openJournal, type Journal } from '../../main/journal/database.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { PaymentEngine } from '../../main/payments/engine.js';
import { realTimers } from '../../main/payments/timers.js';
import { createControlClient } from '../../main/sandbox/control-client.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { FAST_TIMINGS } from './engine-fixtures.js';
import { clientFor, walletScan } from './sandbox-fixtures.js';
import type { CrashFlow, CrashPlan } from './crash-plan.js';

function countCommits(journal: Journal, killAt: number): () => number {
  let depth = 0;
  let commits = 0;
  const write = journal.write.bind(journal);
  // Nested writes are savepoints inside one transaction; only the outermost one is a commit.
  (journal as { write: Journal['write'] }).write = <T>(work: () => T): T => {
    depth += 1;
    try {
      return write(work);
    } finally {
      depth -= 1;
      if (depth === 0) {
        commits += 1;
        if (commits === killAt) process.kill(process.pid, 'SIGKILL');
      }
    }
  };
  return () => commits;
}

async function runFlow(flow: CrashFlow, engine: PaymentEngine, journal: Journal, plan: CrashPlan): Promise<void> {
  const sale = (cents: number) => {
    const s = createSale(journal, { cashier: 'alice', currency: 'CAD' });
    addLine(journal, s.id, { sku: 'SKU1', name: 'Item', unitPriceCents: cents, quantity: 1 });
    return s.id;
  };
  const control = createControlClient(plan.controlUrl);
  switch (flow) {
    case 'scan-paid':
      return void (await engine.chargeByScan({ saleId: sale(1000), ...walletScan('WX', '01'), cashier: 'alice' }));
    case 'scan-password':
      return void (await engine.chargeByScan({ saleId: sale(1100), ...walletScan('ALIPAY', '02'), cashier: 'alice' }));
    case 'scan-lost':
      return void (await engine.chargeByScan({ saleId: sale(1200), ...walletScan('UPI', '05'), cashier: 'alice' }));
    case 'scan-declined':
      return void (await engine.chargeByScan({ saleId: sale(1300), ...walletScan('WX', '04'), cashier: 'alice' }));
    case 'qr-paid': {
      const off = engine.subscribe((e) => {
        if (e.type === 'qr') void control.payQr({ codeUrl: e.codeUrl });
      });
      await engine.chargeByQr({ saleId: sale(1400), channel: 'WX_NATIVE', cashier: 'alice' });
      return off();
    }
    case 'card-paid': {
      const start = await engine.startCard({ saleId: sale(1500), cashier: 'alice', returnUrl: 'http://127.0.0.1:9/r' });
      if (start.secureId) await control.payCard(start.secureId, '4242424242424242');
      return void (await start.done);
    }
    case 'cash':
      return void engine.payCash({ saleId: sale(1600), cashier: 'alice', tenderedCents: 2000 });
    case 'split': {
      const saleId = sale(3000);
      engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1000, amountCents: 1000 });
      return void (await engine.chargeByScan({ saleId, ...walletScan('WX', '01'), cashier: 'alice' }));
    }
    case 'refund': {
      const paid = await engine.chargeByScan({ saleId: sale(1700), ...walletScan('WX', '01'), cashier: 'alice' });
      await engine.refund({ attemptId: paid.id, amountCents: 700, reason: 'return', approvedBy: 'manager' });
      return void (await engine.refund({ attemptId: paid.id, amountCents: 1000, reason: 'return', approvedBy: 'manager' }));
    }
  }
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] ?? '{}') as CrashPlan;
  const journal = openJournal({ file: plan.journalFile, clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
  const commits = countCommits(journal, plan.killAtCommit);
  const client = clientFor(plan, { timeouts: { createMs: 500, queryMs: 500, refundMs: 500 } });
  const engine = new PaymentEngine({ journal, client, clock: systemClock, timers: realTimers, logger: createLogger('child', silentSink), timings: FAST_TIMINGS, currency: 'CAD' });
  if (plan.killAfterMs > 0) setTimeout(() => process.kill(process.pid, 'SIGKILL'), plan.killAfterMs);
  await runFlow(plan.flow, engine, journal, plan);
  await engine.stop();
  journal.close();
  process.stdout.write(`${JSON.stringify({ commits: commits() })}\n`);
  process.exit(0);
}

void main().catch((err: unknown) => {
  process.stderr.write(`crash-child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(3);
});
