// Refunds through the engine: partial, capped at what was paid, and an uncertain refund retried with the same
// mchRefundNo so it can never refund twice.
import { afterEach, describe, expect, it } from 'vitest';
import { RefundExceedsPaidError } from '../../main/journal/errors.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

async function agree(): Promise<void> {
  await rig.engine.reconcile();
  expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
}

async function paidByScan(cents: number) {
  return rig.engine.chargeByScan({ saleId: rig.sale(cents), ...walletScan('WX', '01'), cashier: 'alice' });
}

const approval = { reason: 'customer returned item', approvedBy: 'manager-1' };

describe('refunds', () => {
  it('partial refunds up to exactly what was paid, then refused', async () => {
    rig = await engineRig();
    const paid = await paidByScan(2000);
    expect((await rig.engine.refund({ attemptId: paid.id, amountCents: 500, ...approval })).state).toBe('succeeded');
    expect((await rig.engine.refund({ attemptId: paid.id, amountCents: 1500, ...approval })).state).toBe('succeeded');
    await expect(rig.engine.refund({ attemptId: paid.id, amountCents: 1, ...approval })).rejects.toBeInstanceOf(RefundExceedsPaidError);
    expect(rig.sandbox.ledger.snapshot().refunds.map((r) => (r.api === 'v1' ? r.refundAmount : r.amount))).toEqual([500, 1500]);
    await agree();
  });

  for (const kind of ['drop', '5xx-after', 'malformed'] as const) {
    it(`${kind} after the gateway refunded: unknown, then retried with the same mchRefundNo; refunded once`, async () => {
      rig = await engineRig();
      const paid = await paidByScan(1000);
      rig.sandbox.faults.injectNext({ kind, path: 'refund_order' });
      const refund = await rig.engine.refund({ attemptId: paid.id, amountCents: 1000, ...approval });
      expect(refund.state).toBe('unknown');
      await rig.engine.reconcile();
      const [settled] = getSale(rig.journal, paid.saleId).refunds;
      expect(settled).toMatchObject({ state: 'succeeded', mchRefundNo: refund.mchRefundNo });
      expect(rig.sandbox.ledger.snapshot().refunds).toHaveLength(1);
      await agree();
    });
  }

  it('a refund the gateway refused before acting (5xx before) is also retried safely', async () => {
    rig = await engineRig();
    const paid = await paidByScan(1000);
    rig.sandbox.faults.injectNext({ kind: '5xx', path: 'refund_order' });
    expect((await rig.engine.refund({ attemptId: paid.id, amountCents: 300, ...approval })).state).toBe('unknown');
    expect(rig.sandbox.ledger.snapshot().refunds).toHaveLength(0);
    await agree();
    expect(rig.sandbox.ledger.snapshot().refunds).toHaveLength(1);
  });

  it('card refunds go through cc_refund; cash refunds are local', async () => {
    rig = await engineRig();
    const start = await rig.engine.startCard({ saleId: rig.sale(1500), cashier: 'carol', returnUrl: 'http://127.0.0.1:9/r' });
    await rig.sandbox.control.payCard(start.secureId!, '4242424242424242');
    const card = await start.done;
    expect((await rig.engine.refund({ attemptId: card.id, amountCents: 700, ...approval })).state).toBe('succeeded');
    const cash = rig.engine.payCash({ saleId: rig.sale(900), cashier: 'alice', tenderedCents: 1000 });
    expect((await rig.engine.refund({ attemptId: cash.id, amountCents: 900, ...approval })).state).toBe('succeeded');
    expect(rig.sandbox.ledger.snapshot().refunds).toHaveLength(1);
    await agree();
  });
});
