// Discounts through the composed app's door (docs/register.md "Discounts"): the cashier's channels answer the sale
// view with each discount; the kiosk may not call them; a PIN-less discount above the threshold is the typed
// refusal the screen asks a PIN on; the threshold is a manager setting that applies at once.
import { describe, expect, it } from 'vitest';
import { composedAppPerTest } from '../support/composed-app.js';

const app = composedAppPerTest('discounts-app-');

describe('the discount channels', () => {
  it('cashier only; typed refusals; the threshold setting applies at once', async () => {
    await app.start();
    await app.call('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 1000 });
    expect(await app.call('kiosk', 'sale:discountSale', { kind: 'pct', value: 1000 })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await app.call('customer-display', 'sale:overridePrice', { lineNo: 1, unitPriceCents: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await app.call('cashier', 'sale:discountLine', { lineNo: 1, kind: 'pct', value: 10_001 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });

    // $10.00 + HST: 25% off is above the default 20%.
    expect(await app.call('cashier', 'sale:discountSale', { kind: 'pct', value: 2500 })).toMatchObject({ ok: false, error: { code: 'DISCOUNT_NEEDS_APPROVAL' } });
    expect(await app.call('cashier', 'sale:overridePrice', { lineNo: 1, unitPriceCents: 900 })).toMatchObject({ ok: false, error: { code: 'PRICE_OVERRIDE_NEEDS_APPROVAL' } });
    expect(await app.call('cashier', 'sale:discountLine', { lineNo: 1, kind: 'amount', value: 1001 })).toMatchObject({ ok: false, error: { code: 'DISCOUNT_TOO_LARGE' } });

    // The manager raises the threshold to 30%: the same 25% is now the cashier's alone.
    const session = ((await app.call('manager', 'manager:unlock', { pin: '1234' })).value as { session: string }).session;
    expect((await app.call('manager', 'settings:get', { session })).value).toMatchObject({ discountApprovalPercent: 20 });
    expect((await app.call('manager', 'settings:update', { session, discountApprovalPercent: 30 })).value).toMatchObject({ discountApprovalPercent: 30 });
    const sale = await app.call('cashier', 'sale:discountSale', { kind: 'pct', value: 2500 });
    // 25% of 10.00 = 2.50; HST 13% of 7.50 = 0.975 → 0.98.
    expect(sale).toMatchObject({ ok: true, value: { subtotalCents: 750, totalCents: 848, discountCents: 250, saleDiscount: { kind: 'pct', value: 2500, cents: 250, approvedBy: null }, lines: [{ lineNo: 1, discountCents: 250, lineDiscount: null, catalogPriceCents: null }] } });
    const removed = await app.call('cashier', 'sale:removeDiscount', {});
    expect(removed).toMatchObject({ ok: true, value: { totalCents: 1130, discountCents: 0, saleDiscount: null } });
  });
});
