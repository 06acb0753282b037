// Shifts through the composed app (docs/staff.md "Shifts and the drawer"): the float counted by denomination, cash
// sales after the 5¢ rounding, a cash refund, pay-ins and pay-outs, the close with expected, counted and variance,
// and a variance above the threshold that only a manager may approve. Then `journal verify` rebuilds the staff and
// shift tables from their events, and the totals name the cashier who took each sale.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../main/app/services.js';
import { composedAppPerTest, type ComposedApp } from '../support/composed-app.js';

const app = composedAppPerTest('staff-shifts-');

async function value<T = Record<string, unknown>>(a: ComposedApp, role: Parameters<ComposedApp['call']>[0], channel: string, payload: unknown = {}): Promise<T> {
  const r = await a.call(role, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`);
  return r.value as T;
}

/** Two cash sales (one rounded to 5¢) and a cash refund of the first, with a pay-in and a pay-out, on a $100 float. */
async function busyShift(a: ComposedApp) {
  await value(a, 'cashier', 'shift:open', { counts: { 2000: 5 } });
  // $4.50 + 13% HST = $5.085, half-up once per sale: $5.09; in cash, rounded to the nearest 5¢: $5.10.
  await value(a, 'cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
  const tea = await value<{ id: number; amountCents: number; roundingCents: number; changeCents: number }>(a, 'cashier', 'payment:payCash', { tenderedCents: 1000 });
  expect([tea.amountCents, tea.roundingCents, tea.changeCents]).toEqual([510, 1, 490]);
  await value(a, 'cashier', 'sale:new');
  await value(a, 'cashier', 'sale:addCustom', { name: 'Cake', amountCents: 1000 });
  const cake = await value<{ amountCents: number }>(a, 'cashier', 'payment:payCash', { tenderedCents: 2000 });
  expect(cake.amountCents).toBe(1130);
  const { session } = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
  const refund = await value<{ state: string }>(a, 'manager', 'refund:create', { session, attemptId: tea.id, amountCents: 510, reason: 'spilled' });
  expect(refund.state).toBe('succeeded');
  await value(a, 'cashier', 'shift:moveCash', { kind: 'pay_in', amountCents: 2500, reason: 'change from the bank' });
  const shift = await value<Record<string, number>>(a, 'cashier', 'shift:moveCash', { kind: 'pay_out', amountCents: 1200, reason: 'milk' });
  return { session, shift };
}

describe('a shift at the till', () => {
  it('expected cash = float + cash sales after rounding − cash refunds + pay-ins − pay-outs; the close shows the variance', async () => {
    const a = await app.start();
    const { session, shift } = await busyShift(a);
    expect(shift).toMatchObject({ floatCents: 10000, cashSalesCents: 1640, cashRefundsCents: 510, payInsCents: 2500, payOutsCents: 1200, expectedCents: 12430, openedBy: 'Trainee' });
    // 6 × $20, 4 × $1, a quarter and two nickels: $124.35, 5¢ over.
    const closed = await value(a, 'cashier', 'shift:close', { counts: { 2000: 6, 100: 4, 25: 1, 5: 2 } });
    expect(closed).toMatchObject({ status: 'closed', expectedCents: 12430, countedCents: 12435, varianceCents: 5, varianceApprovedBy: null, closedBy: 'Trainee' });
    expect((await a.call('cashier', 'shift:current')).value).toBeNull();
    expect((await a.call('cashier', 'shift:moveCash', { kind: 'pay_out', amountCents: 100, reason: 'after close' })).error?.code).toBe('SHIFT_NOT_OPEN');

    // The sales name who rang them up, and the day's totals the person by name.
    const totals = await value<{ byCashier: Array<{ label: string; grossCents: number; refundCents: number }> }>(a, 'manager', 'report:dailyTotals', { session });
    expect(totals.byCashier).toEqual([expect.objectContaining({ label: 'Trainee', grossCents: 1640, refundCents: 510 })]);
    // The Z lists the shift with its variance.
    const z = await value<{ shifts: Array<Record<string, unknown>> }>(a, 'manager', 'report:closeDay', { session, countedCashCents: 12435 });
    expect(z.shifts).toEqual([expect.objectContaining({ openedBy: 'Trainee', closedBy: 'Trainee', expectedCents: 12430, countedCents: 12435, varianceCents: 5 })]);
    const verify = await value<{ ok: boolean; differenceCount: number }>(a, 'manager', 'journal:verify', { session });
    expect(verify).toMatchObject({ ok: true, differenceCount: 0 });
  });

  it('a variance above the threshold needs a manager: a cashier\'s PIN may not approve it, a manager\'s may', async () => {
    const a = await app.start();
    await busyShift(a);
    // $110 counted against $124.30 expected: $14.30 short, above the default $5.00 threshold.
    const counts = { 2000: 5, 100: 10 };
    expect(await a.call('cashier', 'shift:close', { counts })).toMatchObject({ ok: false, error: { code: 'CASH_VARIANCE_NEEDS_APPROVAL', details: { varianceCents: -1430 } } });
    expect(await a.call('cashier', 'shift:close', { counts, pin: '1111' })).toMatchObject({ ok: false, error: { code: 'APPROVAL_NOT_ALLOWED' } });
    expect((await a.call('cashier', 'shift:current')).value).toMatchObject({ status: 'open' });
    const closed = await value(a, 'cashier', 'shift:close', { counts, pin: '1234' });
    expect(closed).toMatchObject({ varianceCents: -1430, varianceApprovedBy: 'Manager' });
  });

  it('the staff list: a person added by a manager signs in, switches the till, and is journaled with the sale; verify rebuilds it all', async () => {
    const a = await app.start();
    const { session } = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
    // PINs are unique and never the factory one; names are unique among active staff.
    expect((await a.call('manager', 'staff:add', { session, name: 'Bea', role: 'cashier', pin: '1111' })).error?.code).toBe('PIN_TAKEN');
    // The only manager (here the factory one) cannot be disabled: nobody could open the manager screen.
    expect((await a.call('manager', 'staff:disable', { session, staffId: 'manager' })).error?.code).toBe('LAST_MANAGER');
    expect((await a.call('manager', 'staff:add', { session, name: 'Bea', role: 'cashier', pin: '1234' })).error?.code).toBe('PIN_NOT_ALLOWED');
    const list = await value<{ staff: Array<{ id: string; name: string }> }>(a, 'manager', 'staff:add', { session, name: 'Bea', role: 'cashier', pin: '2468' });
    const bea = list.staff.find((m) => m.name === 'Bea');
    expect(bea).toBeDefined();
    expect((await a.call('manager', 'staff:add', { session, name: 'bea', role: 'cashier', pin: '1357' })).error?.code).toBe('STAFF_NAME_TAKEN');
    // The PIN hash never leaves main.
    expect(a.answers.join('\n')).not.toMatch(/scrypt\$/);

    expect(await value(a, 'cashier', 'staff:signIn', { pin: '2468' })).toEqual({ id: bea?.id, name: 'Bea', role: 'cashier' });
    await value(a, 'cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
    await value(a, 'cashier', 'payment:payCash', { tenderedCents: 1000 });
    // Bea may not open the manager screen, nor approve a void.
    expect((await a.call('manager', 'manager:unlock', { pin: '2468' })).error?.code).toBe('STAFF_ROLE_TOO_LOW');
    await value(a, 'manager', 'staff:disable', { session, staffId: bea?.id });
    // Disabled: she is signed out at once, and her PIN opens nothing.
    expect((await a.call('cashier', 'sale:new')).error?.code).toBe('SIGNED_OUT');
    expect((await a.call('cashier', 'staff:signIn', { pin: '2468' })).error?.code).toBe('PIN_WRONG');
    const totals = await value<{ byCashier: Array<{ label: string }> }>(a, 'manager', 'report:dailyTotals', { session });
    expect(totals.byCashier.map((l) => l.label)).toEqual(['Bea']);
    expect(await value(a, 'manager', 'journal:verify', { session })).toMatchObject({ ok: true, differenceCount: 0 });
  });

  it('the door checks the session holder\'s role on each manager channel: a supervisor sees the totals, not the settings', async () => {
    const a = await app.start();
    const { session } = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
    await value(a, 'manager', 'staff:add', { session, name: 'Sue', role: 'supervisor', pin: '8642' });
    const sue = await value<{ session: string; staff: { name: string; role: string } }>(a, 'manager', 'manager:unlock', { pin: '8642' });
    expect(sue.staff).toEqual({ id: 's1', name: 'Sue', role: 'supervisor' });
    expect((await a.call('manager', 'report:dailyTotals', { session: sue.session })).ok).toBe(true);
    for (const [channel, payload] of [['settings:get', {}], ['staff:list', {}], ['report:closeDay', { countedCashCents: 0 }], ['settings:update', { storeName: 'Mine' }]] as const) {
      expect((await a.call('manager', channel, { session: sue.session, ...payload })).error?.code, channel).toBe('STAFF_ROLE_TOO_LOW');
    }
    // At the till, a supervisor may approve a void of a paid sale; the journal names her.
    await value(a, 'cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
    // A part payment: the sale stays open with money on it.
    await value(a, 'cashier', 'payment:payCash', { tenderedCents: 200, amountCents: 200 });
    expect((await a.call('cashier', 'sale:void', { pin: '1111' })).error?.code).toBe('APPROVAL_NOT_ALLOWED');
    expect((await a.call('cashier', 'sale:void', { pin: '8642' })).ok).toBe(true);
    const db = new Database(join(a.dataDir, JOURNAL_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT amount_cents, approved_by FROM refunds').all()).toEqual([{ amount_cents: 200, approved_by: 's1' }]);
    } finally {
      db.close();
    }
  });
});
