// "In flight" is one definition (preload/payment-states.ts): created, sent, pending, unknown and expired all hold
// their sale. For each, a real journal and the real sandbox: a second tender, a line edit, a void and a new sale
// are refused while the attempt is in flight, and accepted once the gateway's answer is final. Then the same
// for a real lost answer, and a manager's override.
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../main/catalog/catalog.js';
import { Till } from '../../main/checkout/till.js';
import { getAttempt } from '../../main/journal/attempt-queries.js';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { IN_FLIGHT_ATTEMPT_STATES, type AttemptState } from '../../preload/payment-states.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { PaymentInProgressError } from '../../main/payments/payment-errors.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

const TEA = { sku: 'TEA', gtin: '4006381333931', name: 'Tea', priceCents: 450 };

function tillOn(r: EngineRig, options: { kiosk?: boolean } = {}): Till {
  const catalog = new Catalog();
  catalog.add(TEA);
  return new Till({
    journal: r.journal, engine: r.engine, catalog, currency: 'CAD', cashier: () => (options.kiosk ? 'kiosk' : 'alice'),
    logger: createLogger('till', silentSink), onEvent: () => undefined, approve: () => 'manager', setsAsideHeldSales: options.kiosk,
  });
}

/** Every till and tender action a cashier could try on the open sale; each answers refused or done. */
async function tryEverything(till: Till): Promise<Record<string, 'refused' | 'done'>> {
  const attempt = async (action: () => unknown): Promise<'refused' | 'done'> => {
    try {
      await action();
      return 'done';
    } catch (err) {
      expect(err).toBeInstanceOf(PaymentInProgressError);
      return 'refused';
    }
  };
  const saleId = till.currentSale();
  return {
    cash: await attempt(() => rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 100, amountCents: 100 })),
    qr: await attempt(() => rig.engine.chargeByQr({ saleId, channel: 'WX_NATIVE', cashier: 'alice', amountCents: 100 })),
    addLine: await attempt(() => till.addProduct(TEA.sku, 1)),
    setQuantity: await attempt(() => till.setQuantity(1, 3)),
    void: await attempt(() => till.voidCurrent()),
    newSale: await attempt(() => till.newSale()),
  };
}

const ALL_REFUSED = { cash: 'refused', qr: 'refused', addLine: 'refused', setQuantity: 'refused', void: 'refused', newSale: 'refused' };

describe('every in-flight state holds its sale', () => {
  for (const state of IN_FLIGHT_ATTEMPT_STATES) {
    it(`${state}: nothing else happens to the sale until the attempt is final`, async () => {
      rig = await engineRig();
      const till = tillOn(rig);
      till.addProduct(TEA.sku, 2);
      const saleId = till.currentSale();
      const a = createAttempt(rig.journal, { saleId, tender: 'wallet_qr', channel: 'WX_NATIVE', amountCents: 900, currency: 'CAD', cashier: 'alice' });
      const path: Record<AttemptState, AttemptState[]> = {
        created: [], sent: ['sent'], pending: ['sent', 'pending'], unknown: ['sent', 'unknown'], expired: ['sent', 'pending', 'expired'],
        succeeded: [], failed: [],
      };
      for (const to of path[state]) transitionAttempt(rig.journal, a.id, to);
      expect(getAttempt(rig.journal, a.id).state).toBe(state);
      expect(await tryEverything(till)).toEqual(ALL_REFUSED);
      expect(getSale(rig.journal, saleId).lines).toHaveLength(1);

      // The gateway says final and not paid: the sale is free again.
      transitionAttempt(rig.journal, a.id, 'failed', { failureCode: 'CLOSED_BY_GATEWAY' });
      expect(till.setQuantity(1, 3)).toBe(saleId);
      expect(rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 2000 })).toMatchObject({ state: 'succeeded', amountCents: 1350 });
      expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    });
  }
});

describe('a real lost answer', () => {
  it('unknown after the answer was lost: refused everywhere; once the query finds it paid, it pays the sale once', async () => {
    rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox: { passwordMs: 9000 } });
    const time = rig.time!;
    const till = tillOn(rig);
    till.addProduct(TEA.sku, 1);
    const saleId = till.currentSale();
    rig.sandbox.faults.injectNext({ kind: 'drop', path: 'create_order' });
    let attemptId = 0;
    const paying = rig.engine.chargeByScan({ saleId, ...walletScan('WX', '02'), cashier: 'alice' }, (a) => (attemptId = a.id));
    await time.settle();
    expect(getAttempt(rig.journal, attemptId).state).toBe('unknown');
    expect(await tryEverything(till)).toEqual(ALL_REFUSED);
    expect(await time.until(paying)).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    expect(rig.sandbox.ledger.snapshot().orders.filter((o) => o.status === 2)).toHaveLength(1);
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });

  it("a manager's override lets cash pay while the wallet is checking; the override is journaled with who and why", async () => {
    rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox: { passwordMs: 600_000 } });
    const time = rig.time!;
    const till = tillOn(rig);
    till.addProduct(TEA.sku, 1);
    const saleId = till.currentSale();
    let attemptId = 0;
    const paying = rig.engine.chargeByScan({ saleId, ...walletScan('ALIPAY', '02'), cashier: 'alice' }, (a) => (attemptId = a.id));
    await time.advance(3000);
    expect(getAttempt(rig.journal, attemptId).state).toBe('pending');
    expect(() => rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 500 })).toThrow(PaymentInProgressError);
    rig.engine.override(attemptId, 'manager', 'the customer shows an unpaid wallet');
    expect(await time.until(paying)).toMatchObject({ state: 'expired', released: true });
    expect(rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 500 })).toMatchObject({ state: 'succeeded', changeCents: 50 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    const event = rig.journal.statement(`SELECT payload FROM events WHERE kind = 'attempt.released' AND entity_id = ?`).get(String(attemptId)) as { payload: string };
    expect(JSON.parse(event.payload)).toMatchObject({ by: 'manager', reason: 'the customer shows an unpaid wallet', state: 'expired' });
  });
});

describe('a sale never dead-ends', () => {
  it('a kiosk whose customer walked away from a QR still checking sets that sale aside; paid later, it pays that sale', async () => {
    rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS });
    const time = rig.time!;
    const kiosk = tillOn(rig, { kiosk: true });
    kiosk.addProduct(TEA.sku, 1);
    const abandoned = kiosk.currentSale();
    const charging = rig.engine.chargeByQr({ saleId: abandoned, channel: 'WX_NATIVE', cashier: 'kiosk' });
    await time.settle();
    // While the customer may still be paying (working), the kiosk refuses a new sale like any till.
    expect(() => kiosk.newSale()).toThrow(PaymentInProgressError);
    const attempt = await time.until(charging);
    expect(attempt.state).toBe('expired');
    // Checking, nobody to override: the next customer gets a new sale; the old one stays open, not voided.
    const next = kiosk.newSale();
    expect(next).not.toBe(abandoned);
    expect(getSale(rig.journal, abandoned).sale.status).toBe('open');
    // A counter till in the same state refuses: its cashier has a manager.
    const counter = tillOn(rig);
    counter.addProduct(TEA.sku, 1);
    const held = counter.currentSale();
    const qr = rig.engine.chargeByQr({ saleId: held, channel: 'ALIPAY_QR', cashier: 'alice' });
    await time.until(qr);
    expect(() => counter.newSale()).toThrow(PaymentInProgressError);
    // The first customer paid after all: the set-aside sale is paid, nothing is lost or charged twice.
    await rig.sandbox.control.payQr({ payOrderId: attempt.payOrderId! });
    await rig.engine.reconcile();
    expect(getSale(rig.journal, abandoned).sale.status).toBe('paid');
    expect(getSale(rig.journal, next).attempts).toEqual([]);
  });

  it('after a cash part payment, lines cannot go below what was paid without a manager; the excess is then paid back', async () => {
    rig = await engineRig();
    const till = tillOn(rig);
    till.addProduct(TEA.sku, 3);
    const saleId = till.currentSale();
    rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 1000, amountCents: 1000 });
    expect(() => till.removeLine(1)).toThrow(expect.objectContaining({ code: 'BELOW_PAID' }));
    expect(() => till.setQuantity(1, 2)).toThrow(expect.objectContaining({ code: 'BELOW_PAID' }));
    expect(() => till.newSale()).toThrow(expect.objectContaining({ code: 'SALE_HAS_PAYMENTS' }));
    await expect(till.voidCurrent()).rejects.toMatchObject({ code: 'SALE_HAS_PAYMENTS' });
    // Up is always fine; down to exactly what was paid is too.
    expect(till.setQuantity(1, 4)).toBe(saleId);
    till.removeLine(1, { pin: '1234' });
    expect(getSale(rig.journal, saleId).sale).toMatchObject({ status: 'open', totalCents: 0 });
    await till.refundExcess({ pin: '1234' });
    const after = getSale(rig.journal, saleId);
    expect(after.sale.status).toBe('voided');
    expect(after.refunds).toEqual([expect.objectContaining({ amountCents: 1000, state: 'succeeded', approvedBy: 'manager' })]);
  });

  it('voiding a sale with a wallet payment refunds it first, with the manager', async () => {
    rig = await engineRig();
    const till = tillOn(rig);
    till.addProduct(TEA.sku, 2);
    const saleId = till.currentSale();
    await rig.engine.chargeByScan({ saleId, ...walletScan('WX', '01'), cashier: 'alice', amountCents: 500 });
    const { voided } = await till.voidCurrent({ pin: '1234' });
    expect(voided).toBe(saleId);
    const after = getSale(rig.journal, saleId);
    expect(after.sale.status).toBe('voided');
    expect(after.refunds).toEqual([expect.objectContaining({ amountCents: 500, state: 'succeeded' })]);
    expect(rig.sandbox.ledger.snapshot().refunds).toHaveLength(1);
    expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
  });

  it('the same product twice is one line with quantity 2', async () => {
    rig = await engineRig();
    const till = tillOn(rig);
    till.addProduct(TEA.sku, 1);
    till.addProduct(TEA.sku, 1);
    expect(getSale(rig.journal, till.currentSale()).lines).toEqual([expect.objectContaining({ sku: 'TEA', quantity: 2, lineTotalCents: 900 })]);
  });
});
