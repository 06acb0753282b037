// Merchant-scan through the engine, against a real journal file and the real sandbox: every scenario row ends
// in the right state, and the journal agrees with the sandbox ledger afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import { PaymentCodeReusedError } from '../../main/journal/errors.js';
import { getSale } from '../../main/journal/sale-queries.js';
import type { PaymentEvent } from '../../main/payments/payment-events.js';
import { PaymentInProgressError } from '../../main/payments/payment-errors.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletCode, walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

async function agree(): Promise<void> {
  await rig.engine.reconcile();
  expect(ledgerDisagreements(rig.journal, rig.sandbox.ledger.snapshot())).toEqual([]);
}

describe('merchant-scan scenarios', () => {
  const rows: Array<[string, 'WX' | 'ALIPAY' | 'UPI', string, string | null]> = [
    ['01', 'WX', 'succeeded', null],
    ['02', 'ALIPAY', 'succeeded', null],
    ['03', 'UPI', 'failed', 'CANCELLED_BY_CUSTOMER'],
    ['04', 'WX', 'failed', 'INSUFFICIENT_FUNDS'],
    ['05', 'ALIPAY', 'succeeded', null],
    ['06', 'WX', 'succeeded', null],
    ['07', 'UPI', 'failed', 'INVALID_PAYMENT_CODE'],
  ];
  for (const [scenario, wallet, state, failureCode] of rows) {
    it(`${scenario} (${wallet}) → ${state}${failureCode ? ` ${failureCode}` : ''}`, async () => {
      rig = await engineRig();
      const saleId = rig.sale(2856);
      const attempt = await rig.engine.chargeByScan({ saleId, ...walletScan(wallet, scenario), cashier: 'alice' });
      expect(attempt.state).toBe(state);
      if (failureCode) expect(attempt.failureCode).toBe(failureCode);
      expect(attempt.codeLast4).toHaveLength(4);
      expect(getSale(rig.journal, saleId).sale.status).toBe(state === 'succeeded' ? 'paid' : 'open');
      await agree();
    });
  }

  it('streams attempt states and a countdown to listeners', async () => {
    rig = await engineRig();
    const events: PaymentEvent[] = [];
    rig.engine.subscribe((e) => events.push(e));
    await rig.engine.chargeByScan({ saleId: rig.sale(100), ...walletScan('WX', '02'), cashier: 'alice' });
    const states = events.flatMap((e) => (e.type === 'attempt' ? [e.state] : []));
    expect(states).toEqual(['sent', 'pending', 'succeeded']);
    expect(events.some((e) => e.type === 'countdown')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'sale', status: 'paid' });
  });

  it('a payment code is never submitted twice, even past the scanner door', async () => {
    rig = await engineRig();
    const code = walletCode('WX', '04');
    await rig.engine.chargeByScan({ saleId: rig.sale(100), wallet: 'WX_MICROPAY', code, cashier: 'alice' });
    await expect(rig.engine.chargeByScan({ saleId: rig.sale(100), wallet: 'WX_MICROPAY', code, cashier: 'alice' })).rejects.toBeInstanceOf(PaymentCodeReusedError);
    expect(rig.sandbox.ledger.snapshot().orders).toHaveLength(1);
  });

  it('one wallet payment at a time per sale', async () => {
    rig = await engineRig({ sandbox: { passwordMs: 800 } });
    const saleId = rig.sale(1000);
    const first = rig.engine.chargeByScan({ saleId, ...walletScan('WX', '02'), cashier: 'alice', amountCents: 400 });
    await new Promise((r) => setTimeout(r, 100));
    await expect(rig.engine.chargeByScan({ saleId, ...walletScan('WX', '01'), cashier: 'alice', amountCents: 400 })).rejects.toBeInstanceOf(PaymentInProgressError);
    expect((await first).state).toBe('succeeded');
    await agree();
  });

  it('a cashier cancel while the customer confirms: checking until the wallet closes, then the payment pays the sale', async () => {
    rig = await engineRig({ sandbox: { passwordMs: 700 } });
    const saleId = rig.sale(500);
    const events: PaymentEvent[] = [];
    rig.engine.subscribe((e) => events.push(e));
    const pending = rig.engine.chargeByScan({ saleId, ...walletScan('ALIPAY', '02'), cashier: 'alice' });
    await new Promise((r) => setTimeout(r, 150));
    const attemptId = getSale(rig.journal, saleId).attempts[0]!.id;
    expect(rig.engine.cancel(attemptId)).toBe(true);
    const done = await pending;
    // Never "failed" for money that may move: expired (checking) first, then the gateway's answer.
    const states = events.flatMap((e) => (e.type === 'attempt' ? [e.state] : []));
    expect(states).toEqual(['sent', 'pending', 'expired', 'succeeded']);
    expect(events.some((e) => e.type === 'countdown' && e.phase === 'checking')).toBe(true);
    expect(done).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    await agree();
  });
});

describe('per-channel scan deadlines (docs/architecture.md §3: WeChat stops sooner than Alipay)', () => {
  it('with the customer confirming between the two deadlines, WeChat expires at the till while Alipay completes', async () => {
    // Both customers take 600 ms to confirm; the till waits 300 ms for WeChat and 900 ms for Alipay.
    rig = await engineRig({ sandbox: { passwordMs: 600 }, timings: { minCheckMs: 50, scanDeadlineMs: { WX_MICROPAY: 300, ALIPAY_MICROPAY: 900, UPI_MICROPAY: 900 } } });
    const wxSale = rig.sale(800);
    const aliSale = rig.sale(900);
    const [wx, ali] = await Promise.all([
      rig.engine.chargeByScan({ saleId: wxSale, ...walletScan('WX', '02'), cashier: 'alice' }),
      rig.engine.chargeByScan({ saleId: aliSale, ...walletScan('ALIPAY', '02'), cashier: 'bob' }),
    ]);
    expect(wx).toMatchObject({ channel: 'WX_MICROPAY', state: 'expired', failureCode: 'NO_ANSWER_AT_TILL' });
    expect(ali).toMatchObject({ channel: 'ALIPAY_MICROPAY', state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, wxSale).sale.status).toBe('open');
    expect(getSale(rig.journal, aliSale).sale.status).toBe('paid');
    // The WeChat sale stays held (no second tender) while the payment is open...
    expect(getSale(rig.journal, wxSale).attempts[0]!.state).toBe('expired');
    // ...and the customer did confirm: the reconciler applies it to the sale, which still owes it.
    await new Promise((r) => setTimeout(r, 400));
    await rig.engine.reconcile();
    expect(getSale(rig.journal, wxSale).attempts[0]).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, wxSale).sale.status).toBe('paid');
    await agree();
  });
});
