// The crash and chaos harnesses' "no gateway order has two attempts, no sale charged twice" check
// (test/support/ledger-agreement.ts) must be able to fail: real payments first, then each breach is forged
// (a raw journal write or an edited ledger snapshot) and must be reported.
import { afterEach, expect, it } from 'vitest';
import { getSale } from '../../main/journal/sale-queries.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { gatewayOrderProblems } from '../support/ledger-agreement.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

it('reports a ledger order without exactly one attempt, a shared payOrderId, and an unflagged over-charge', async () => {
  rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox: { passwordMs: 20_000 } });
  const time = rig.time!;
  const a = await time.until(rig.engine.chargeByScan({ saleId: rig.sale(1000), ...walletScan('WX', '01'), cashier: 'alice' }));
  // A late success on a sale the cashier then settles in cash after a manager override: two payments for one
  // sale, the extra flagged.
  const lateSale = rig.sale(500);
  let lateId = 0;
  const late = rig.engine.chargeByScan({ saleId: lateSale, ...walletScan('ALIPAY', '02'), cashier: 'alice' }, (x) => (lateId = x.id));
  await time.advance(5000);
  rig.engine.override(lateId, 'mgr', 'the customer shows an unpaid wallet');
  expect((await time.until(late)).state).toBe('expired');
  rig.engine.payCash({ saleId: lateSale, cashier: 'alice', tenderedCents: 500 });
  await time.advance(20_000);
  await rig.engine.reconcile();
  expect(getSale(rig.journal, lateSale).attempts[0]).toMatchObject({ state: 'succeeded', needsAction: true });
  const ledger = rig.sandbox.ledger.snapshot();
  expect(gatewayOrderProblems(rig.journal, ledger)).toEqual([]);

  // A gateway order the journal has no attempt for.
  const stray = { ...ledger.orders[0]!, mchOrderNo: 'T1STRAY' };
  expect(gatewayOrderProblems(rig.journal, { ...ledger, orders: [...ledger.orders, stray] })).toEqual(['T1STRAY: ledger order has 0 journal attempts']);

  // Two attempts claiming one gateway order.
  rig.journal.db.prepare('UPDATE attempts SET pay_order_id = ? WHERE id = ?').run(a.payOrderId, lateId);
  expect(gatewayOrderProblems(rig.journal, ledger)).toEqual([expect.stringContaining(`${a.payOrderId}: shared by attempts`)]);
  rig.journal.db.prepare('UPDATE attempts SET pay_order_id = NULL WHERE id = ?').run(lateId);

  // The late success silently attached: the sale took 1000 cents against a 500 total.
  rig.journal.db.prepare('UPDATE attempts SET needs_action = 0 WHERE id = ?').run(lateId);
  expect(gatewayOrderProblems(rig.journal, ledger)).toEqual([`sale ${lateSale}: took 1000 cents unflagged, total 500`]);
});
