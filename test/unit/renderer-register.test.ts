// What the cart, the customer display and the cash panel show of sales tax and cash rounding, server-rendered with the
// real dictionaries in all three languages (docs/register.md).
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderOnScreen } from '../support/screen-app.js';
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { CashTender } from '../../renderer/cashier/CashTender.js';
import { SaleTotals } from '../../renderer/shared/CartList.js';
import type { Locale } from '../../renderer/shared/locale.js';

const render = renderOnScreen;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ').trim();

/** A Quebec sale of $23.98: GST 1.20, QST 2.39, total 27.57, paid $27.55 in cash. */
function quebec(over: Partial<SaleView> = {}): SaleView {
  return {
    id: 1, status: 'open', currency: 'CAD', cashier: 'till', subtotalCents: 2398, discountCents: 0, saleDiscount: null, pricesIncludeTax: false, totalCents: 2757,
    taxes: [{ code: 'GST', ratePer100k: 5000, rateLabel: '5%', baseCents: 2398, amountCents: 120 }, { code: 'QST', ratePer100k: 9975, rateLabel: '9.975%', baseCents: 2398, amountCents: 239 }],
    paidCents: 0, dueCents: 2757, heldCents: 0, holdingAttemptId: null, overpaidCents: 0, changeCents: 0, roundingCents: 0, cashDueCents: 2755, createdAt: 0,
    lines: [{ lineNo: 1, sku: 'POUTINE', name: 'Poutine', unitPriceCents: 1199, quantity: 2, lineTotalCents: 2398, taxClass: 'standard', discountCents: 0, lineDiscount: null, catalogPriceCents: null }], attempts: [], refunds: [], ...over,
  };
}

describe('SaleTotals: subtotal, each tax, total', () => {
  it.each([
    ['en-CA', 'Subtotal $23.98 GST 5% $1.20 QST 9.975% $2.39 Total $27.57'],
    ['fr-CA', 'Sous-total 23,98 $ TPS 5 % 1,20 $ TVQ 9,975 % 2,39 $ Total 27,57 $'],
    ['zh-CN', '小计 CA$23.98 GST 联邦销售税 5% CA$1.20 QST 魁北克销售税 9.975% CA$2.39'],
  ] as const)('%s', (locale, words) => {
    expect(text(render(createElement(SaleTotals, { sale: quebec() }), locale))).toContain(words);
  });

  it('Ontario reads "HST 13%" (TVH in French); an untaxed sale shows no subtotal', () => {
    const on = quebec({ taxes: [{ code: 'HST', ratePer100k: 13000, rateLabel: '13%', baseCents: 2398, amountCents: 312 }], totalCents: 2710 });
    expect(text(render(createElement(SaleTotals, { sale: on }), 'en-CA'))).toContain('HST 13% $3.12');
    expect(text(render(createElement(SaleTotals, { sale: on }), 'fr-CA'))).toContain('TVH 13 % 3,12 $');
    expect(render(createElement(SaleTotals, { sale: quebec({ taxes: [], subtotalCents: 2757 }) }), 'en-CA')).not.toContain('sale-subtotal');
  });

  it('cash rounding is its own line with its sign, after the total', () => {
    const cash: Partial<AttemptView> = { tender: 'cash', amountCents: 2755, roundingCents: -2 };
    const html = render(createElement(SaleTotals, { sale: quebec({ paidCents: 2757, dueCents: 0, roundingCents: -2, attempts: [cash as AttemptView] }) }), 'en-CA');
    expect(text(html)).toContain('Total $27.57 Rounding −$0.02');
    // Paid is the cash taken: the total plus its rounding, so the rows add up as the customer sees them.
    expect(html).toMatch(/data-testid="sale-paid"[^>]*>\$27\.55</);
  });

  it('prices that include tax say so', () => {
    expect(text(render(createElement(SaleTotals, { sale: quebec({ pricesIncludeTax: true }) }), 'fr-CA'))).toContain('Taxes incluses dans les prix');
  });
});

describe('the cash panel rounds what cash pays to 5¢', () => {
  const panel = (amountCents: number, locale: Locale = 'en-CA') => render(createElement(CashTender, { amountCents, busy: false, onPay: () => undefined, onBack: () => undefined }), locale);

  it('shows the rounding and the cash total, and offers the rounded amount as exact', () => {
    const shown = text(panel(2757));
    expect(shown).toContain('Cash for $27.57');
    expect(shown).toContain('Rounding −$0.02');
    expect(shown).toContain('Cash total $27.55');
    expect(shown).toContain('Exact');
    expect(text(panel(2758, 'fr-CA'))).toContain('Arrondi +0,02 $');
  });

  it('no rounding line when the amount is already a multiple of 5¢', () => {
    expect(panel(2755)).not.toContain('cash-rounding');
  });
});
