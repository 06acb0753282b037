// What the cart, the customer display and the discount panel show of discounts (docs/register.md "Discounts"),
// server-rendered with the real dictionaries in all three languages; and the typed percentage becoming hundredths of
// a percent by string arithmetic.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../preload/contract.js';
import { DiscountPanel } from '../../renderer/cashier/DiscountPanel.js';
import { CartList, SaleTotals } from '../../renderer/shared/CartList.js';
import { formatPercentBp, parsePercentToBp } from '../../renderer/shared/discount-format.js';
import { renderOnScreen } from '../support/screen-app.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ').trim();

/** Ontario: a latte $4.95 with 10% off (50¢) and a muffin repriced from $3.25 to $2.00; 30% off the sale ($1.94). */
function sale(over: Partial<SaleView> = {}): SaleView {
  return {
    id: 1, status: 'open', currency: 'CAD', cashier: 'till', subtotalCents: 451, discountCents: 244,
    saleDiscount: { kind: 'pct', value: 3000, cents: 194, reason: null, approvedBy: 'manager' },
    taxes: [{ code: 'HST', ratePer100k: 13000, rateLabel: '13%', baseCents: 451, amountCents: 59 }], pricesIncludeTax: false, totalCents: 510,
    paidCents: 0, dueCents: 510, heldCents: 0, holdingAttemptId: null, overpaidCents: 0, changeCents: 0, roundingCents: 0, cashDueCents: 510, createdAt: 0,
    lines: [
      { lineNo: 1, sku: 'LATTE', name: 'Latte', unitPriceCents: 495, quantity: 1, lineTotalCents: 495, taxClass: 'standard', discountCents: 50 + 134, lineDiscount: { kind: 'pct', value: 1000, cents: 50, reason: null, approvedBy: null }, catalogPriceCents: null },
      { lineNo: 2, sku: 'MUFFIN', name: 'Muffin', unitPriceCents: 200, quantity: 1, lineTotalCents: 200, taxClass: 'standard', discountCents: 60, lineDiscount: null, catalogPriceCents: 325 },
    ],
    attempts: [], refunds: [], ...over,
  };
}

describe('the cart and the customer display', () => {
  it.each([
    ['en-CA', 'Discount −$0.50 (10%)', 'Price changed, was $3.25', 'Sale discount −$1.94 (30%) Subtotal $4.51 HST 13% $0.59 Total $5.10'],
    ['fr-CA', 'Rabais −0,50 $ (10 %)', 'Prix modifié, était 3,25 $', 'Rabais sur la vente −1,94 $ (30 %) Sous-total 4,51 $ TVH 13 % 0,59 $ Total 5,10 $'],
    ['zh-CN', '折扣 −CA$0.50 (10%)', '已改价，原价 CA$3.25', '整单折扣 −CA$1.94 (30%)'],
  ] as const)('%s: each line discount, the override, the sale discount row before the subtotal', (locale, lineWords, overrideWords, totalsWords) => {
    const cart = text(renderOnScreen(createElement(CartList, { sale: sale(), editable: false }), locale));
    expect(cart).toContain(lineWords);
    expect(cart).toContain(overrideWords);
    expect(text(renderOnScreen(createElement(SaleTotals, { sale: sale() }), locale))).toContain(totalsWords);
  });

  it('an amount discount shows no percentage; no discount, no row', () => {
    const amount = sale({ saleDiscount: { kind: 'amount', value: 100, cents: 100, reason: null, approvedBy: null } });
    expect(text(renderOnScreen(createElement(SaleTotals, { sale: amount }), 'en-CA'))).toContain('Sale discount −$1.00 Subtotal');
    const plain = renderOnScreen(createElement(SaleTotals, { sale: sale({ saleDiscount: null, discountCents: 0 }) }), 'en-CA');
    expect(plain).not.toContain('sale-discount-row');
  });

  it('the % button is the till\'s only: the kiosk and the display never get it', () => {
    const till = renderOnScreen(createElement(CartList, { sale: sale(), editable: true, onQuantity: () => undefined, onRemove: () => undefined, onDiscount: () => undefined }), 'en-CA');
    expect(till.match(/data-testid="line-discount-open"/g)).toHaveLength(2);
    const kiosk = renderOnScreen(createElement(CartList, { sale: sale(), editable: true, onQuantity: () => undefined, onRemove: () => undefined }), 'en-CA');
    expect(kiosk).not.toContain('line-discount-open');
  });
});

describe('the discount panel', () => {
  const panel = (target: { lineNo: number } | 'sale', locale: 'en-CA' | 'fr-CA' | 'zh-CN' = 'en-CA') =>
    text(renderOnScreen(createElement(DiscountPanel, { sale: sale(), target, busy: false, onClose: () => undefined, onSubmit: () => undefined }), locale));

  it('a line offers % off, $ off and a new price, of its total; the sale % and $ off, of the lines after their own discounts', () => {
    expect(panel({ lineNo: 1 })).toContain('Discount: Latte Of $4.95 · Discount −$0.50 (10%) % off $ off New price');
    expect(panel({ lineNo: 1 })).toContain('Remove discount');
    expect(panel('sale')).toContain('Discount the whole sale Of $6.45');
    expect(panel('sale')).not.toContain('New price');
    expect(panel('sale', 'fr-CA')).toContain('Rabais sur toute la vente Sur 6,45 $');
    expect(panel({ lineNo: 2 }, 'zh-CN')).toContain('折扣：Muffin');
  });
});

describe('typed percentages', () => {
  it('become hundredths of a percent by string arithmetic, 0.01..100 only', () => {
    expect(parsePercentToBp('10')).toBe(1000);
    expect(parsePercentToBp('12.5')).toBe(1250);
    expect(parsePercentToBp('12,5 %')).toBe(1250);
    expect(parsePercentToBp('100')).toBe(10_000);
    expect(parsePercentToBp('0.01')).toBe(1);
    for (const bad of ['0', '100.01', '-5', 'ten', '12.345', '']) expect(parsePercentToBp(bad), bad).toBeNull();
    expect(formatPercentBp(1250, 'en-CA')).toBe('12.5%');
    expect(formatPercentBp(1250, 'fr-CA').replace(/\u00a0|\u202f/g, ' ')).toBe('12,5 %');
  });
});
