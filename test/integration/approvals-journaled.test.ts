// Who approved, as the journal keeps it (docs/staff.md "Who did it"): every approval, at the till or on the manager
// screen, is journaled by the approver's staff id (reports and slips look the name up), never by their name. And a
// sale paid partly by an exchange credit cannot be parked (docs/register.md "Held sales"), like a sale with a payment.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../main/app/services.js';
import { DICTIONARIES } from '../../renderer/shared/i18n/dictionaries.js';
import { composedAppPerTest, type ComposedApp } from '../support/composed-app.js';

const app = composedAppPerTest('approvals-journaled-');
const SUPERVISOR_PIN = '2468';

async function value<T = Record<string, unknown>>(a: ComposedApp, role: Parameters<ComposedApp['call']>[0], channel: string, payload: unknown = {}): Promise<T> {
  const r = await a.call(role, channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`);
  return r.value as T;
}

function readRow<T>(a: ComposedApp, sql: string, ...args: unknown[]): T {
  const db = new Database(join(a.dataDir, JOURNAL_FILE), { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

type Sale = { id: number; status: string; totalCents: number; dueCents: number };

/** Tea $4.50 + cake $10.00 + HST = $16.39, paid $16.40 in cash. */
async function paidSale(a: ComposedApp): Promise<Sale> {
  await value(a, 'cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
  await value(a, 'cashier', 'sale:addCustom', { name: 'Cake', amountCents: 1000 });
  await value(a, 'cashier', 'payment:payCash', { tenderedCents: 2000 });
  return value<Sale>(a, 'cashier', 'sale:current');
}

/** Adds the supervisor Sam; her staff id. */
async function addSupervisor(a: ComposedApp): Promise<string> {
  const { session } = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
  const list = await value<{ staff: Array<{ id: string; name: string }> }>(a, 'manager', 'staff:add', { session, name: 'Sam', role: 'supervisor', pin: SUPERVISOR_PIN });
  await value(a, 'manager', 'manager:lock', { session });
  const sam = list.staff.find((s) => s.name === 'Sam');
  if (!sam) throw new Error('Sam is not on the staff list');
  expect(sam.id).not.toBe('Sam');
  return sam.id;
}

describe('who approved is journaled by staff id', () => {
  it('a return and an exchange on the manager screen under a supervisor\'s session, a return without a receipt under the manager\'s', async () => {
    const a = await app.start();
    const samId = await addSupervisor(a);
    const old = await paidSale(a);
    const sam = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: SUPERVISOR_PIN });

    // The tea back on the receipt.
    const returned = await value<{ returnId: number }>(a, 'manager', 'refund:returnLines', { session: sam.session, saleId: old.id, lines: [{ lineNo: 1, quantity: 1 }], reason: 'cold tea' });
    expect(readRow(a, 'SELECT approved_by AS by FROM returns WHERE id = ?', returned.returnId)).toEqual({ by: samId });
    const refund = readRow<{ by: string }>(a, 'SELECT approved_by AS by FROM refunds ORDER BY id DESC LIMIT 1');
    expect(refund.by).toBe(samId);

    // The cake against a dearer one rung up at the counter.
    await value(a, 'cashier', 'sale:new');
    await value(a, 'cashier', 'sale:addCustom', { name: 'Big cake', amountCents: 2000 });
    const exchanged = await value<{ returnId: number }>(a, 'manager', 'refund:exchange', { session: sam.session, saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }], reason: 'wrong size' });
    expect(readRow(a, 'SELECT approved_by AS by FROM returns WHERE id = ?', exchanged.returnId)).toEqual({ by: samId });
    await value(a, 'manager', 'manager:lock', { session: sam.session });

    // Without a receipt: the factory manager, journaled as `manager` (her id), not `Manager` (her name).
    const boss = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
    const products = await value<Array<{ sku: string }>>(a, 'cashier', 'catalog:search', { query: '' });
    const noReceipt = await value<{ returnId: number }>(a, 'manager', 'refund:noReceipt', { session: boss.session, items: [{ code: products[0]?.sku ?? 'LATTE', quantity: 1 }], reason: 'no receipt, unopened' });
    expect(readRow(a, 'SELECT approved_by AS by FROM returns WHERE id = ?', noReceipt.returnId)).toEqual({ by: 'manager' });
  });

  it('a refund by amount under a supervisor\'s session and the Z under the manager\'s keep the staff id', async () => {
    const a = await app.start();
    const samId = await addSupervisor(a);
    const old = await paidSale(a);
    const attempt = readRow<{ id: number }>(a, 'SELECT id FROM attempts WHERE sale_id = ? AND state = ?', old.id, 'succeeded');
    const sam = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: SUPERVISOR_PIN });
    const refund = await value<{ id: number }>(a, 'manager', 'refund:create', { session: sam.session, attemptId: attempt.id, amountCents: 500, reason: 'sorry' });
    expect(readRow(a, 'SELECT approved_by AS by FROM refunds WHERE id = ?', refund.id)).toEqual({ by: samId });
    await value(a, 'manager', 'manager:lock', { session: sam.session });

    const boss = await value<{ session: string }>(a, 'manager', 'manager:unlock', { pin: '1234' });
    await value(a, 'manager', 'report:closeDay', { session: boss.session, countedCashCents: 1140 });
    expect(readRow(a, 'SELECT closed_by AS by FROM day_closes ORDER BY z_number DESC LIMIT 1')).toEqual({ by: 'manager' });
  });
});

describe('parking a sale paid partly by an exchange credit', () => {
  it('is refused with its own words, and the sale stays on screen', async () => {
    const a = await app.start();
    await addSupervisor(a);
    const old = await paidSale(a);
    await value(a, 'cashier', 'sale:new');
    const next = await value<Sale>(a, 'cashier', 'sale:addCustom', { name: 'Big cake', amountCents: 2000 });
    await value(a, 'cashier', 'exchange:confirm', { saleId: old.id, lines: [{ lineNo: 2, quantity: 1 }], reason: 'wrong size', pin: SUPERVISOR_PIN });
    expect(await value<Sale>(a, 'cashier', 'sale:current')).toMatchObject({ id: next.id, status: 'open', dueCents: 1130 });

    const parked = await a.call('cashier', 'sale:park', {});
    expect(parked.ok).toBe(false);
    expect(parked.error?.code).toBe('PARK_SALE_HAS_CREDIT');
    expect(await value<Sale>(a, 'cashier', 'sale:current')).toMatchObject({ id: next.id, status: 'open', dueCents: 1130 });
    expect(await value<unknown[]>(a, 'cashier', 'sale:parked')).toEqual([]);
    // The screen's words, in each language.
    for (const dict of Object.values(DICTIONARIES)) expect((dict as Record<string, string>)['errorCode.PARK_SALE_HAS_CREDIT']).toBeTruthy();
    expect(DICTIONARIES['en-CA']['errorCode.PARK_SALE_HAS_CREDIT']).toMatch(/cannot be parked/);
  });
});
