// Refunds: the cap (succeeded + in-flight never above paid), across two connections, and the refund states.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { IllegalTransitionError, JournalInputError, RefundExceedsPaidError } from '../../main/journal/errors.js';
import { findRefundByMchRefundNo, nonFinalRefunds } from '../../main/journal/refund-queries.js';
import { createRefund, refundableCents, transitionRefund } from '../../main/journal/refunds.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let file: string;
let journal: Journal;
let attemptId: number;

const open = () => openJournal({ file, clock: new ManualClock(), terminalId: 'T01' });

beforeEach(() => {
  dir = makeTempDir('journal-refunds-');
  file = join(dir.path, 'journal.sqlite');
  journal = open();
  const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
  addLine(journal, sale.id, { sku: 'TEA', name: 'Tea', unitPriceCents: 1000, quantity: 1 });
  attemptId = createAttempt(journal, {
    saleId: sale.id, tender: 'card', channel: 'PF_CC', amountCents: 1000, currency: 'CAD', cashier: 'ann',
  }).id;
  transitionAttempt(journal, attemptId, 'succeeded', { payOrderId: 'P1' });
});
afterEach(() => {
  journal.close();
  dir.remove();
});

const refund = (j: Journal, amountCents: number) => createRefund(j, { attemptId, amountCents, reason: 'returned', approvedBy: 'mgr' });

describe('refund cap', () => {
  it('allows refunds up to exactly what was paid', () => {
    refund(journal, 600);
    const r = refund(journal, 400);
    expect(r).toMatchObject({ state: 'created', currency: 'CAD', amountCents: 400 });
    expect(refundableCents(journal, attemptId)).toBe(0);
    expect(() => refund(journal, 1)).toThrow(RefundExceedsPaidError);
  });

  it('counts in-flight refunds (created, sent, unknown) against the cap; a failed one frees its share', () => {
    const a = refund(journal, 500);
    transitionRefund(journal, a.id, 'sent');
    const b = refund(journal, 300);
    transitionRefund(journal, b.id, 'unknown');
    expect(() => refund(journal, 201)).toThrow(RefundExceedsPaidError);
    transitionRefund(journal, a.id, 'failed', { failureCode: 'REFUND_REJECTED' });
    expect(refundableCents(journal, attemptId)).toBe(700);
    expect(refund(journal, 700).amountCents).toBe(700);
  });

  it('holds across two connections to the same file (two windows racing)', () => {
    const other = open();
    refund(journal, 700);
    expect(() => refund(other, 400)).toThrow(RefundExceedsPaidError);
    expect(refund(other, 300).amountCents).toBe(300);
    expect(() => refund(journal, 1)).toThrow(RefundExceedsPaidError);
    other.close();
  });

  it('the error names the amounts', () => {
    refund(journal, 900);
    expect(() => refund(journal, 200)).toThrow(expect.objectContaining({ code: 'REFUND_EXCEEDS_PAID', requestedCents: 200, refundableCents: 100 }));
  });

  it('refuses refunds of an attempt that is not paid', () => {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    const pending = createAttempt(journal, {
      saleId: sale.id, tender: 'card', channel: 'PF_CC', amountCents: 500, currency: 'CAD', cashier: 'ann',
    });
    expect(() => createRefund(journal, { attemptId: pending.id, amountCents: 1, reason: 'x', approvedBy: 'mgr' })).toThrow(JournalInputError);
  });
});

describe('refund states', () => {
  it('retries an unknown refund with the same number, then settles it', () => {
    const r = refund(journal, 250);
    transitionRefund(journal, r.id, 'sent');
    transitionRefund(journal, r.id, 'unknown');
    expect(nonFinalRefunds(journal).map((x) => x.mchRefundNo)).toEqual([r.mchRefundNo]);
    transitionRefund(journal, r.id, 'sent');
    const done = transitionRefund(journal, r.id, 'succeeded', { refundOrderId: 'R9' });
    expect(done).toMatchObject({ state: 'succeeded', refundOrderId: 'R9', mchRefundNo: r.mchRefundNo });
    expect(findRefundByMchRefundNo(journal, r.mchRefundNo)?.finalizedAt).not.toBeNull();
    expect(() => transitionRefund(journal, r.id, 'failed')).toThrow(IllegalTransitionError);
  });
});
