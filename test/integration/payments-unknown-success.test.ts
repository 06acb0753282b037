// An `unknown` attempt (the create_order answer was lost) that turns out paid (docs/architecture.md §3, "Late
// success"): settled by the till flow that is still waiting for it, it pays the sale as usual; found by the
// reconciler when nobody is waiting (here: after a restart), it becomes succeeded with needs_action.
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { PaymentInProgressError } from '../../main/payments/payment-errors.js';
import { PaymentEngine } from '../../main/payments/engine.js';
import type { PaymentEvent } from '../../main/payments/payment-events.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { gatewayOrderProblems, ledgerDisagreements } from '../support/ledger-agreement.js';
import { clientFor, walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
let restarted: { engine: PaymentEngine; journal: Journal } | undefined;
afterEach(async () => {
  if (restarted) {
    await restarted.engine.stop();
    restarted.journal.close();
    restarted = undefined;
  }
  await rig?.close();
});


describe('unknown, then paid', () => {
  it('settled by the till flow still waiting for it: attached, the sale is paid', async () => {
    rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS });
    const states: string[] = [];
    rig.engine.subscribe((e) => {
      if (e.type === 'attempt') states.push(e.state);
    });
    const saleId = rig.sale(1250);
    // The wallet charges the customer, but the answer never reaches the till.
    rig.sandbox.faults.injectNext({ kind: 'drop', path: 'create_order' });
    const attempt = await rig.time!.until(rig.engine.chargeByScan({ saleId, ...walletScan('WX', '01'), cashier: 'alice' }));
    expect(states).toEqual(['sent', 'unknown', 'succeeded']);
    expect(attempt).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    await rig.engine.reconcile();
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
    expect(gatewayOrderProblems(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });

  it('found by the reconciler after a restart (nobody waiting): the sale still owed it, so it pays the sale', async () => {
    rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox: { passwordMs: 10_000 } });
    const time = rig.time!;
    const saleId = rig.sale(1250);
    // The till "loses power" right after journaling `unknown`: the journal is closed in the commit's own event,
    // so nothing the first engine does afterwards can reach the file.
    rig.engine.subscribe((e: PaymentEvent) => {
      if (e.type === 'attempt' && e.state === 'unknown') rig.journal.close();
    });
    rig.sandbox.faults.injectNext({ kind: 'drop', path: 'create_order' });
    await expect(rig.engine.chargeByScan({ saleId, ...walletScan('ALIPAY', '02'), cashier: 'alice' })).rejects.toThrow();

    // Restart: a new engine on the same journal file, same gateway.
    const journal = openJournal({ file: rig.journal.file, clock: time, terminalId: 'T1', timeZone: 'America/Toronto' });
    const engine = new PaymentEngine({
      journal, client: clientFor(rig.sandbox, { timeouts: { createMs: 500, queryMs: 500, refundMs: 500 }, transport: time.countingTransport() }), clock: time,
      timers: time, logger: createLogger('restart', silentSink), timings: SHIPPED_TIMINGS, currency: 'CAD',
    });
    restarted = { engine, journal };
    expect(getSale(journal, saleId).attempts[0]).toMatchObject({ state: 'unknown' });

    // The customer is still entering the password: the attempt stays `unknown`, and it holds the sale.
    await engine.reconcile();
    expect(getSale(journal, saleId).attempts[0]).toMatchObject({ state: 'unknown' });
    expect(() => engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1250 })).toThrow(PaymentInProgressError);

    // The customer confirms at 10 s; the reconciler's next look at this attempt is one timer gap (30 s) later.
    await time.advance(30_000);
    await engine.reconcile();
    const after = getSale(journal, saleId);
    expect(after.attempts[0]).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(after.sale.status).toBe('paid');
    const ledger = rig.sandbox.ledger.snapshot();
    expect(ledger.orders).toHaveLength(1);
    expect(ledgerDisagreements(journal, ledger)).toEqual([]);
    expect(gatewayOrderProblems(journal, ledger)).toEqual([]);
    // Nothing is left for a manager to decide.
    expect(() => engine.resolveLateSuccess(after.attempts[0]!.id, 'attached-to-sale', 'mgr')).toThrow(/needs no decision/);
  });
});
