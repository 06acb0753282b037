// Crash safety: run each flow in a child process and SIGKILL it right after each journal commit, and also in
// the middle of polling and of a refund. Restart (open the same journal, reconcile) and require: the journal
// agrees with the sandbox ledger, no gateway order has two attempts, and nothing is left non-final.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nonFinalAttempts } from '../../main/journal/attempt-queries.js';
import { openJournal } from '../../main/journal/database.js';
import { toAttempt, toRefund, type AttemptRecord, type AttemptRow, type RefundRecord, type RefundRow } from '../../main/journal/payment-records.js';
import { nonFinalRefunds } from '../../main/journal/refund-queries.js';
import { PaymentEngine } from '../../main/payments/engine.js';
import { realTimers } from '../../main/payments/timers.js';
import { startSandbox, type SandboxHandle } from '../../main/sandbox/index.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { CRASH_FLOWS, type CrashFlow, type CrashPlan } from '../support/crash-plan.js';
import { FAST_TIMINGS } from '../support/engine-fixtures.js';
import { gatewayOrderProblems, ledgerDisagreements } from '../support/ledger-agreement.js';
import { clientFor } from '../support/sandbox-fixtures.js';
import { makeTempDir } from '../support/temp-dir.js';

const childScript = fileURLToPath(new URL('../support/crash-child.ts', import.meta.url));

interface ChildResult { signal: NodeJS.Signals | null; code: number | null; commits?: number; stderr: string }

function runChild(plan: CrashPlan): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code, signal) => {
      const line = out.trim().split('\n').at(-1);
      resolve({ code, signal, stderr, commits: line ? (JSON.parse(line) as { commits: number }).commits : undefined });
    });
  });
}

/** What the journal file held when the child died, read before the restart reconciles anything. */
function journalAtKill(journalFile: string): { attempts: AttemptRecord[]; refunds: RefundRecord[] } {
  const journal = openJournal({ file: journalFile, clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
  try {
    return {
      attempts: (journal.db.prepare('SELECT * FROM attempts ORDER BY id').all() as AttemptRow[]).map(toAttempt),
      refunds: (journal.db.prepare('SELECT * FROM refunds ORDER BY id').all() as RefundRow[]).map(toRefund),
    };
  } finally {
    journal.close();
  }
}

let flaggedAfterRestart = 0;

/** The restart: a fresh engine on the same file reconciles until nothing is open (bounded). */
async function restartAndReconcile(journalFile: string, sandbox: SandboxHandle): Promise<string[]> {
  const journal = openJournal({ file: journalFile, clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
  const engine = new PaymentEngine({
    journal, client: clientFor(sandbox, { timeouts: { createMs: 500, queryMs: 500, refundMs: 500 } }), clock: systemClock,
    timers: realTimers, logger: createLogger('restart', silentSink), timings: FAST_TIMINGS, currency: 'CAD',
  });
  // Settled, or open only while the gateway holds an unpaid order for it (a QR created just before the kill, that
  // nobody could see to pay): no attempt is closed on time alone, and an order that never reached the gateway
  // must still be settled as never created.
  const stuck = () => {
    const orders = new Map(sandbox.ledger.snapshot().orders.map((o) => [o.mchOrderNo, o]));
    return [
      ...nonFinalAttempts(journal).filter((a) => a.tender === 'cash' || !orders.has(a.mchOrderNo)).map((a) => `attempt ${a.mchOrderNo} stuck ${a.state}`),
      ...nonFinalRefunds(journal).map((r) => `refund ${r.mchRefundNo} stuck ${r.state}`),
    ];
  };
  try {
    await engine.start();
    for (let pass = 0; pass < 60 && (stuck().length > 0 || ledgerDisagreements(journal, sandbox.ledger.snapshot(), { allowOpen: true }).length > 0); pass += 1) {
      await new Promise((r) => setTimeout(r, 100));
      await engine.reconcile();
    }
    const ledger = sandbox.ledger.snapshot();
    flaggedAfterRestart += (journal.db.prepare('SELECT count(*) AS n FROM attempts WHERE needs_action = 1').get() as { n: number }).n;
    // Agreement, and no gateway order with two attempts nor a sale charged beyond its total unflagged.
    return [...stuck(), ...ledgerDisagreements(journal, ledger, { allowOpen: true }), ...gatewayOrderProblems(journal, ledger)];
  } finally {
    await engine.stop();
    journal.close();
  }
}

async function crashOnce(flow: CrashFlow, kill: { atCommit?: number; afterMs?: number }, prepare?: (s: SandboxHandle) => void) {
  const dir = makeTempDir('pos-crash-');
  const sandbox = await startSandbox({ passwordMs: 400, slowResponseMs: 1000 });
  try {
    prepare?.(sandbox);
    const journalFile = join(dir.path, 'journal.sqlite');
    const plan: CrashPlan = {
      journalFile, gatewayUrl: sandbox.gatewayUrl, controlUrl: sandbox.controlUrl, mchId: sandbox.mchId, key: sandbox.key,
      flow, killAtCommit: kill.atCommit ?? 0, killAfterMs: kill.afterMs ?? 0,
    };
    const child = await runChild(plan);
    const atKill = { ...journalAtKill(journalFile), ledger: sandbox.ledger.snapshot() };
    const problems = await restartAndReconcile(journalFile, sandbox);
    return { child, atKill, problems };
  } finally {
    await sandbox.close();
    dir.remove();
  }
}

const coverage: string[] = [];
afterAll(() => {
  console.log(`crash harness: ${coverage.length} kill points covered (${coverage.join(', ')}); ${flaggedAfterRestart} needs_action after restarts`);
});

describe('crash safety (SIGKILL at every journal commit)', () => {
  for (const flow of CRASH_FLOWS) {
    it(`${flow}: every kill point reconciles to agreement`, async () => {
      const full = await crashOnce(flow, {});
      expect(full.child.stderr).toBe('');
      expect(full.child.code).toBe(0);
      const commits = full.child.commits ?? 0;
      expect(commits).toBeGreaterThan(0);
      expect(full.problems).toEqual([]);
      const points = Array.from({ length: commits }, (_, i) => i + 1);
      // Three at a time: each run is a child process waiting mostly on timers, and there are two cores.
      for (let i = 0; i < points.length; i += 3) {
        const batch = points.slice(i, i + 3);
        const runs = await Promise.all(batch.map((k) => crashOnce(flow, { atCommit: k })));
        runs.forEach((run, j) => {
          const k = batch[j];
          expect(run.child.signal, `${flow} kill at commit ${k}: ${run.child.stderr}`).toBe('SIGKILL');
          expect(run.problems, `${flow} kill at commit ${k}`).toEqual([]);
          coverage.push(`${flow}#${k}`);
        });
      }
    }, 120_000);
  }

  it('mid-polling: killed while the customer is still entering a password', async () => {
    const run = await crashOnce('scan-password', { afterMs: 200 });
    expect(run.child.signal).toBe('SIGKILL');
    // The kill landed where this test says: the customer was still confirming (the sandbox takes 400 ms).
    expect(run.atKill.attempts.map((a) => a.state)).toEqual(['pending']);
    expect(run.problems).toEqual([]);
    coverage.push('scan-password@200ms');
  }, 60_000);

  it('mid-refund: killed while the refund request is in flight at the gateway', async () => {
    const run = await crashOnce('refund', { afterMs: 400 }, (s) => s.faults.injectNext({ kind: 'latency', path: 'refund_order', latencyMs: 1500 }));
    expect(run.child.signal).toBe('SIGKILL');
    // The kill landed where this test says: the payment had succeeded, its first refund was journaled and not
    // final (`sent`, or `unknown` if the client's 500 ms timeout came first), and the gateway had not booked it yet.
    expect(run.atKill.attempts.map((a) => a.state)).toEqual(['succeeded']);
    expect(run.atKill.refunds.map((r) => r.state)).toEqual([expect.stringMatching(/^(sent|unknown)$/)]);
    expect(run.atKill.ledger.refunds).toEqual([]);
    expect(run.problems).toEqual([]);
    coverage.push('refund@400ms');
  }, 60_000);
});
