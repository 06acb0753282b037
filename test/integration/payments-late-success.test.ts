// A manager's decision on a late success, against a real journal and the real sandbox: attaching pays (and
// settles) the sale; refunding or keeping it apart leaves the sale owing what it owed; refusals are typed.
// A late success the sale still owes is applied by itself (payments-scan.test.ts); a manager decides only when
// the sale can no longer take it: here a manager let cash pay part of the sale while the wallet was checking.
import { afterEach, describe, expect, it } from 'vitest';
import { getSale } from '../../main/journal/sale-queries.js';
import { AmountExceedsDueError, LateSuccessError } from '../../main/payments/payment-errors.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());


const partInCash = (saleId: number) => rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 100, amountCents: 100 });

/**
 * The customer is still confirming when a manager overrides ("the customer shows an unpaid wallet") and cash
 * pays part of the sale; the customer confirms anyway, and the payment would now overpay the sale.
 */
async function lateSuccess(totalCents: number, beforeItLands: (saleId: number) => unknown = partInCash): Promise<{ saleId: number; attemptId: number }> {
  rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox: { passwordMs: 20_000 } });
  const time = rig.time!;
  const saleId = rig.sale(totalCents);
  const pending = rig.engine.chargeByScan({ saleId, ...walletScan('WX', '02'), cashier: 'alice' });
  await time.advance(5000);
  const attemptId = getSale(rig.journal, saleId).attempts[0]!.id;
  rig.engine.override(attemptId, 'mgr', 'the customer shows an unpaid wallet');
  expect(await time.until(pending)).toMatchObject({ state: 'expired', released: true });
  beforeItLands(saleId);
  await time.advance(20_000);
  await rig.engine.reconcile();
  expect(getSale(rig.journal, saleId).attempts[0]).toMatchObject({ id: attemptId, state: 'succeeded', needsAction: true });
  return { saleId, attemptId };
}

describe('resolving a late success', () => {
  it('attached to its open sale once the cash part is given back, it pays and settles the sale', async () => {
    const { saleId, attemptId } = await lateSuccess(500);
    expect(getSale(rig.journal, saleId).sale.status).toBe('open');
    expect(() => rig.engine.resolveLateSuccess(attemptId, 'attached-to-sale', 'mgr')).toThrow(/owes 400/);
    const cash = getSale(rig.journal, saleId).attempts.find((a) => a.tender === 'cash')!;
    await rig.engine.refund({ attemptId: cash.id, amountCents: 100, reason: 'paid by wallet after all', approvedBy: 'mgr' });
    const resolved = rig.engine.resolveLateSuccess(attemptId, 'attached-to-sale', 'mgr');
    expect(resolved).toMatchObject({ needsAction: false, attached: true });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });

  it('kept apart, it never pays the sale: the sale still owes what it owed', async () => {
    const { saleId, attemptId } = await lateSuccess(500);
    expect(rig.engine.resolveLateSuccess(attemptId, 'kept-as-unattached', 'mgr')).toMatchObject({ needsAction: false, attached: false });
    expect(getSale(rig.journal, saleId).sale.status).toBe('open');
    expect(() => rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 600, amountCents: 401 })).toThrow(AmountExceedsDueError);
    expect(rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 400 })).toMatchObject({ state: 'succeeded', amountCents: 400 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
  });

  it('marked refunded only once the whole amount is refunded, and then does not pay the sale either', async () => {
    const { saleId, attemptId } = await lateSuccess(500);
    expect(() => rig.engine.resolveLateSuccess(attemptId, 'refunded', 'mgr')).toThrow(LateSuccessError);
    await rig.engine.refund({ attemptId, amountCents: 200, reason: 'customer left', approvedBy: 'mgr' });
    expect(() => rig.engine.resolveLateSuccess(attemptId, 'refunded', 'mgr')).toThrow(/full amount/);
    expect(await rig.engine.refund({ attemptId, amountCents: 300, reason: 'customer left', approvedBy: 'mgr' })).toMatchObject({ state: 'succeeded' });
    expect(rig.engine.resolveLateSuccess(attemptId, 'refunded', 'mgr')).toMatchObject({ attached: false });
    expect(getSale(rig.journal, saleId).sale.status).toBe('open');
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });

  it('cannot be attached to a sale the cashier already settled another way, nor decided twice', async () => {
    const { saleId, attemptId } = await lateSuccess(500, (id) => rig.engine.payCash({ saleId: id, cashier: 'alice', tenderedCents: 500 }));
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    expect(() => rig.engine.resolveLateSuccess(attemptId, 'attached-to-sale', 'mgr')).toThrow(/already paid/);
    rig.engine.resolveLateSuccess(attemptId, 'kept-as-unattached', 'mgr');
    expect(() => rig.engine.resolveLateSuccess(attemptId, 'kept-as-unattached', 'mgr')).toThrow(/needs no decision/);
  });
});
