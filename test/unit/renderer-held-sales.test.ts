// The held-sales bar on the cashier screen, the Z's list of sales left parked, and the cash panel for the last 2¢ of a
// split, server-rendered with the real dictionaries in all three languages (docs/register.md "Held sales", "Cash
// rounding"). The list itself comes from main (sale:parked) and is exercised in Chromium (test/e2e/held-sales.test.ts).
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { CashTender } from '../../renderer/cashier/CashTender.js';
import { ParkedSales } from '../../renderer/cashier/ParkedSales.js';
import { ParkedAtClose } from '../../renderer/manager/ParkedAtClose.js';
import { renderOnScreen } from '../support/screen-app.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0|\u202f/g, ' ').replace(/&#x27;/g, "'").replace(/\s+/g, ' ').trim();
const parkButton = (html: string) => /<button[^>]*data-testid="park-sale"[^>]*>/.exec(html)?.[0] ?? '';

function sale(over: Partial<SaleView> = {}): SaleView {
  return {
    id: 7, status: 'open', currency: 'CAD', cashier: 'ann', subtotalCents: 820, discountCents: 0, saleDiscount: null, pricesIncludeTax: false, totalCents: 927,
    taxes: [{ code: 'HST', ratePer100k: 13000, rateLabel: '13%', baseCents: 820, amountCents: 107 }],
    paidCents: 0, dueCents: 927, heldCents: 0, holdingAttemptId: null, overpaidCents: 0, changeCents: 0, roundingCents: 0, cashDueCents: 925, createdAt: 0,
    lines: [{ lineNo: 1, sku: 'LATTE', name: 'Latte', unitPriceCents: 495, quantity: 1, lineTotalCents: 495, taxClass: 'standard', discountCents: 0, lineDiscount: null, catalogPriceCents: null }],
    attempts: [], refunds: [], ...over,
  };
}

const paidCash: AttemptView = {
  id: 1, saleId: 7, tender: 'cash', channel: 'CASH', amountCents: 500, currency: 'CAD', state: 'succeeded', needsAction: false, phase: 'paid', reason: null, released: false,
  mchOrderNo: 'T1P1', codeLast4: null, failureCode: null, failureMessage: null, cashTenderedCents: 500, changeCents: 0, roundingCents: 0, createdAt: 0,
};

describe('the held-sales bar', () => {
  it.each([
    ['en-CA', 'Park sale Parked (0)'],
    ['fr-CA', 'Mettre en attente En attente (0)'],
    ['zh-CN', '挂单 已挂单（0）'],
  ] as const)('%s: Park sale and the Parked (n) list button', (locale, words) => {
    const html = renderOnScreen(createElement(ParkedSales, { sale: sale(), locked: false, onSale: () => undefined }), locale);
    expect(text(html)).toBe(words);
    expect(parkButton(html)).not.toContain('disabled');
  });

  it('Park sale is off with nothing on the sale, with a payment on it, while a payment holds the till, and once paid', () => {
    for (const s of [sale({ lines: [] }), sale({ attempts: [paidCash], paidCents: 500 }), sale({ status: 'paid' })]) {
      expect(parkButton(renderOnScreen(createElement(ParkedSales, { sale: s, locked: false, onSale: () => undefined })))).toContain('disabled');
    }
    expect(parkButton(renderOnScreen(createElement(ParkedSales, { sale: sale(), locked: true, onSale: () => undefined })))).toContain('disabled');
    // A failed attempt leaves nothing on the sale: it can be parked.
    const failed = { ...paidCash, state: 'failed' as const, phase: 'not-paid' as const };
    expect(parkButton(renderOnScreen(createElement(ParkedSales, { sale: sale({ attempts: [failed] }), locked: false, onSale: () => undefined })))).not.toContain('disabled');
  });
});

describe('the Z lists the sales left parked', () => {
  const parked = [{ saleId: 12, cashier: 'ann', currency: 'CAD', totalCents: 1407, lineCount: 2, parkedAt: 0, parkedBy: 'ann' }];
  it.each([
    ['en-CA', 'Sales left parked (not counted as sales) Sale #12 · ann $14.07'],
    ['fr-CA', 'Ventes restées en attente (non comptées comme ventes) Vente no 12 · ann 14,07 $'],
    ['zh-CN', '仍挂起的销售（不计入销售） 销售 #12 · ann CA$14.07'],
  ] as const)('%s', (locale, words) => {
    expect(text(renderOnScreen(createElement(ParkedAtClose, { parked }), locale))).toBe(words);
  });

  it('nothing when none is left parked', () => {
    expect(renderOnScreen(createElement(ParkedAtClose, { parked: [] }))).toBe('');
  });
});

describe('the cash panel for the last 2¢ of a split', () => {
  it('asks for $0.00 with a −$0.02 rounding line and offers Exact', () => {
    const words = text(renderOnScreen(createElement(CashTender, { amountCents: 2, busy: false, onPay: () => undefined, onBack: () => undefined })));
    expect(words).toContain('Rounding −$0.02');
    expect(words).toContain('Cash total $0.00');
    expect(words).toContain('Exact');
  });
});
