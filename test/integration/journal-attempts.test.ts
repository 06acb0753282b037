// Payment attempts: journal-first creation, validated transitions, the replay guard, reconciler queries.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findAttemptByMchOrderNo,
  needsActionAttempts,
  nonFinalAttempts,
} from '../../main/journal/attempt-queries.js';
import { clearNeedsAction, createAttempt, scheduleAttemptCheck, transitionAttempt, type NewAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { IllegalTransitionError, PaymentCodeReusedError, SaleStateError } from '../../main/journal/errors.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let journal: Journal;
let clock: ManualClock;
let saleId: number;

beforeEach(() => {
  dir = makeTempDir('journal-attempts-');
  clock = new ManualClock();
  journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock, terminalId: 'T01' });
  saleId = createSale(journal, { cashier: 'ann', currency: 'CNY' }).id;
  addLine(journal, saleId, { sku: 'TEA', name: 'Tea', unitPriceCents: 1250, quantity: 2 });
});
afterEach(() => {
  journal.close();
  dir.remove();
});

const WECHAT_CODE = '134567890123456701';
const scan = (over: Partial<NewAttempt> = {}): NewAttempt => ({
  saleId, tender: 'wallet_scan', channel: 'WX_MICROPAY', amountCents: 2500, currency: 'CNY', cashier: 'ann',
  paymentCode: WECHAT_CODE, ...over,
});
const count = (sql: string) => (journal.db.prepare(sql).get() as { n: number }).n;

describe('createAttempt', () => {
  it('journals the attempt as created with a minted mchOrderNo and only the last 4 of the code', () => {
    const attempt = createAttempt(journal, scan());
    expect(attempt).toMatchObject({ state: 'created', codeLast4: '6701', needsAction: false, amountCents: 2500 });
    expect(findAttemptByMchOrderNo(journal, attempt.mchOrderNo)?.id).toBe(attempt.id);
    const raw = JSON.stringify(journal.db.prepare('SELECT * FROM attempts').all());
    const events = JSON.stringify(journal.db.prepare('SELECT * FROM events').all());
    expect(raw).not.toContain(WECHAT_CODE);
    expect(events).not.toContain(WECHAT_CODE);
    expect(attempt).not.toHaveProperty('codeFingerprint');
  });

  it('refuses a reused payment code, even after the first attempt failed, and writes nothing', () => {
    const first = createAttempt(journal, scan());
    transitionAttempt(journal, first.id, 'failed', { failureCode: 'AUTH_CODE_INVALID' });
    const before = count('SELECT count(*) AS n FROM events');
    expect(() => createAttempt(journal, scan())).toThrow(PaymentCodeReusedError);
    expect(count('SELECT count(*) AS n FROM attempts')).toBe(1);
    expect(count('SELECT count(*) AS n FROM events')).toBe(before);
  });

  it('the database itself refuses a duplicate fingerprint (the guard below the code)', () => {
    createAttempt(journal, scan());
    expect(() =>
      journal.db.prepare(
        `INSERT INTO attempts (sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier,
           created_at, updated_at, code_fingerprint)
         SELECT sale_id, tender, channel, amount_cents, currency, 'OTHER', 'created', cashier, 1, 1, code_fingerprint
         FROM attempts`,
      ).run(),
    ).toThrow(/UNIQUE/);
  });

  it('allows many attempts without a code (cash, QR)', () => {
    createAttempt(journal, scan({ paymentCode: undefined, tender: 'wallet_qr', channel: 'WX_NATIVE' }));
    createAttempt(journal, scan({ paymentCode: undefined, tender: 'cash', channel: 'CASH', cashTenderedCents: 3000, changeCents: 500 }));
    expect(count('SELECT count(*) AS n FROM attempts')).toBe(2);
  });

  it('refuses another currency and float cents', () => {
    expect(() => createAttempt(journal, scan({ currency: 'CAD' }))).toThrow(SaleStateError);
    expect(() => createAttempt(journal, scan({ amountCents: 25.5 }))).toThrow(/integer cents/);
  });
});

describe('transitionAttempt', () => {
  it('walks created -> sent -> pending -> succeeded, keeping gateway ids and stamping finalized_at', () => {
    const a = createAttempt(journal, scan());
    transitionAttempt(journal, a.id, 'sent');
    transitionAttempt(journal, a.id, 'pending', { payOrderId: 'P0001', nextCheckAt: clock.now() + 3000 });
    clock.advance(6000);
    const done = transitionAttempt(journal, a.id, 'succeeded', { channelOrderNo: 'WX42' });
    expect(done).toMatchObject({ state: 'succeeded', payOrderId: 'P0001', channelOrderNo: 'WX42', finalizedAt: clock.now(), nextCheckAt: null });
  });

  it('refuses an illegal transition and leaves the row and the log as they were', () => {
    const a = createAttempt(journal, scan());
    transitionAttempt(journal, a.id, 'failed');
    const events = count('SELECT count(*) AS n FROM events');
    expect(() => transitionAttempt(journal, a.id, 'succeeded')).toThrow(IllegalTransitionError);
    expect(findAttemptByMchOrderNo(journal, a.mchOrderNo)?.state).toBe('failed');
    expect(count('SELECT count(*) AS n FROM events')).toBe(events);
  });

  it('records a late success with needs_action, listed until a manager resolves it', () => {
    const a = createAttempt(journal, scan());
    transitionAttempt(journal, a.id, 'sent');
    transitionAttempt(journal, a.id, 'expired');
    transitionAttempt(journal, a.id, 'succeeded', { needsAction: true });
    expect(needsActionAttempts(journal).map((x) => x.id)).toEqual([a.id]);
    clearNeedsAction(journal, a.id, 'mgr', 'refunded', false);
    expect(needsActionAttempts(journal)).toEqual([]);
  });
});

describe('nonFinalAttempts (the reconciler work list)', () => {
  it('lists due non-final attempts only', () => {
    const due = createAttempt(journal, scan());
    transitionAttempt(journal, due.id, 'unknown');
    const later = createAttempt(journal, scan({ paymentCode: '134567890123456702' }));
    scheduleAttemptCheck(journal, later.id, clock.now() + 60_000);
    const done = createAttempt(journal, scan({ paymentCode: '134567890123456703' }));
    transitionAttempt(journal, done.id, 'failed');
    expect(nonFinalAttempts(journal, { dueAt: clock.now() }).map((a) => a.id)).toEqual([due.id]);
    expect(nonFinalAttempts(journal).map((a) => a.id).sort()).toEqual([due.id, later.id].sort());
  });

  it('is served by a partial index, not a table scan', () => {
    const plan = journal.db
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM attempts WHERE state IN ('created', 'sent', 'pending', 'expired', 'unknown')
        AND (next_check_at IS NULL OR next_check_at <= 1) ORDER BY next_check_at, created_at LIMIT 10`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/attempts_unsettled/);
  });
});
