// The last 1¢ or 2¢ of a split in cash (docs/register.md "Cash rounding"): a 0¢ cash attempt whose rounding line is
// −1¢ or −2¢ pays them, so the sale is paid; it pays only beside money still paid, so a sale whose other payments are
// all given back nets to zero and can be voided. Pure: main/journal/sale-balance.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saleBalance } from '../../main/journal/sale-balance.js';
import type { AttemptRecord, RefundRecord } from '../../main/journal/payment-records.js';
import { roundCashCents } from '../../preload/money-limits.js';

const cash = (id: number, amountCents: number, roundingCents: number): AttemptRecord => ({
  id, saleId: 1, tender: 'cash', channel: 'CASH', amountCents, currency: 'CAD', mchOrderNo: `T1P${id}`, state: 'succeeded', needsAction: false,
  attached: true, released: false, payOrderId: null, channelOrderNo: null, codeLast4: null, failureCode: null, failureMessage: null,
  cashTenderedCents: amountCents, changeCents: 0, roundingCents, cashier: 'ann', createdAt: 0, updatedAt: 0, finalizedAt: 0, nextCheckAt: null,
});
const wallet = (id: number, amountCents: number): AttemptRecord => ({ ...cash(id, amountCents, 0), tender: 'wallet_scan', channel: 'WX_MICROPAY', cashTenderedCents: null, changeCents: null });
const refund = (attemptId: number, amountCents: number): RefundRecord => ({
  id: attemptId, attemptId, mchRefundNo: `T1R${attemptId}`, amountCents, currency: 'CAD', reason: 'void', state: 'succeeded', refundOrderId: null,
  failureCode: null, failureMessage: null, approvedBy: 'mgr', createdAt: 0, updatedAt: 0, finalizedAt: 0,
});

describe('a 0¢ cash remainder', () => {
  it('$10.48 by wallet, then 2¢ in cash: nothing taken, −2¢ rounding, the $10.50 sale is paid exactly', () => {
    expect(saleBalance(1050, [wallet(1, 1048), cash(2, 0, -2)], [])).toMatchObject({ paidCents: 1050, dueCents: 0, overpaidCents: 0, roundingCents: -2, cashDueCents: 0 });
    expect(saleBalance(1050, [wallet(1, 1049), cash(2, 0, -1)], [])).toMatchObject({ paidCents: 1050, dueCents: 0, roundingCents: -1 });
  });

  it('what is due in cash for 1¢ or 2¢ left is $0.00', () => {
    expect(saleBalance(1050, [wallet(1, 1048)], [])).toMatchObject({ dueCents: 2, cashDueCents: 0 });
  });

  it('once the wallet is given back in full the remainder pays nothing: the sale nets to zero; in part, it still pays', () => {
    expect(saleBalance(1050, [wallet(1, 1048), cash(2, 0, -2)], [refund(1, 1048)]).paidCents).toBe(0);
    expect(saleBalance(1050, [wallet(1, 1048), cash(2, 0, -2)], [refund(1, 48)]).paidCents).toBe(1002);
  });

  it('property: any total, any wallet part leaving 1¢ or 2¢, then cash: paid exactly, the money moved is the total less 1¢ or 2¢', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 10_000_000 }), fc.integer({ min: 1, max: 2 }), (total, left) => {
      const walletPart = total - left;
      const taken = roundCashCents(left);
      expect(taken).toBe(0);
      const b = saleBalance(total, [wallet(1, walletPart), cash(2, taken, taken - left)], []);
      expect(b).toMatchObject({ paidCents: total, dueCents: 0, overpaidCents: 0, roundingCents: -left });
      expect(walletPart + taken - total).toBe(b.roundingCents);
    }), { numRuns: 500 });
  });
});
