// Merchant-scan through the engine, against a real journal file and the real sandbox: every scenario row ends
// in the right state, and the journal agrees with the sandbox ledger afterwards. Time is the test's
// (test/support/manual-time.ts): the engine's polls and deadlines and the sandbox's password delay move only when
// the test advances them, so the production timings apply (WeChat 45 s, Alipay 60 s, polls every 3 s).
import { afterEach, describe, expect, it } from 'vitest';
import { PaymentCodeReusedError } from '../../main/journal/errors.js';
import { getSale } from '../../main/journal/sale-queries.js';
import type { PaymentEvent } from '../../main/payments/payment-events.js';
import { PaymentInProgressError } from '../../main/payments/payment-errors.js';
import { SHIPPED_TIMINGS, engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import type { ManualTime } from '../support/manual-time.js';
import { walletCode, walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

async function shippedRig(passwordMs = 6000): Promise<{ rig: EngineRig; time: ManualTime }> {
  rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox: { passwordMs, slowResponseMs: 40_000 }, createMs: 30_000 });
  return { rig, time: rig.time! };
}

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
    ['07', 'UPI', 'failed', 'INVALID_PAYMENT_CODE'],
  ];
  for (const [scenario, wallet, state, failureCode] of rows) {
    it(`${scenario} (${wallet}) → ${state}${failureCode ? ` ${failureCode}` : ''}`, async () => {
      const { time } = await shippedRig();
      const saleId = rig.sale(2856);
      const attempt = await time.until(rig.engine.chargeByScan({ saleId, ...walletScan(wallet, scenario), cashier: 'alice' }));
      expect(attempt.state).toBe(state);
      if (failureCode) expect(attempt.failureCode).toBe(failureCode);
      expect(attempt.codeLast4).toHaveLength(4);
      expect(getSale(rig.journal, saleId).sale.status).toBe(state === 'succeeded' ? 'paid' : 'open');
      await agree();
    });
  }

  it('06 (WX): the answer outlasts the client timeout; the till queries and finds it paid', async () => {
    // A real 40 s hold in the sandbox and a real 30 s client timeout would stall the suite: here both are short
    // in real time, and the engine's own clock still decides when it stops waiting.
    rig = await engineRig({ manualTime: true, timings: SHIPPED_TIMINGS, sandbox: { slowResponseMs: 400 }, createMs: 150 });
    const saleId = rig.sale(2856);
    const attempt = await rig.time!.until(rig.engine.chargeByScan({ saleId, ...walletScan('WX', '06'), cashier: 'alice' }));
    expect(attempt.state).toBe('succeeded');
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    await agree();
  });

  it('streams attempt states and a countdown to listeners', async () => {
    const { time } = await shippedRig();
    const events: PaymentEvent[] = [];
    rig.engine.subscribe((e) => events.push(e));
    await time.until(rig.engine.chargeByScan({ saleId: rig.sale(100), ...walletScan('WX', '02'), cashier: 'alice' }));
    const states = events.flatMap((e) => (e.type === 'attempt' ? [e.state] : []));
    expect(states).toEqual(['sent', 'pending', 'succeeded']);
    // The countdown starts when the request leaves, at the wallet's full window, and only goes down.
    const countdowns = events.flatMap((e) => (e.type === 'countdown' ? [e.remainingMs] : []));
    expect(countdowns[0]).toBe(45_000);
    expect(countdowns).toEqual([...countdowns].sort((a, b) => b - a));
    expect(events.at(-1)).toMatchObject({ type: 'sale', status: 'paid' });
  });

  it('a payment code is never submitted twice, even past the scanner door', async () => {
    const { time } = await shippedRig();
    const code = walletCode('WX', '04');
    await time.until(rig.engine.chargeByScan({ saleId: rig.sale(100), wallet: 'WX_MICROPAY', code, cashier: 'alice' }));
    await expect(rig.engine.chargeByScan({ saleId: rig.sale(100), wallet: 'WX_MICROPAY', code, cashier: 'alice' })).rejects.toBeInstanceOf(PaymentCodeReusedError);
    expect(rig.sandbox.ledger.snapshot().orders).toHaveLength(1);
  });

  it('one wallet payment at a time per sale', async () => {
    const { time } = await shippedRig(8000);
    const saleId = rig.sale(1000);
    const first = rig.engine.chargeByScan({ saleId, ...walletScan('WX', '02'), cashier: 'alice', amountCents: 400 });
    await time.advance(3000);
    await expect(rig.engine.chargeByScan({ saleId, ...walletScan('WX', '01'), cashier: 'alice', amountCents: 400 })).rejects.toBeInstanceOf(PaymentInProgressError);
    expect((await time.until(first)).state).toBe('succeeded');
    await agree();
  });

  it('a cashier cancel while the customer confirms: checking until the wallet closes, then the payment pays the sale', async () => {
    const { time } = await shippedRig(20_000);
    const saleId = rig.sale(500);
    const events: PaymentEvent[] = [];
    rig.engine.subscribe((e) => events.push(e));
    const pending = rig.engine.chargeByScan({ saleId, ...walletScan('ALIPAY', '02'), cashier: 'alice' });
    await time.advance(5000);
    const attemptId = getSale(rig.journal, saleId).attempts[0]!.id;
    expect(rig.engine.cancel(attemptId)).toBe(true);
    const done = await time.until(pending);
    // Never "failed" for money that may move: expired (checking) first, then the gateway's answer at 20 s.
    const states = events.flatMap((e) => (e.type === 'attempt' ? [e.state] : []));
    expect(states).toEqual(['sent', 'pending', 'expired', 'succeeded']);
    const checking = events.flatMap((e) => (e.type === 'countdown' && e.phase === 'checking' ? [e.remainingMs] : []));
    // Counting down to Alipay's own 60 s close, from the cancel at 5 s.
    expect(checking[0]).toBe(55_000);
    expect(done).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    await agree();
  });
});

describe('per-channel scan deadlines (docs/architecture.md §3: WeChat stops sooner than Alipay)', () => {
  it('with the customer confirming at 50 s, WeChat stops waiting at 45 s while Alipay completes', async () => {
    const { time } = await shippedRig(50_000);
    const wxSale = rig.sale(800);
    const aliSale = rig.sale(900);
    const [wx, ali] = await time.until(Promise.all([
      rig.engine.chargeByScan({ saleId: wxSale, ...walletScan('WX', '02'), cashier: 'alice' }),
      rig.engine.chargeByScan({ saleId: aliSale, ...walletScan('ALIPAY', '02'), cashier: 'bob' }),
    ]));
    expect(wx).toMatchObject({ channel: 'WX_MICROPAY', state: 'expired', failureCode: 'NO_ANSWER_AT_TILL' });
    expect(ali).toMatchObject({ channel: 'ALIPAY_MICROPAY', state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, aliSale).sale.status).toBe('paid');
    // The WeChat sale stays held (no second tender) while the payment is open...
    expect(getSale(rig.journal, wxSale).attempts[0]!.state).toBe('expired');
    expect(() => rig.engine.payCash({ saleId: wxSale, cashier: 'alice', tenderedCents: 800 })).toThrow(PaymentInProgressError);
    // ...and the customer did confirm: the reconciler applies it to the sale, which still owes it.
    await rig.engine.reconcile();
    expect(getSale(rig.journal, wxSale).attempts[0]).toMatchObject({ state: 'succeeded', needsAction: false });
    expect(getSale(rig.journal, wxSale).sale.status).toBe('paid');
    await agree();
  });
});
