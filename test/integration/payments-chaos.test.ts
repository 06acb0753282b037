// Chaos: 200 mixed payments and refunds while about 20% of gateway requests are dropped after commit, answered
// 5xx (before or after commit), garbled, or delayed. Afterwards the journal must agree with the ledger.
import { afterEach, expect, it } from 'vitest';
import { nonFinalAttempts } from '../../main/journal/attempt-queries.js';
import { nonFinalRefunds } from '../../main/journal/refund-queries.js';
import type { AttemptRecord } from '../../main/journal/payment-records.js';
import { PaymentError } from '../../main/payments/payment-errors.js';
import { seededRandom } from '../../main/sandbox/faults.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletCode } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

const OPERATIONS = 200;
const LANES = 4;
const SCENARIOS = ['01', '01', '02', '04', '05', '07'];

it(`${OPERATIONS} mixed operations under ~20% faults end with the journal agreeing with the ledger`, async () => {
  rig = await engineRig({ sandbox: { seed: 20261122, faults: { rates: { drop: 0.06, '5xx': 0.05, '5xx-after': 0.05, malformed: 0.04 }, latencyMs: 5 } } });
  const random = seededRandom(7);
  const paid: AttemptRecord[] = [];
  const tally = { scans: 0, qrs: 0, cash: 0, refunds: 0, refused: 0 };
  rig.engine.subscribe((e) => {
    // The customer pays every QR that reaches the display.
    if (e.type === 'qr') void rig.sandbox.control.payQr({ codeUrl: e.codeUrl }).catch(() => undefined);
  });

  async function operation(i: number): Promise<void> {
    const roll = random();
    const cents = 100 + Math.floor(random() * 5000);
    if (roll < 0.15 && paid.length > 0) {
      const target = paid[Math.floor(random() * paid.length)]!;
      tally.refunds += 1;
      await rig.engine.refund({ attemptId: target.id, amountCents: 1 + Math.floor(target.amountCents / 3), reason: `chaos ${i}`, approvedBy: 'mgr' });
      return;
    }
    const saleId = rig.sale(cents);
    let attempt: AttemptRecord;
    if (roll < 0.3) {
      tally.cash += 1;
      attempt = rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: cents + 500 });
    } else if (roll < 0.5) {
      tally.qrs += 1;
      attempt = await rig.engine.chargeByQr({ saleId, channel: (['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR'] as const)[i % 3]!, cashier: 'bob' });
    } else {
      tally.scans += 1;
      const wallet = (['WX', 'ALIPAY', 'UPI'] as const)[i % 3]!;
      attempt = await rig.engine.chargeByScan({ saleId, code: walletCode(wallet, SCENARIOS[i % SCENARIOS.length]!), cashier: 'alice' });
    }
    if (attempt.state === 'succeeded') paid.push(attempt);
  }

  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      for (let i = lane; i < OPERATIONS; i += LANES) {
        try {
          await operation(i);
        } catch (err) {
          // Typed refusals (offline, over-refund, in progress) are expected under chaos; anything else is a bug.
          if (!(err instanceof PaymentError) && (err as { code?: string }).code !== 'REFUND_EXCEEDS_PAID') throw err;
          tally.refused += 1;
        }
      }
    }),
  );

  for (let pass = 0; pass < 100 && (nonFinalAttempts(rig.journal).length > 0 || nonFinalRefunds(rig.journal).length > 0); pass += 1) {
    await new Promise((r) => setTimeout(r, 50));
    await rig.engine.reconcile();
  }
  const ledger = rig.sandbox.ledger.snapshot();
  console.log(`chaos: ${JSON.stringify(tally)}; ledger ${ledger.orders.length} orders, ${ledger.refunds.length} refunds; seed ${rig.sandbox.seed}`);
  expect(tally.scans + tally.qrs + tally.cash + tally.refunds).toBe(OPERATIONS);
  expect(ledgerDisagreements(rig.journal, ledger)).toEqual([]);
}, 180_000);
