// Held sales and the province setting through the one door of the composed app (docs/register.md "Held sales",
// "Settings"): the park/list/resume channels, a restart of the app on the same data folder in between, the Z's list
// of sales left parked, and a province changed in Manager → Settings applying to sales opened after it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostApi, WindowRole } from '../../main/app/host-api.js';
import { verifyJournalFile } from '../../main/journal/verify-file.js';
import { restartableAppsPerTest } from '../support/composed-app.js';

const PIN = '1234';
const apps = restartableAppsPerTest('held-sales-app-');
const { folder, stop } = apps;

/** The app on `dataDir`, someone signed in at the till (docs/staff.md "Signing in"). */
async function compose(dataDir: string): Promise<HostApi> {
  const host = await apps.compose(dataDir);
  const signedIn = (await host.invoke('cashier', 'staff:signIn', { pin: PIN })) as { ok: boolean };
  expect(signedIn.ok).toBe(true);
  return host;
}

type Answer<T> = { ok: boolean; value?: T; error?: { code: string; message: string } };
const call = async <T = Record<string, unknown>>(host: HostApi, role: WindowRole, channel: string, payload: unknown = {}) => (await host.invoke(role, channel, payload)) as Answer<T>;
type Sale = { id: number; status: string; totalCents: number; taxes: Array<{ code: string; amountCents: number }>; lines: Array<{ sku: string; quantity: number }> };
type Parked = Array<{ saleId: number; cashier: string; totalCents: number; lineCount: number }>;

describe('held sales through the door', () => {
  it('park, pay the next customer, restart, resume, pay; the kiosk may not park; verify agrees', async () => {
    const dataDir = folder();
    const first = await compose(dataDir);
    await call(first, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 });
    const ringing = (await call<Sale>(first, 'cashier', 'sale:addItem', { sku: 'CROISSANT', quantity: 2 })).value!;
    // $4.95 + 2 × $3.75 = $12.45; HST 13% 161.85 → 162; $14.07.
    expect(ringing.totalCents).toBe(1407);
    const parked = await call<{ parked: number; sale: Sale }>(first, 'cashier', 'sale:park');
    expect(parked.value).toMatchObject({ parked: ringing.id, sale: { status: 'open', lines: [] } });
    await call(first, 'cashier', 'sale:addItem', { sku: 'COFFEE-S', quantity: 1 });
    expect((await call(first, 'cashier', 'payment:payCash', { tenderedCents: 500 })).value).toMatchObject({ state: 'succeeded', amountCents: 285 });
    expect((await call(first, 'kiosk', 'sale:park')).error?.code).toBe('NOT_ALLOWED');
    expect((await call(first, 'kiosk', 'sale:resume', { saleId: ringing.id })).error?.code).toBe('NOT_ALLOWED');
    await stop(first);

    const second = await compose(dataDir);
    expect((await call<Parked>(second, 'cashier', 'sale:parked')).value).toEqual([expect.objectContaining({ saleId: ringing.id, totalCents: 1407, lineCount: 2, cashier: 'Manager' })]);
    const resumed = await call<{ sale: Sale; parked: number | null }>(second, 'cashier', 'sale:resume', { saleId: ringing.id });
    expect(resumed.value).toMatchObject({ parked: null, sale: { id: ringing.id, totalCents: 1407 } });
    expect((await call(second, 'cashier', 'sale:resume', { saleId: ringing.id })).error?.code).toBe('PARKED_SALE_NOT_FOUND');
    expect((await call(second, 'cashier', 'payment:payCash', { tenderedCents: 2000 })).value).toMatchObject({ state: 'succeeded', amountCents: 1405, roundingCents: -2 });
    expect((await call(second, 'cashier', 'receipt:get', { saleId: ringing.id })).ok).toBe(true);
    expect((await call(second, 'cashier', 'sale:park')).error?.code).toBe('PARK_EMPTY_SALE');
    await stop(second);
    expect(verifyJournalFile(join(dataDir, 'journal.sqlite'))).toMatchObject({ ok: true });
  });

  it('the Z lists the sales left parked (sale, cashier, amount), and does not count them', async () => {
    const host = await compose(folder());
    const held = (await call<Sale>(host, 'cashier', 'sale:addItem', { sku: 'DUMPLINGS', quantity: 1 })).value!;
    await call(host, 'cashier', 'sale:park');
    await call(host, 'cashier', 'sale:addItem', { sku: 'COOKIE', quantity: 1 });
    await call(host, 'cashier', 'payment:payCash', { tenderedCents: 200 });
    const session = (await call<{ session: string }>(host, 'manager', 'manager:unlock', { pin: PIN })).value!.session;
    const z = await call<{ parkedSales: Parked; register: Array<{ salesCount: number; netSalesCents: number }> }>(host, 'manager', 'report:closeDay', { session, countedCashCents: 170 });
    expect(z.error).toBeUndefined();
    expect(z.value!.parkedSales).toEqual([expect.objectContaining({ saleId: held.id, cashier: expect.any(String), totalCents: held.totalCents })]);
    expect(z.value!.register).toEqual([expect.objectContaining({ salesCount: 1, netSalesCents: 150 })]);
  });
});

describe('the province in Manager → Settings', () => {
  it('applies to sales opened after the change; the sale already open keeps its taxes; a bad code is refused', async () => {
    const host = await compose(folder());
    const open = (await call<Sale>(host, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!;
    expect(open.taxes.map((t) => t.code)).toEqual(['HST']);
    const session = (await call<{ session: string }>(host, 'manager', 'manager:unlock', { pin: PIN })).value!.session;
    expect((await call(host, 'manager', 'settings:update', { session, province: 'ZZ' })).error?.code).toBe('INVALID_REQUEST');
    const saved = await call<{ province: string; pendingRestart: string[] }>(host, 'manager', 'settings:update', { session, province: 'QC' });
    expect(saved.value).toMatchObject({ province: 'QC' });
    expect(saved.value!.pendingRestart).toEqual([]);
    // The open sale is still Ontario's: another latte is HST.
    const same = (await call<Sale>(host, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!;
    expect([same.id, same.taxes.map((t) => [t.code, t.amountCents])]).toEqual([open.id, [['HST', 129]]]);
    await call(host, 'cashier', 'payment:payCash', { tenderedCents: 2000 });
    // The next sale is Quebec's: $4.95, GST 0.25 and QST 0.49.
    await call(host, 'cashier', 'sale:new');
    const next = (await call<Sale>(host, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!;
    expect(next.taxes.map((t) => [t.code, t.amountCents])).toEqual([['GST', 25], ['QST', 49]]);
    expect(next.totalCents).toBe(569);
  });
});
