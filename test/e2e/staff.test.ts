// Staff at the till, end to end in real Chromium (docs/staff.md): the cashier screen starts at sign-in; two
// cashiers sign in and out on one till and each rings a sale, and the manager's totals attribute each sale to the
// person who took it; a cashier cannot approve her own over-threshold discount (a manager can); a shift opened with
// the float counted by denomination, a pay-out, and the close showing expected, counted and the variance.
// Screenshots at 1024x768 in en-CA and fr-CA: the sign-in and the shift close.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../main/app/services.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, muffin } from './support/screen-helpers.js';
import { tillForThisTest, type TillRig } from './support/till-rig.js';
import { inCash, MANAGER_PIN, taxed } from './support/truth-helpers.js';

const SCREEN = { width: 1024, height: 768 };

function cad(cents: number): string {
  return `${cents < 0 ? '-' : ''}$${Math.trunc(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

async function addStaff(rig: TillRig, people: Array<{ name: string; role: string; pin: string }>): Promise<void> {
  const unlocked = (await rig.host.invoke('manager', 'manager:unlock', { pin: MANAGER_PIN })) as { value: { session: string } };
  for (const p of people) expect(await rig.host.invoke('manager', 'staff:add', { session: unlocked.value.session, ...p })).toMatchObject({ ok: true });
  await rig.host.invoke('manager', 'manager:lock', { session: unlocked.value.session });
}

async function signIn(cashier: Page, pin: string, name: string): Promise<void> {
  await cashier.getByTestId('signin-pin').fill(pin);
  await cashier.getByTestId('signin-submit').click();
  await expect.poll(() => cashier.getByTestId('operator-name').innerText(), { timeout: 10_000 }).toContain(name);
}

async function cashSale(cashier: Page, product: { name: string; priceCents: number }): Promise<number> {
  if (await cashier.getByTestId('new-sale').isVisible()) await cashier.getByTestId('new-sale').click();
  await cashier.getByTestId('product-result').filter({ hasText: product.name }).first().click();
  await expect.poll(() => cashier.getByTestId('sale-line').count()).toBe(1);
  await cashier.getByTestId('tender-cash').click();
  await cashier.getByTestId('cash-tendered').fill('20.00');
  await cashier.getByTestId('cash-confirm').click();
  await cashier.getByTestId('receipt').waitFor({ timeout: 15_000 });
  return inCash(taxed(product.priceCents));
}

function journalRows<T>(rig: TillRig, sql: string): T[] {
  const db = new Database(join(rig.dataDir, JOURNAL_FILE), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe.runIf(E2E_READY)('staff at the till', () => {
  it('two cashiers sign in and out on one till, each rings a sale, and the manager\'s totals name who took each', async () => {
    const rig = await tillForThisTest();
    await addStaff(rig, [{ name: 'Ann', role: 'cashier', pin: '2468' }, { name: 'Bob', role: 'cashier', pin: '3579' }]);
    const cashier = await rig.open('cashier', SCREEN, { signIn: false });
    // The screen starts at sign-in: nothing of the till shows, and a wrong PIN says so.
    await cashier.getByTestId('signin').waitFor();
    expect(await cashier.getByTestId('tender-cash').count()).toBe(0);
    await cashier.screenshot({ path: join(SCREENSHOT_DIR, 'staff-signin-en-CA.png') });
    await cashier.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => cashier.getByTestId('signin').innerText()).toContain('Entrez votre NIP');
    await cashier.screenshot({ path: join(SCREENSHOT_DIR, 'staff-signin-fr-CA.png') });
    await cashier.getByTestId('locale-select').selectOption('en-CA');
    await cashier.getByTestId('signin-pin').fill('0000');
    await cashier.getByTestId('signin-submit').click();
    await expect.poll(() => cashier.getByTestId('signin-error').innerText()).toContain('Wrong PIN');

    await signIn(cashier, '2468', 'Ann');
    const annCents = await cashSale(cashier, latte);
    await cashier.getByTestId('signout').click();
    await cashier.getByTestId('signin').waitFor();
    await signIn(cashier, '3579', 'Bob');
    const bobCents = await cashSale(cashier, muffin);

    const manager = await rig.open('manager', SCREEN);
    await manager.getByTestId('pin-input').fill(MANAGER_PIN);
    await manager.getByTestId('pin-submit').click();
    const row = (name: string) => manager.locator(`[data-testid="totals-cashier"][data-cashier="${name}"]`);
    await row('Ann').waitFor({ timeout: 10_000 });
    expect(await row('Ann').getByTestId('cashier-gross').innerText()).toBe(cad(annCents));
    expect(await row('Bob').getByTestId('cashier-gross').innerText()).toBe(cad(bobCents));
    expect(await manager.locator('[data-testid="totals-cashier"]').count()).toBe(2);
    // The journal keeps each sale and tender with the staff id of who was signed in.
    const staff = journalRows<{ id: string; name: string }>(rig, 'SELECT id, name FROM staff');
    const idOf = (name: string) => staff.find((s) => s.name === name)?.id;
    const sales = journalRows<{ cashier: string; tender_cashier: string }>(rig, `SELECT s.cashier, a.cashier AS tender_cashier FROM sales s JOIN attempts a ON a.sale_id = s.id WHERE a.state = 'succeeded' ORDER BY s.id`);
    expect(sales).toEqual([{ cashier: idOf('Ann'), tender_cashier: idOf('Ann') }, { cashier: idOf('Bob'), tender_cashier: idOf('Bob') }]);
  });

  it('a cashier cannot approve her own over-threshold discount; a manager can, and the journal names the manager', async () => {
    const rig = await tillForThisTest();
    await addStaff(rig, [{ name: 'Ann', role: 'cashier', pin: '2468' }]);
    const cashier = await rig.open('cashier', SCREEN, { signIn: false });
    await signIn(cashier, '2468', 'Ann');
    await cashier.getByTestId('product-result').filter({ hasText: latte.name }).first().click();
    await expect.poll(() => cashier.getByTestId('sale-line').count()).toBe(1);
    await cashier.getByTestId('line-discount-open').click();
    await cashier.getByTestId('discount-value').fill('50');
    await cashier.getByTestId('discount-apply').click();
    // Above the store's threshold (20%): a PIN is asked for. Ann's own is refused, and the prompt stays open.
    await cashier.getByTestId('approve-prompt').waitFor();
    await cashier.getByTestId('approve-pin').fill('2468');
    await cashier.getByTestId('approve-submit').click();
    await expect.poll(() => cashier.getByTestId('approve-error').innerText()).toContain('may not approve');
    expect(await cashier.getByTestId('line-discount').count()).toBe(0);
    await cashier.getByTestId('approve-pin').fill(MANAGER_PIN);
    await cashier.getByTestId('approve-submit').click();
    await cashier.getByTestId('line-discount').waitFor({ timeout: 10_000 });
    expect(await cashier.getByTestId('approve-prompt').count()).toBe(0);
    expect(journalRows<{ by: string }>(rig, 'SELECT line_discount_approved_by AS by FROM sale_lines')).toEqual([{ by: 'manager' }]);
  });

  it('the screen signs out by itself after the idle time the manager set, and a PIN signs the next person in', async () => {
    const rig = await tillForThisTest({ settings: { staff: { signOutAfterIdleMinutes: 2 } } });
    const cashier = await rig.open('cashier', SCREEN);
    // The page's timers on Playwright's controlled clock: time moves only when the test says (no sleeping).
    await cashier.clock.install();
    await cashier.reload();
    await expect.poll(() => cashier.getByTestId('operator-name').innerText(), { timeout: 10_000 }).toContain('Trainee');
    await cashier.clock.fastForward('01:50');
    await cashier.getByTestId('product-result').first().click(); // activity restarts the wait
    await expect.poll(() => cashier.getByTestId('sale-line').count()).toBe(1);
    await cashier.clock.fastForward('01:50');
    expect(await cashier.getByTestId('signin').count()).toBe(0);
    await cashier.clock.fastForward('00:20');
    await cashier.getByTestId('signin').waitFor({ timeout: 10_000 });
    expect(await rig.host.invoke('cashier', 'staff:current', {})).toMatchObject({ ok: true, value: { staff: null } });
    await signIn(cashier, '1111', 'Trainee');
    // The open sale is still there for whoever signs in next.
    await expect.poll(() => cashier.getByTestId('sale-line').count()).toBe(1);
  });

  it('a shift: the float counted by denomination, a pay-out, and the close shows expected, counted and the variance', async () => {
    const rig = await tillForThisTest();
    const cashier = await rig.open('cashier', SCREEN);
    await cashier.getByTestId('shift-button').click();
    await cashier.getByTestId('count-2000').fill('5');
    expect(await cashier.getByTestId('count-total').innerText()).toBe('$100.00');
    await cashier.getByTestId('shift-open').click();
    await expect.poll(() => cashier.getByTestId('shift-expected').innerText()).toBe('$100.00');
    await cashier.getByTestId('move-pay_out').click();
    await cashier.getByTestId('move-amount').fill('12');
    await cashier.getByTestId('move-reason').fill('milk for the coffee');
    await cashier.getByTestId('move-record').click();
    await expect.poll(() => cashier.getByTestId('shift-pay-outs').innerText()).toBe('$12.00');
    expect(await cashier.getByTestId('shift-expected').innerText()).toBe('$88.00');
    await cashier.getByTestId('shift-start-close').click();
    await cashier.getByTestId('count-2000').fill('4');
    await cashier.getByTestId('count-500').fill('1');
    await cashier.getByTestId('count-100').fill('2');
    expect(await cashier.getByTestId('count-total').innerText()).toBe('$87.00');
    await cashier.screenshot({ path: join(SCREENSHOT_DIR, 'staff-shift-count-en-CA.png') });
    await cashier.getByTestId('shift-close').click();
    await cashier.getByTestId('shift-closed').waitFor();
    expect([await cashier.getByTestId('shift-expected').innerText(), await cashier.getByTestId('shift-counted').innerText(), await cashier.getByTestId('shift-variance').innerText()]).toEqual(['$88.00', '$87.00', '-$1.00']);
    await cashier.screenshot({ path: join(SCREENSHOT_DIR, 'staff-shift-close-en-CA.png') });
    await cashier.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => cashier.getByTestId('shift-closed').innerText()).toBe('Quart fermé.');
    await cashier.screenshot({ path: join(SCREENSHOT_DIR, 'staff-shift-close-fr-CA.png') });
    expect(journalRows(rig, 'SELECT float_cents, counted_cents, expected_cents, variance_cents, status FROM shifts')).toEqual([{ float_cents: 10000, counted_cents: 8700, expected_cents: 8800, variance_cents: -100, status: 'closed' }]);
  });
});
