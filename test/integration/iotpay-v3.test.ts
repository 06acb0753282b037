// The real client against the real sandbox: every v3 card endpoint.
import { afterEach, describe, expect, it } from 'vitest';
import { DeclinedError, OrderNotFoundError, RequestRejectedError, type IotPayClient } from '../../main/iotpay/index.js';
import type { SandboxHandle } from '../../main/sandbox/index.js';
import { orderNo, withSandbox } from '../support/sandbox-fixtures.js';

let sandbox: SandboxHandle;
let client: IotPayClient;
afterEach(async () => sandbox?.close());

const PAYS = '4242424242424242';
const DECLINED = '4000000000000002';
const returnUrl = 'http://127.0.0.1:9/card-return';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

async function paidPurchase(amountCents = 1500) {
  const mchOrderNo = orderNo('T1C');
  const session = await client.cards.purchase({ mchOrderNo, amountCents, currency: 'CAD', channel: 'PF_CC', returnUrl });
  await sandbox.control.payCard(session.secureId, PAYS);
  return client.cards.query({ mchOrderNo });
}

describe('v3 cards', () => {
  it('cc_purchase gives a secureId; pending until the form is paid; then succeeded with masked card', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo('T1C');
    const session = await client.cards.purchase({ mchOrderNo, amountCents: 1500, currency: 'CAD', channel: 'PF_CC', returnUrl, subject: 'Sale 1' });
    expect(session.secureId).toMatch(/^[0-9a-f]{64}$/i);
    expect(session.redirectUrl).toContain(session.secureId);
    expect((await client.cards.query({ mchOrderNo })).state).toBe('pending');
    await sandbox.control.payCard(session.secureId, PAYS);
    const tx = await client.cards.query({ mchOrderNo });
    expect(tx).toMatchObject({ state: 'succeeded', amountCents: 1500, currency: 'CAD', payType: 'pay', refundableCents: 1500 });
    expect(tx.cardNum).toMatch(/^\d{6}\*+4242$/);
    expect((await client.cards.query({ payOrderId: tx.payOrderId })).mchOrderNo).toBe(mchOrderNo);
  });

  it('the decline card leaves the purchase failed', async () => {
    ({ sandbox, client } = await withSandbox());
    const mchOrderNo = orderNo('T1C');
    const session = await client.cards.purchase({ mchOrderNo, amountCents: 900, currency: 'CAD', channel: 'PF_CC', returnUrl });
    await sandbox.control.payCard(session.secureId, DECLINED);
    expect((await client.cards.query({ mchOrderNo })).state).toBe('failed');
  });

  it('cc_query of an unknown order: OrderNotFoundError', async () => {
    ({ sandbox, client } = await withSandbox());
    expect(await rejection(client.cards.query({ mchOrderNo: orderNo('T1C') }))).toBeInstanceOf(OrderNotFoundError);
  });

  it('cc_refund partial, then refused above what is refundable; cc_void voids in full', async () => {
    ({ sandbox, client } = await withSandbox());
    const paid = await paidPurchase(1500);
    const refund = await client.cards.refund({ mchRefundNo: orderNo('T1R'), payOrderId: paid.payOrderId, amountCents: 500 });
    expect(refund).toMatchObject({ payType: 'refund', amountCents: 500, state: 'succeeded', originalOrderId: paid.payOrderId });
    expect((await client.cards.query({ payOrderId: paid.payOrderId })).refundableCents).toBe(1000);
    const over = await rejection(client.cards.refund({ mchRefundNo: orderNo('T1R'), payOrderId: paid.payOrderId, amountCents: 1001 }));
    // v3 has no errCode, so an over-refund is a plain retCode=FAIL: refused, and nothing moved.
    expect(over).toBeInstanceOf(RequestRejectedError);
    expect((over as RequestRejectedError).outcome).toBe('not_charged');
    const other = await paidPurchase(700);
    const voided = await client.cards.void({ mchRefundNo: orderNo('T1R'), payOrderId: other.payOrderId });
    expect(voided).toMatchObject({ payType: 'refund', amountCents: 700, state: 'succeeded' });
    expect((await client.cards.query({ payOrderId: other.payOrderId })).refundableCents).toBe(0);
  });

  it('cc_addcard then cc_purchasewithtoken; the decline card is a DeclinedError', async () => {
    ({ sandbox, client } = await withSandbox());
    const good = await client.cards.addCard({ cardId: 'CUST1', channel: 'PF_CC', returnUrl });
    await sandbox.control.payCard(good.secureId, PAYS);
    const tx = await client.cards.purchaseWithToken({ mchOrderNo: orderNo('T1C'), cardId: 'CUST1', amountCents: 2500, currency: 'CAD' });
    expect(tx).toMatchObject({ state: 'succeeded', amountCents: 2500 });
    const bad = await client.cards.addCard({ cardId: 'CUST2', channel: 'PF_CC', returnUrl });
    // Binding the decline card succeeds (it is a real card); charging it is what the bank refuses.
    await sandbox.control.payCard(bad.secureId, DECLINED);
    const err = await rejection(client.cards.purchaseWithToken({ mchOrderNo: orderNo('T1C'), cardId: 'CUST2', amountCents: 100, currency: 'CAD' }));
    expect(err).toBeInstanceOf(DeclinedError);
    expect(err).toMatchObject({ gatewayCode: 'CARD_DECLINED', outcome: 'not_charged' });
    const unbound = await rejection(client.cards.purchaseWithToken({ mchOrderNo: orderNo('T1C'), cardId: 'NOCARD', amountCents: 100, currency: 'CAD' }));
    expect(unbound).toBeInstanceOf(RequestRejectedError);
    expect(unbound.message).toBe('cardId is not binding');
  });
});
