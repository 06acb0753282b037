// The composed app as both hosts see it: one door that checks role and payload, per-role events, the manager
// PIN, and no path by which the merchant key reaches a screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WindowRole } from '../../main/app/host-api.js';
import { TRAINING_MERCHANT_FILE } from '../../main/app/training-gateway.js';
import { composedAppPerTest, until } from '../support/composed-app.js';
import { walletCode } from '../support/sandbox-fixtures.js';

const app = composedAppPerTest('pos-compose-');
const { start, call, answers } = app;

const salePaid = async (role: WindowRole = 'cashier') => (await call(role, 'sale:current')).value?.status === 'paid';

describe('composed app', () => {
  it('starts in training mode with a demo catalog', async () => {
    await start();
    expect(app.host.training).toBe(true);
    const info = await call('cashier', 'app:info');
    expect(info.value).toMatchObject({ training: true, currency: 'CAD', online: true });
    expect(String(info.value!.cardFormScriptUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cc\/iotpaycc\.js$/);
    const products = await call('cashier', 'catalog:search', { query: '' });
    expect((products.value as unknown as unknown[]).length).toBeGreaterThan(5);
  });

  it('refuses unknown channels, roles off the allow-list and bad payloads, with typed errors', async () => {
    await start();
    expect((await call('cashier', 'payment:steal')).error?.code).toBe('UNKNOWN_CHANNEL');
    expect((await call('customer-display', 'payment:chargeByScan', { code: walletCode('WX', '01') })).error?.code).toBe('NOT_ALLOWED');
    expect((await call('customer-display', 'refund:create', { session: 'x'.repeat(20), attemptId: 1, amountCents: 1, reason: 'abc' })).error?.code).toBe('NOT_ALLOWED');
    expect((await call('kiosk', 'payment:payCash', { tenderedCents: 100 })).error?.code).toBe('NOT_ALLOWED');
    expect((await call('kiosk', 'report:dailyTotals', { session: 'x'.repeat(20) })).error?.code).toBe('NOT_ALLOWED');
    const bad = await call('cashier', 'sale:addCustom', { name: 'Tip', amountCents: 12.5 });
    expect(bad.error?.code).toBe('INVALID_REQUEST');
    expect(bad.error?.message).toMatch(/amountCents/);
    expect((await call('cashier', 'sale:addCustom', { name: 'Tip', amountCents: 100, extra: '<script>' })).ok).toBe(true);
  });

  it('a cashier sale paid by scan: events reach the cashier and the customer display, not the kiosk', async () => {
    await start();
    const seen: Record<string, string[]> = { cashier: [], 'customer-display': [], kiosk: [], manager: [] };
    for (const role of Object.keys(seen) as WindowRole[]) app.host.subscribe(role, (event) => seen[role]!.push(event));
    const products = (await call('cashier', 'catalog:search', { query: 'latte' })).value as unknown as Array<{ sku: string }>;
    const sale = await call('cashier', 'sale:addItem', { sku: products[0]!.sku, quantity: 2 });
    // 2 × $4.95 + 13% HST (the default province, ON; docs/register.md).
    expect(sale.value).toMatchObject({ subtotalCents: 990, totalCents: 1119, status: 'open' });
    const attempt = await call('cashier', 'payment:chargeByScan', { code: walletCode('WX', '01') });
    expect(attempt.ok).toBe(true);
    await until(() => salePaid(), 'the sale to be paid');
    expect(seen.cashier).toContain('payment:attempt');
    expect(seen['customer-display']).toContain('payment:attempt');
    expect(seen['customer-display']!.filter((e) => e === 'sale:changed').length).toBeGreaterThanOrEqual(3);
    expect(seen.kiosk).toEqual([]);
    expect(seen['customer-display']).not.toContain('refund:changed');
    expect(seen.manager).toContain('payment:attempt');
  });

  it('manager channels need the PIN; five wrong PINs lock the pad', async () => {
    await start();
    expect((await call('manager', 'report:dailyTotals', { session: 'not-a-real-session-token' })).error?.code).toBe('SESSION_EXPIRED');
    for (let i = 0; i < 4; i += 1) expect((await call('manager', 'manager:unlock', { pin: '0000' })).error?.code).toBe('PIN_WRONG');
    expect((await call('manager', 'manager:unlock', { pin: '0000' })).error?.code).toBe('PIN_LOCKED');
    expect((await call('manager', 'manager:unlock', { pin: '1234' })).error?.code).toBe('PIN_LOCKED');
  });

  it('a manager refunds a paid sale; totals net it; the key is never in any answer', async () => {
    await start();
    await call('cashier', 'sale:addCustom', { name: 'Gift', amountCents: 2000 });
    const attempt = await call('cashier', 'payment:chargeByScan', { code: walletCode('ALIPAY', '01') });
    await until(() => salePaid(), 'the sale to be paid');
    const session = (await call('manager', 'manager:unlock', { pin: '1234' })).value!.session as string;
    const found = await call('manager', 'refund:findSales', { session, query: String(attempt.value!.mchOrderNo) });
    expect((found.value as unknown as unknown[]).length).toBe(1);
    const refund = await call('manager', 'refund:create', { session, attemptId: attempt.value!.id, amountCents: 500, reason: 'damaged' });
    expect(refund.value).toMatchObject({ state: 'succeeded', amountCents: 500 });
    const totals = await call('manager', 'report:dailyTotals', { session });
    // $20 + 13% HST paid, $5 refunded.
    expect((totals.value!.byCurrency as Array<{ netCents: number }>)[0]!.netCents).toBe(2260 - 500);
    expect((await call('manager', 'settings:setMerchantKey', { session, merchantKey: 'SECRETKEY123' })).error?.code).toBe('SECRET_STORE_UNAVAILABLE');
    const settings = await call('manager', 'settings:get', { session });
    expect(settings.value).toMatchObject({ merchantKeyStored: false, secretStoreAvailable: false, mode: 'training' });
    const trainingKey = (JSON.parse(readFileSync(join(app.dataDir, TRAINING_MERCHANT_FILE), 'utf8')) as { key: string }).key;
    for (const answer of answers) {
      expect(answer).not.toContain(trainingKey);
      expect(answer).not.toMatch(/"(key|merchantKey|sign|secret)"/);
    }
  });
});
