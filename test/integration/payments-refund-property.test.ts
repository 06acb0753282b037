// Property: whatever a gateway answers to refunds, in whatever order (xxpay statuses 0–4, no status, unknown
// numbers, wrong amounts, unsigned, lost or refused answers), the journal never books more refunded than was
// paid, never books a failed refund (status 3) as done, and books "refunded" only on an explicit 2 or 4 for the
// amount it asked. Real SQLite journal and payment engine; the gateway is a model behind the client's transport.
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIotPayClient } from '../../main/iotpay/index.js';
import { sign, signableFields } from '../../main/iotpay/sign.js';
import { TransportError, type HttpTransport } from '../../main/iotpay/transport.js';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { refundsForAttempt } from '../../main/journal/refund-queries.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { PaymentEngine } from '../../main/payments/engine.js';
import { realTimers } from '../../main/payments/timers.js';
import { seededRandom } from '../../main/sandbox/faults.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { FAST_TIMINGS } from '../support/engine-fixtures.js';
import { makeTempDir } from '../support/temp-dir.js';

const KEY = 'PROPKEY123';
const PAID = 1000;
const PAY_ORDER_ID = 'WM20261201000000000000000001';

/** What the modelled gateway really did with one mchRefundNo; `status` may move on while 0 or 1. */
interface Truth { amount: number; status: number | 'none' }
type Delivery = 'normal' | 'lost-after' | 'not-sent' | '5xx-after' | 'wrong-amount' | 'unsigned';

interface Gateway {
  transport: HttpTransport;
  truth: Map<string, Truth>;
  /** The last answer the client actually received per mchRefundNo (status and amount as sent). */
  delivered: Map<string, { status: number | 'none'; amount: number }>;
}

function modelGateway(seed: number): Gateway {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const truth = new Map<string, Truth>();
  const delivered = new Map<string, { status: number | 'none'; amount: number }>();
  const reply = (body: Record<string, unknown>, unsigned = false) => ({ status: 200, body: JSON.stringify(unsigned ? body : { ...body, sign: sign(signableFields(body), KEY) }) });
  const transport: HttpTransport = async (req) => {
    const params = JSON.parse(new URLSearchParams(req.body).get('params') ?? '{}') as Record<string, unknown>;
    if (!req.url.endsWith('/refund_order')) return reply({ retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'ORDER_NOT_EXIST' });
    const delivery = pick<Delivery>(['normal', 'normal', 'normal', 'lost-after', 'not-sent', '5xx-after', 'wrong-amount', 'unsigned']);
    if (delivery === 'not-sent') throw new TransportError('not_sent', 'connect ECONNREFUSED');
    const mchRefundNo = String(params.mchRefundNo);
    const amount = Number(params.refundAmount);
    let t = truth.get(mchRefundNo);
    if (!t) {
      const refunded = [...truth.values()].filter((x) => x.status !== 3).reduce((sum, x) => sum + x.amount, 0);
      if (refunded + amount > PAID) return reply({ retCode: 'SUCCESS', resCode: 'FAIL', errCode: 'REFUND_EXCEEDS_PAID', errCodeDes: 'too much' });
      t = { amount, status: pick<number | 'none'>([0, 1, 2, 2, 3, 4, 'none', 7]) };
      truth.set(mchRefundNo, t);
    } else if (t.status === 0 || t.status === 1) {
      t.status = pick([t.status, 1, 2, 3, 4]);
    }
    if (delivery === 'lost-after') throw new TransportError('lost', 'socket hang up', 'ECONNRESET');
    if (delivery === '5xx-after') return { status: 502, body: 'bad gateway' };
    const answeredAmount = delivery === 'wrong-amount' ? t.amount + 1 : t.amount;
    delivered.set(mchRefundNo, { status: t.status, amount: answeredAmount });
    const body: Record<string, unknown> = { retCode: 'SUCCESS', retMsg: '', resCode: 'SUCCESS', refundOrderId: `RF${mchRefundNo}`, mchRefundNo, refundAmount: answeredAmount };
    if (t.status !== 'none') body.status = t.status;
    return reply(body, delivery === 'unsigned');
  };
  return { transport, truth, delivered };
}

function paidAttempt(journal: Journal): number {
  const sale = createSale(journal, { cashier: 'alice', currency: 'CAD' });
  addLine(journal, sale.id, { sku: 'A', name: 'A', unitPriceCents: PAID, quantity: 1 });
  const attempt = createAttempt(journal, { saleId: sale.id, tender: 'wallet_scan', channel: 'WX_MICROPAY', amountCents: PAID, currency: 'CAD', cashier: 'alice' });
  transitionAttempt(journal, attempt.id, 'sent');
  return transitionAttempt(journal, attempt.id, 'succeeded', { payOrderId: PAY_ORDER_ID }).id;
}

type Command = { kind: 'refund'; cents: number } | { kind: 'reconcile' };
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('refund' as const), cents: fc.integer({ min: 1, max: PAID }) }),
  fc.constant({ kind: 'reconcile' as const }),
);

describe('refund answers never book money by mistake (property)', () => {
  it('booked refunds ≤ paid; a failed refund is never booked; booked only on an explicit 2 or 4 for the asked amount', async () => {
    const dir = makeTempDir('pos-refund-prop-');
    try {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(command, { minLength: 1, maxLength: 12 }), async (seed, commands) => {
          run += 1;
          const journal = openJournal({ file: join(dir.path, `j${run}.sqlite`), clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
          const gateway = modelGateway(seed);
          const client = createIotPayClient({
            mchId: '10000701', key: KEY, loginName: 'cashier01', clientIp: '127.0.0.1', notifyUrl: 'http://127.0.0.1/n',
            v1BaseUrl: 'http://gw.test/v1/', transport: gateway.transport, logger: createLogger('t', silentSink),
          });
          const engine = new PaymentEngine({ journal, client, clock: systemClock, timers: realTimers, logger: createLogger('e', silentSink), timings: FAST_TIMINGS, currency: 'CAD' });
          try {
            const attemptId = paidAttempt(journal);
            for (const c of commands) {
              if (c.kind === 'reconcile') await engine.reconcile();
              // Over the journal's cap, or offline after a refused connection: refused before anything is sent.
              else await engine.refund({ attemptId, amountCents: c.cents, reason: 'property', approvedBy: 'mgr' }).catch(() => undefined);
            }
            for (let i = 0; i < 3; i += 1) await engine.reconcile();
            const refunds = refundsForAttempt(journal, attemptId);
            const booked = refunds.filter((r) => r.state === 'succeeded');
            expect(booked.reduce((sum, r) => sum + r.amountCents, 0)).toBeLessThanOrEqual(PAID);
            for (const r of booked) {
              const last = gateway.delivered.get(r.mchRefundNo);
              expect(last, r.mchRefundNo).toBeDefined();
              expect([2, 4]).toContain(last!.status);
              expect(last!.amount).toBe(r.amountCents);
              expect(gateway.truth.get(r.mchRefundNo)?.status).not.toBe(3);
            }
            for (const r of refunds.filter((x) => x.state === 'failed')) {
              // Booked failed only where no money moved: the gateway failed it (3) or never took it.
              const t = gateway.truth.get(r.mchRefundNo);
              expect(t === undefined || t.status === 3, `${r.mchRefundNo} failed but gateway has ${JSON.stringify(t)}`).toBe(true);
            }
          } finally {
            await engine.stop();
            journal.close();
          }
        }),
        { numRuns: 120, seed: 20261201 },
      );
    } finally {
      dir.remove();
    }
  }, 120_000);
});
