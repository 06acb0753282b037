// 5¢ cash rounding (docs/register.md "Cash rounding"): the rule digit by digit, and its properties over any amount.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundCashCents } from '../../preload/money-limits.js';
import { saleBalance } from '../../main/journal/sale-balance.js';
import type { AttemptRecord, RefundRecord } from '../../main/journal/payment-records.js';

describe('roundCashCents', () => {
  it('1, 2 down to 0; 3, 4 up to 5; 6, 7 down to 5; 8, 9 up to 10', () => {
    expect([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009].map((c) => roundCashCents(c))).toEqual([1000, 1000, 1000, 1005, 1005, 1005, 1005, 1005, 1010, 1010]);
    expect([0, 1, 2, 3].map((c) => roundCashCents(c))).toEqual([0, 0, 0, 5]);
  });

  it('only CAD rounds', () => {
    expect(roundCashCents(1001, 'USD')).toBe(1001);
    expect(roundCashCents(1001, 'CAD')).toBe(1000);
  });

  it('lands on a multiple of 5, moves at most 2¢, keeps a multiple of 5, and never goes backwards', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000_00 }), fc.integer({ min: 0, max: 100_000 }), (c, more) => {
      const r = roundCashCents(c);
      expect(r % 5).toBe(0);
      expect(Math.abs(r - c)).toBeLessThanOrEqual(2);
      expect(roundCashCents(r)).toBe(r);
      expect(roundCashCents(c + more)).toBeGreaterThanOrEqual(r);
    }), { numRuns: 2000 });
  });
});

const cash = (id: number, amountCents: number, roundingCents: number): AttemptRecord => ({
  id, saleId: 1, tender: 'cash', channel: 'CASH', amountCents, currency: 'CAD', mchOrderNo: `T1P${id}`, state: 'succeeded', needsAction: false,
  attached: true, released: false, payOrderId: null, channelOrderNo: null, codeLast4: null, failureCode: null, failureMessage: null,
  cashTenderedCents: amountCents, changeCents: 0, roundingCents, cashier: 'ann', createdAt: 0, updatedAt: 0, finalizedAt: 0, nextCheckAt: null,
});
const card = (id: number, amountCents: number): AttemptRecord => ({ ...cash(id, amountCents, 0), tender: 'card', channel: 'PF_CC', cashTenderedCents: null, changeCents: null });

describe('the sale balance with rounded cash (main/journal/sale-balance.ts)', () => {
  it('cash of $10.00 for $10.02 pays the sale exactly: paid − rounding is the total, nothing due or over', () => {
    expect(saleBalance(1002, [cash(1, 1000, -2)], [])).toMatchObject({ paidCents: 1002, dueCents: 0, overpaidCents: 0, roundingCents: -2 });
    expect(saleBalance(1003, [cash(1, 1005, 2)], [])).toMatchObject({ paidCents: 1003, dueCents: 0, overpaidCents: 0, roundingCents: 2 });
  });

  it('what is due in cash is what is due rounded; the card part of a split is to the cent', () => {
    expect(saleBalance(1003, [card(1, 500)], [])).toMatchObject({ dueCents: 503, cashDueCents: 505, roundingCents: 0 });
    expect(saleBalance(1003, [card(1, 500), cash(2, 505, 2)], [])).toMatchObject({ paidCents: 1003, dueCents: 0, roundingCents: 2 });
  });

  it('cash given back in full pays nothing, its rounding included; given back in part, it pays what it kept', () => {
    const refund = (amountCents: number): RefundRecord => ({
      id: 1, attemptId: 1, mchRefundNo: 'T1R1', amountCents, currency: 'CAD', reason: 'void', state: 'succeeded', refundOrderId: null,
      failureCode: null, failureMessage: null, approvedBy: 'mgr', createdAt: 0, updatedAt: 0, finalizedAt: 0,
    });
    expect(saleBalance(1002, [cash(1, 1000, -2)], [refund(1000)]).paidCents).toBe(0);
    expect(saleBalance(1003, [cash(1, 1005, 2)], [refund(1005)]).paidCents).toBe(0);
    expect(saleBalance(1002, [cash(1, 1000, -2)], [refund(315)]).paidCents).toBe(687);
  });

  it('property: for any total and split, a card part then the rest in rounded cash settles exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (total, percent) => {
      const cardPart = Math.floor((total * percent) / 100);
      const rest = total - cardPart;
      const taken = roundCashCents(rest);
      // 1¢ or 2¢ left round to nothing: a 0¢ cash remainder whose rounding line pays them (docs/register.md).
      const attempts = [...(cardPart > 0 ? [card(1, cardPart)] : []), cash(2, taken, taken - rest)];
      const b = saleBalance(total, attempts, []);
      expect(b).toMatchObject({ paidCents: total, dueCents: 0, overpaidCents: 0, roundingCents: taken - rest });
      // The money that moved: the card to the cent, the cash rounded; it differs from the total by the rounding only.
      expect(cardPart + taken - total).toBe(b.roundingCents);
    }), { numRuns: 1000 });
  });
});
