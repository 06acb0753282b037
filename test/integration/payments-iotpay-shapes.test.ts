// The payment engine against the sandbox's other answer shapes: a refund in progress stays in flight ("in
// progress" to the manager, failure code REFUND_PROCESSING) and is re-sent with the same mchRefundNo until it is
// final; a failed refund (status 3) is booked failed and frees what it held; a refund answer without a status is
// never booked; unsigned answers are journaled as unsigned.
import { afterEach, describe, expect, it } from 'vitest';
import { getRefund } from '../../main/journal/refund-queries.js';
import { refundableCents } from '../../main/journal/refunds.js';
import type { AnswerShapes } from '../../main/sandbox/index.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig | undefined;
afterEach(async () => rig?.close());

async function paidRig(shapes: Partial<AnswerShapes>, refundSettleMs = 400): Promise<{ rig: EngineRig; attemptId: number }> {
  rig = await engineRig({ sandbox: { shapes, refundSettleMs } });
  const attempt = await rig.engine.chargeByScan({ saleId: rig.sale(1000), ...walletScan('WX', '01'), cashier: 'alice' });
  expect(attempt.state).toBe('succeeded');
  return { rig, attemptId: attempt.id };
}

function events(r: EngineRig, kind: string): Array<Record<string, unknown>> {
  return (r.journal.db.prepare('SELECT payload FROM events WHERE kind = ? ORDER BY seq').all(kind) as Array<{ payload: string }>).map((e) => JSON.parse(e.payload) as Record<string, unknown>);
}

describe('refunds in the shapes IOTPay may answer with', () => {
  it('in progress (status 1): stays in flight as "in progress", is re-sent with the same mchRefundNo until refunded, journaled once as processing', async () => {
    const { rig: r, attemptId } = await paidRig({ refundStatus: 1 });
    const refund = await r.engine.refund({ attemptId, amountCents: 400, reason: 'return', approvedBy: 'mgr' });
    expect(refund).toMatchObject({ state: 'sent', failureCode: 'REFUND_PROCESSING' });
    expect(DICTIONARIES['en-CA']['refundState.sent']).toBe('in progress');
    // What it holds is not refundable again meanwhile.
    expect(refundableCents(r.journal, attemptId)).toBe(600);
    await r.engine.reconcile();
    expect(getRefund(r.journal, refund.id)).toMatchObject({ state: 'sent', failureCode: 'REFUND_PROCESSING' });
    const transitions = () => events(r, 'refund.transition').filter((e) => e.failureCode === 'REFUND_PROCESSING');
    expect(transitions()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 450));
    await r.engine.reconcile();
    expect(getRefund(r.journal, refund.id).state).toBe('succeeded');
    expect(r.sandbox.ledger.snapshot().refunds.map((x) => x.mchRefundNo)).toEqual([refund.mchRefundNo]);
    expect(r.sandbox.ledger.v1Order({ payOrderId: r.sandbox.ledger.snapshot().orders[0]!.payOrderId })?.refundedAmount).toBe(400);
  });

  it('failed (status 3): booked failed, what it held is refundable again, and the gateway refunded nothing', async () => {
    const { rig: r, attemptId } = await paidRig({ refundStatus: 3 });
    const refund = await r.engine.refund({ attemptId, amountCents: 1000, reason: 'return', approvedBy: 'mgr' });
    expect(refund).toMatchObject({ state: 'failed', failureCode: 'REFUND_FAILED' });
    expect(refundableCents(r.journal, attemptId)).toBe(1000);
    expect(r.sandbox.ledger.snapshot().orders[0]).toMatchObject({ refundedAmount: 0 });
  });

  it('no status at all: never booked refunded; it stays uncertain and is re-sent with the same mchRefundNo', async () => {
    const { rig: r, attemptId } = await paidRig({ refundStatus: 'none' });
    const refund = await r.engine.refund({ attemptId, amountCents: 300, reason: 'return', approvedBy: 'mgr' });
    expect(refund).toMatchObject({ state: 'unknown', failureCode: 'REFUND_STATUS_UNKNOWN' });
    const report = await r.engine.reconcile();
    expect(report.refundsRetried).toBe(1);
    expect(getRefund(r.journal, refund.id).state).toBe('unknown');
    expect(r.sandbox.ledger.snapshot().refunds).toHaveLength(1);
    expect(refundableCents(r.journal, attemptId)).toBe(700);
  });
});

describe('unsigned answers are journaled as unsigned', () => {
  it('an unsigned query answer that settles an attempt, and an unsigned refund answer, carry gatewaySigned: false in their journal events', async () => {
    rig = await engineRig({ sandbox: { shapes: { unsignedQuery: true, unsignedRefund: true } } });
    const attempt = await rig.engine.chargeByScan({ saleId: rig.sale(900), ...walletScan('ALIPAY', '02'), cashier: 'alice' });
    expect(attempt.state).toBe('succeeded');
    const settled = events(rig, 'attempt.transition').filter((e) => e.to === 'succeeded');
    expect(settled).toEqual([expect.objectContaining({ gatewaySigned: false })]);
    const refund = await rig.engine.refund({ attemptId: attempt.id, amountCents: 900, reason: 'return', approvedBy: 'mgr' });
    expect(refund.state).toBe('succeeded');
    expect(events(rig, 'refund.transition').filter((e) => e.to === 'succeeded')).toEqual([expect.objectContaining({ gatewaySigned: false })]);
  });

  it('signed answers leave no such mark', async () => {
    const { rig: r, attemptId } = await paidRig({});
    await r.engine.refund({ attemptId, amountCents: 100, reason: 'return', approvedBy: 'mgr' });
    expect([...events(r, 'attempt.transition'), ...events(r, 'refund.transition')].some((e) => 'gatewaySigned' in e)).toBe(false);
  });
});
