// Shifts on the manager's side, end to end in real Chromium at 1024x768 (docs/staff.md): a shift opened with a float
// on the cashier screen (the running total shown while counting, the expected never), a cash sale, a pay-in, closed
// with a variance beyond the threshold that a manager's PIN approves; the manager's Shifts tab lists it, and the Close
// day lists it on the Z, which prints by itself on the network printer (a TCP listener) with the shift's lines. A
// supervisor's manager screen offers none of the manager's controls. Screenshots in en-CA and fr-CA.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { startPrinterListener } from '../support/printer-listener.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY, latte, startSale } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, cad, expectNeverTechnical, inCash, MANAGER_PIN, payCash, taxed } from './support/truth-helpers.js';

const SIZE = { width: 1024, height: 768 };
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `shifts-${name}.png`) });
/** Screen text as the tests compare it: the typographic minus and no-break spaces as plain characters. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-').trim();

async function unlock(page: Page, pin: string): Promise<void> {
  await page.getByTestId('pin-input').fill(pin);
  await page.getByTestId('pin-submit').click();
  await page.getByTestId('tab-totals').waitFor({ timeout: 10_000 });
}

describe.runIf(E2E_READY)('shifts on the manager screen', () => {
  it('a shift with a float, a cash sale, a pay-in and an approved variance is listed on the Shifts tab and the Z, which prints by itself', async () => {
    const printer = await startPrinterListener();
    onTestFinished(() => printer.close());
    const rig = await tillForThisTest({ settings: { printer: { target: printer.url } } });
    const cashier = await rig.open('cashier', SIZE);

    // The float, counted by denomination: each row's amount and the running total as the cashier types.
    await cashier.getByTestId('shift-button').click();
    await cashier.getByTestId('count-2000').fill('4');
    expect(plain(await cashier.getByTestId('count-line-2000').innerText())).toBe('$80.00');
    expect(plain(await cashier.getByTestId('count-total').innerText())).toBe('$80.00');
    await cashier.getByTestId('count-1000').fill('2');
    expect(plain(await cashier.getByTestId('count-total').innerText())).toBe('$100.00');
    await cashier.getByTestId('shift-open').click();
    await expect.poll(() => cashier.getByTestId('shift-expected').innerText()).toBe('$100.00');
    // A pay-in of $5.00.
    await cashier.getByTestId('move-pay_in').click();
    await cashier.getByTestId('move-amount').fill('5');
    await cashier.getByTestId('move-reason').fill('change from the bank');
    await cashier.getByTestId('move-record').click();
    await expect.poll(() => cashier.getByTestId('shift-pay-ins').innerText()).toBe('$5.00');
    await cashier.getByTestId('shift-dismiss').click();

    // A cash sale.
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await payCash(cashier, 2000);
    await cashier.getByTestId('receipt').waitFor({ timeout: 15_000 });
    const saleCents = inCash(taxed(latte.priceCents));
    const expected = 10_000 + saleCents + 500;
    await printer.waitForJobs(2, 15_000); // the drawer's pulse and the receipt
    printer.clear();

    // The close, counted blind: the running total, never the expected.
    await cashier.getByTestId('shift-button').click();
    await cashier.getByTestId('shift-start-close').click();
    await cashier.getByTestId('count-2000').fill('4');
    await cashier.getByTestId('count-25').fill('6');
    expect(plain(await cashier.getByTestId('count-line-25').innerText())).toBe('$1.50');
    expect(plain(await cashier.getByTestId('count-total').innerText())).toBe('$81.50');
    expect(await cashier.getByTestId('shift-expected').count()).toBe(0);
    await shot(cashier, 'count-running-en-CA');
    const counted = 8150;
    const variance = counted - expected;
    expect(Math.abs(variance)).toBeGreaterThan(500);
    await cashier.getByTestId('shift-close').click();
    await cashier.getByTestId('shift-approve-pin').waitFor({ timeout: 10_000 });
    await cashier.getByTestId('shift-approve-pin').fill(MANAGER_PIN);
    await cashier.getByTestId('shift-close').click();
    await cashier.getByTestId('shift-closed').waitFor({ timeout: 10_000 });
    expect(plain(await cashier.getByTestId('shift-variance').innerText())).toBe(cad(variance));

    // The manager's Shifts tab: today's shift, by whom, expected, counted and the variance with who approved it.
    const manager = await rig.open('manager', SIZE);
    await unlock(manager, MANAGER_PIN);
    await manager.getByTestId('tab-shifts').click();
    const row = manager.getByTestId('today-shift');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-status')).toBe('closed');
    expect(await row.getByTestId('today-shift-opened-by').innerText()).toBe('Trainee');
    expect(plain(await row.getByTestId('today-shift-expected').innerText())).toBe(cad(expected));
    expect(plain(await row.getByTestId('today-shift-counted').innerText())).toBe(cad(counted));
    expect(plain(await row.getByTestId('today-shift-variance').innerText())).toBe(`${cad(variance)}\napproved by Manager`);
    await shot(manager, 'today-en-CA');
    await manager.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => manager.getByTestId('today-shifts').innerText()).toContain('Quarts du jour');
    await shot(manager, 'today-fr-CA');
    await manager.getByTestId('locale-select').selectOption('en-CA');

    // Close day: the Z lists the shift, and prints by itself with the shift's lines.
    await manager.getByTestId('tab-close').click();
    await manager.getByTestId('counted-cash').fill(String(counted / 100));
    await manager.getByTestId('close-day').click();
    await manager.getByTestId('close-day-confirm').click();
    const zShift = manager.getByTestId('z-shift');
    await zShift.waitFor({ timeout: 10_000 });
    expect((await zShift.locator('td').allInnerTexts()).map(plain)).toEqual(['Trainee', 'Trainee', cad(expected), cad(counted), `${cad(variance)} (Manager)`]);
    expect(await manager.getByTestId('z-printed-at-close').innerText()).toContain('REPRINT');
    await manager.getByTestId('z-shifts').scrollIntoViewIfNeeded();
    await shot(manager, 'close-day-en-CA');
    const [slip] = await printer.waitForJobs(1, 15_000);
    const lines = printedText(decodeEscPos(slip as Uint8Array)).map((l) => l.trim().replace(/ {2,}/g, '  '));
    expect(lines[0]).toBe('TRAINING - NOT A VALID RECEIPT');
    expect(lines).toContain('Z REPORT');
    expect(lines).not.toContain('*** REPRINT ***');
    expect(lines.some((l) => /^HST {2}\$\d+\.\d\d$/.test(l))).toBe(true);
    const at = lines.indexOf('SHIFTS');
    expect(lines.slice(at + 2, at + 7)).toEqual(['Closed by Trainee', `Expected  ${cad(expected)}`, `Counted  ${cad(counted)}`, `Variance  ${cad(variance)}`, 'Approved by Manager']);
    await manager.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => manager.getByTestId('z-shifts').innerText()).toContain('Ouvert par');
    await manager.getByTestId('z-shifts').scrollIntoViewIfNeeded();
    await shot(manager, 'close-day-fr-CA');
    await expectNeverTechnical(manager, 'manager');
  }, 120_000);

  it('a supervisor\'s manager screen offers none of the manager\'s controls, and nothing she opens is refused', async () => {
    const rig = await tillForThisTest();
    const unlocked = (await rig.host.invoke('manager', 'manager:unlock', { pin: MANAGER_PIN })) as { value: { session: string } };
    expect(await rig.host.invoke('manager', 'staff:add', { session: unlocked.value.session, name: 'Sue', role: 'supervisor', pin: '4826' })).toMatchObject({ ok: true });
    await rig.host.invoke('manager', 'manager:lock', { session: unlocked.value.session });

    const manager = await rig.open('manager', SIZE);
    await unlock(manager, '4826');
    const tabs = (await manager.locator('nav.tabs > [role="tab"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).sort();
    expect(tabs).toEqual(['tab-needs', 'tab-receipts', 'tab-refunds', 'tab-shifts', 'tab-system', 'tab-totals']);
    await manager.getByTestId('tab-system').click();
    await manager.getByTestId('journal-verify').waitFor();
    await manager.getByTestId('journal-verify').click();
    await expect.poll(() => manager.getByTestId('journal-result').getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
    // The manager-only parts of System (scanners and their setup, the gateway check) are not there.
    expect(await manager.getByTestId('scanners-refresh').count()).toBe(0);
    expect(await manager.getByTestId('gateway-check').count()).toBe(0);
    expect(await manager.locator('text=Scanners').count()).toBe(0);
    await shot(manager, 'supervisor-en-CA');
    await manager.getByTestId('tab-shifts').click();
    await manager.getByTestId('today-shifts').waitFor({ timeout: 10_000 });
    // Nothing she was shown was refused by the door.
    expect(await manager.getByTestId('error-toast').count()).toBe(0);
    await manager.getByTestId('tab-system').click();
    await manager.getByTestId('locale-select').selectOption('fr-CA');
    await expect.poll(() => manager.getByTestId('journal-verify').innerText()).not.toBe('Verify journal');
    await shot(manager, 'supervisor-fr-CA');
    expect(await manager.getByTestId('error-toast').count()).toBe(0);

    // The manager, on the same screen, has them all.
    await manager.getByTestId('manager-lock').click();
    await unlock(manager, MANAGER_PIN);
    for (const tab of ['tab-close', 'tab-settings', 'tab-staff', 'tab-shifts']) expect(await manager.getByTestId(tab).count()).toBe(1);
    await manager.getByTestId('tab-system').click();
    await manager.getByTestId('scanners-refresh').waitFor({ timeout: 10_000 });
  }, 120_000);
});
