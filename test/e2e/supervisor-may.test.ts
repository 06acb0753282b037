// A supervisor's manager screen shows only what the door lets her call (docs/staff.md "The door"), read from the
// unlock answer's `may`: on Totals → Whole store she sees the store Z and what holds its close up, but neither
// "Close the store day" nor "Close anyway" (store:closeDay is a manager's); on Refunds, no "Without a receipt"
// (refund:noReceipt is a manager's). The terminal is synced to a real PostgreSQL so the store Z is there to show.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirePostgres, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { createStoreDb, STORE_ZONE, type StoreDb } from '../support/store-terminals.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { E2E_READY } from './support/screen-helpers.js';
import { tillForThisTest } from './support/till-rig.js';
import { MANAGER_PIN } from './support/truth-helpers.js';

const PG_READY = requirePostgres('the Whole store view reads a real PostgreSQL');
const SIZE = { width: 1024, height: 768 };
const SUPERVISOR_PIN = '4826';

function withoutPassword(url: string): { url: string; password: string } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.href, password };
}

describe.skipIf(!E2E_READY || !PG_READY)('a supervisor\'s manager screen', () => {
  let cluster: PostgresCluster;
  let store: StoreDb;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    store = await createStoreDb(cluster, ['T1']);
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it('offers neither the store day close nor returns without a receipt; the manager has both', async () => {
    const terminal = withoutPassword(store.urlOf('T1'));
    const manager = withoutPassword(store.managerUrl);
    process.env.POS_STORE_PASSWORD = terminal.password;
    process.env.POS_STORE_MANAGER_PASSWORD = manager.password;
    const rig = await tillForThisTest({ settings: { terminalId: 'T1', storeTimeZone: STORE_ZONE, store: { url: terminal.url, managerUrl: manager.url } } });
    delete process.env.POS_STORE_PASSWORD;
    delete process.env.POS_STORE_MANAGER_PASSWORD;
    const unlocked = (await rig.host.invoke('manager', 'manager:unlock', { pin: MANAGER_PIN })) as { value: { session: string } };
    expect(await rig.host.invoke('manager', 'staff:add', { session: unlocked.value.session, name: 'Sue', role: 'supervisor', pin: SUPERVISOR_PIN })).toMatchObject({ ok: true });
    await rig.host.invoke('manager', 'manager:lock', { session: unlocked.value.session });

    const page = await rig.open('manager', SIZE);
    const unlock = async (pin: string) => {
      await page.getByTestId('pin-input').fill(pin);
      await page.getByTestId('pin-submit').click();
      await page.getByTestId('tab-totals').waitFor({ timeout: 10_000 });
    };
    await unlock(SUPERVISOR_PIN);
    await page.getByTestId('tab-totals').click();
    await page.getByTestId('totals-scope-store').click();
    // The store Z and why it cannot close yet (T1 has no Z): shown; the controls that would close it: not.
    const problems = page.getByTestId('store-close-problems');
    await problems.waitFor({ timeout: 15_000 });
    expect(await problems.locator('li').allInnerTexts()).toEqual(['Terminal T1 has no Z for this day yet']);
    expect(await page.getByTestId('store-override-reason').count()).toBe(0);
    expect(await page.getByTestId('store-close-anyway').count()).toBe(0);
    expect(await page.getByTestId('store-close-day').count()).toBe(0);
    await problems.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'supervisor-store-close-1024.png') });

    await page.getByTestId('tab-refunds').click();
    await page.getByTestId('refund-search').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('return-mode-no-receipt').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'supervisor-refunds-1024.png') });
    expect(await page.getByTestId('error-toast').count()).toBe(0);

    // The manager, on the same screen, has both.
    await page.getByTestId('manager-lock').click();
    await unlock(MANAGER_PIN);
    await page.getByTestId('tab-totals').click();
    await page.getByTestId('totals-scope-store').click();
    await page.getByTestId('store-override-reason').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('store-close-anyway').count()).toBe(1);
    await page.getByTestId('tab-refunds').click();
    await page.getByTestId('return-mode-no-receipt').click();
    await page.getByTestId('no-receipt-code').waitFor({ timeout: 10_000 });
  }, 120_000);
});
