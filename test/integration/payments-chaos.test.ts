// Chaos: 200 mixed payments (wallet scans, QR, cards through the card form, cash) and refunds while about 20% of
// gateway requests are dropped after commit, answered 5xx (before or after commit) or garbled, with a latency that
// varies from operation to operation (mostly 0–15 ms, sometimes 60–200 ms, rarely past the client's 500 ms
// timeout). Afterwards the journal must agree with the ledger, and no gateway order may have two attempts.
import { afterEach, expect, it } from 'vitest';
import { nonFinalAttempts } from '../../main/journal/attempt-queries.js';
import { nonFinalRefunds } from '../../main/journal/refund-queries.js';
import type { AttemptRecord } from '../../main/journal/payment-records.js';
import { PaymentError } from '../../main/payments/payment-errors.js';
import { seededRandom } from '../../main/sandbox/faults.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { gatewayOrderProblems, ledgerDisagreements } from '../support/ledger-agreement.js';
import { walletScan } from '../support/sandbox-fixtures.js';

let rig: EngineRig;
afterEach(async () => rig?.close());

const OPERATIONS = 200;
const LANES = 4;
const SCENARIOS = ['01', '01', '02', '04', '05', '07'];
const RATES = { drop: 0.06, '5xx': 0.05, '5xx-after': 0.05, malformed: 0.04 };
const CARDS = ['4242424242424242', '4242424242424242', '4242424242424242', '4000000000000002'];

it(`${OPERATIONS} mixed operations under ~20% faults end with the journal agreeing with the ledger`, async () => {
  rig = await engineRig({ sandbox: { seed: 20261122, faults: { rates: RATES, latencyMs: 5 } } });
  const random = seededRandom(7);
  const paid: AttemptRecord[] = [];
  const tally = { scans: 0, qrs: 0, cards: 0, cash: 0, refunds: 0, refused: 0 };
  const latencies: number[] = [];

  /** The gateway's latency from now on (every lane's requests share it until the next operation changes it). */
  function varyLatency(): void {
    const r = random();
    const ms = r < 0.015 ? 550 + Math.floor(random() * 100) : r < 0.07 ? 60 + Math.floor(random() * 140) : Math.floor(random() * 16);
    latencies.push(ms);
    rig.sandbox.faults.setRates(RATES, ms);
  }
  rig.engine.subscribe((e) => {
    // The customer pays every QR that reaches the display.
    if (e.type === 'qr') void rig.sandbox.control.payQr({ codeUrl: e.codeUrl }).catch(() => undefined);
  });

  async function operation(i: number): Promise<void> {
    varyLatency();
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
    } else if (roll < 0.45) {
      tally.qrs += 1;
      attempt = await rig.engine.chargeByQr({ saleId, channel: (['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR'] as const)[i % 3]!, cashier: 'bob' });
    } else if (roll < 0.6) {
      tally.cards += 1;
      // The customer fills IOTPay's card form (the sandbox's control API); 4000…0002 is declined.
      const start = await rig.engine.startCard({ saleId, cashier: 'carol', returnUrl: 'http://127.0.0.1:9/r' });
      if (start.secureId) await rig.sandbox.control.payCard(start.secureId, CARDS[i % CARDS.length]!).catch(() => undefined);
      attempt = await start.done;
    } else {
      tally.scans += 1;
      const wallet = (['WX', 'ALIPAY', 'UPI'] as const)[i % 3]!;
      attempt = await rig.engine.chargeByScan({ saleId, ...walletScan(wallet, SCENARIOS[i % SCENARIOS.length]!), cashier: 'alice' });
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
  const mean = Math.round(latencies.reduce((s, ms) => s + ms, 0) / latencies.length);
  const cardOrders = ledger.orders.filter((o) => o.api === 'v3').length;
  const flagged = (rig.journal.db.prepare('SELECT count(*) AS n FROM attempts WHERE needs_action = 1').get() as { n: number }).n;
  console.log(
    `chaos: ${JSON.stringify(tally)}; latency ${Math.min(...latencies)}–${Math.max(...latencies)} ms, mean ${mean}; ` +
      `ledger ${ledger.orders.length} orders (${cardOrders} card), ${ledger.refunds.length} refunds; ${flagged} needs_action; seed ${rig.sandbox.seed}`,
  );
  expect(tally.scans + tally.qrs + tally.cards + tally.cash + tally.refunds).toBe(OPERATIONS);
  // The mix really contained card payments that reached the gateway and latencies that varied.
  expect(cardOrders).toBeGreaterThan(0);
  expect(new Set(latencies).size).toBeGreaterThan(10);
  // An order whose answer was lost and that nobody paid (a QR never shown) stays open: no attempt is closed on
  // time alone. Open is agreement only while the ledger has it unpaid.
  expect(ledgerDisagreements(rig.journal, ledger, { allowOpen: true })).toEqual([]);
  expect(gatewayOrderProblems(rig.journal, ledger)).toEqual([]);
}, 180_000);
