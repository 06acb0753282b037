// Manager → Totals → Whole store, in real Chromium (docs/store.md): two terminals synced to a real PostgreSQL, one the
// composed app (its background sync running, configured through settings.json `store` + the passwords from the
// environment), the other a second data folder that pushed its own sales. The manager sees both terminals up to
// date, the store's net equal to the two journals' to the cent, and closes the store day: refused while T1 has no Z
// yet, closed with a manager's override reason; then a person added to the store's staff list signs in at T1's counter.
import { join } from 'node:path';
import { expect, test as it, describe, beforeAll, afterAll } from 'vitest';
import { openJournal } from '../../main/journal/database.js';
import { storeDayOf } from '../../main/journal/store-day.js';
import { dailyTotals } from '../../main/reports/daily-totals.js';
import { closeDay } from '../../main/reports/day-close.js';
import { startSandbox, type SandboxHandle } from '../../main/sandbox/index.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { openStorePool } from '../../main/store/store-connection.js';
import { pushOutbox } from '../../main/store/store-push.js';
import { addStoreStaff } from '../../main/store/store-staff.js';
import { hashPin, pinMatches } from '../../main/staff/pin-hash.js';
import { requirePostgres, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { walletScan } from '../support/sandbox-fixtures.js';
import { createStoreDb, openTerminal, STORE_ZONE, type StoreDb, type StoreTerminal } from '../support/store-terminals.js';
import { E2E_READY, latte, startSale } from './support/screen-helpers.js';
import { SCREENSHOT_DIR } from './support/e2e-rig.js';
import { tillForThisTest } from './support/till-rig.js';
import { addProduct, cad, MANAGER_PIN, payCash } from './support/truth-helpers.js';

const PG_READY = requirePostgres('the Whole store view reads a real PostgreSQL');
const SIZE = { width: 1024, height: 768 };

function withoutPassword(url: string): { url: string; password: string } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.href, password };
}

describe.skipIf(!E2E_READY || !PG_READY)('the Whole store view', () => {
  let cluster: PostgresCluster;
  let sandbox: SandboxHandle;
  let store: StoreDb;
  let t2: StoreTerminal;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    sandbox = await startSandbox({ passwordMs: 100 });
    store = await createStoreDb(cluster, ['T1', 'T2']);
    t2 = openTerminal('T2', sandbox);
  }, 60_000);
  afterAll(async () => {
    await t2?.close();
    await sandbox?.close();
    cluster?.destroy();
  });

  it('shows both terminals synced, the store totals to the cent, and closes the store day', async () => {
    const terminal = withoutPassword(store.urlOf('T1'));
    const manager = withoutPassword(store.managerUrl);
    // The passwords as a headless terminal keeps them: in its environment, never in settings.json.
    process.env.POS_STORE_PASSWORD = terminal.password;
    process.env.POS_STORE_MANAGER_PASSWORD = manager.password;
    const rig = await tillForThisTest({ settings: { terminalId: 'T1', storeTimeZone: STORE_ZONE, store: { url: terminal.url, managerUrl: manager.url } } });
    delete process.env.POS_STORE_PASSWORD;
    delete process.env.POS_STORE_MANAGER_PASSWORD;

    // T1 sells at its counter, through the screens; its background sync pushes it.
    const cashier = await rig.open('cashier', SIZE);
    await startSale(cashier);
    await addProduct(cashier, latte.name);
    await payCash(cashier, 2000);
    await cashier.getByTestId('receipt').waitFor({ timeout: 15_000 });
    // T2 sells at its own till and syncs.
    t2.till.addProduct('POUTINE', 2);
    t2.engine.payCash({ saleId: t2.till.currentSale(), cashier: 'bob', tenderedCents: 5000 });
    // And a discounted wallet sale, partly refunded: the store shows the discount and the tax refunded as T2 does.
    t2.till.addProduct('POUTINE', 1);
    t2.till.discountSale({ kind: 'amount', value: 150 }, { pin: '9999' });
    const paid = await t2.till.chargeScanned(walletScan('WX', '01'));
    expect(paid.state).toBe('succeeded');
    await t2.engine.refund({ attemptId: paid.id, amountCents: 250, reason: 'return', approvedBy: 'manager' });
    // T2 has done its own Z for the day (its drawer counted); T1 has not.
    const t2Day = storeDayOf(Date.now(), STORE_ZONE);
    const t2Cash = (t2.journal.db.prepare(`SELECT sum(amount_cents) AS c FROM attempts WHERE tender = 'cash' AND state = 'succeeded'`).get() as { c: number }).c;
    const t2Z = closeDay(t2.journal, { storeDay: t2Day, closedBy: 'bob', countedCashCents: t2Cash, cashCurrency: 'CAD' });
    expect(t2Z.differenceCents).toBe(0);
    const pool = openStorePool(store.urlOf('T2'), createLogger('e2e', silentSink), 1);
    expect(await pushOutbox(t2.journal, pool)).toMatchObject({ outcome: 'synced' });
    await pool.end();

    const t1 = openJournal({ file: join(rig.dataDir, 'journal.sqlite'), clock: systemClock, terminalId: 'T1', timeZone: STORE_ZONE, readOnly: true });
    const day = storeDayOf(Date.now(), STORE_ZONE);
    const net = [t1, t2.journal].reduce((n, j) => n + (dailyTotals(j, day, STORE_ZONE).byCurrency.find((c) => c.currency === 'CAD')?.netCents ?? 0), 0);
    const t1Register = dailyTotals(t1, day, STORE_ZONE).register[0];
    const t1Head = (t1.db.prepare('SELECT max(seq) AS s FROM events').get() as { s: number }).s;
    t1.close();
    const admin = await store.connect(store.managerUrl);
    try {
      await expect.poll(async () => Number((await admin.query(`SELECT head_seq FROM pos_store.terminals WHERE terminal_id = 'T1'`)).rows[0].head_seq), { timeout: 15_000 }).toBeGreaterThanOrEqual(t1Head);
    } finally {
      await admin.end();
    }

    const page = await rig.open('manager', SIZE);
    await page.getByTestId('pin-input').fill(MANAGER_PIN);
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('tab-totals').click();
    await page.getByTestId('totals-scope-store').click();
    await page.getByTestId('store-terminals').waitFor();
    const rows = page.getByTestId('store-terminal');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-terminal'), r.getAttribute('data-behind')]))).toEqual([['T1', '0'], ['T2', '0']]);
    expect(await page.getByTestId('store-net').innerText()).toBe(cad(net));
    // Taxes collected and refunded, net sales and discounts: the sums of the two terminals' register totals.
    const registers = [t1Register, dailyTotals(t2.journal, day, STORE_ZONE).register[0]];
    const add = (pick: (r: NonNullable<(typeof registers)[number]>) => number) => registers.reduce((n, r) => n + (r ? pick(r) : 0), 0);
    const hst = (r: NonNullable<(typeof registers)[number]>) => r.taxes.find((x) => x.code === 'HST');
    expect(add((r) => hst(r)?.refundedCents ?? 0)).toBeGreaterThan(0);
    expect(await page.getByTestId('store-taxes').innerText()).toBe(
      `Taxes collected: HST ${cad(add((r) => hst(r)?.collectedCents ?? 0))} (refunded −${cad(add((r) => hst(r)?.refundedCents ?? 0))}) · Net sales ${cad(add((r) => r.netSalesCents))} · Discounts −${cad(add((r) => r.discountCents))}`,
    );
    expect(await page.getByTestId('totals-terminal').count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'store-whole-store-1024.png') });

    // The store day close is refused while T1 has no Z yet; T2's Z is listed. A manager's reason closes it anyway.
    const problems = page.getByTestId('store-close-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allInnerTexts()).toEqual(['Terminal T1 has no Z for this day yet']);
    expect(await page.getByTestId('store-z').allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^T2\\s+Z ?#?${t2Z.zNumber}`))]);
    expect(await page.getByTestId('store-close-day').count()).toBe(0);
    await page.getByTestId('store-close-problems').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'store-close-no-z-1024.png') });
    // Meanwhile a manager adds Alice to the store's staff list (pos store staff add does this): T1's next sync brings her.
    const staffDb = await store.connect(store.managerUrl);
    try {
      await addStoreStaff(staffDb, { name: 'Alice', role: 'cashier', pinHash: hashPin('4821'), samePin: (h) => pinMatches('4821', h) });
    } finally {
      await staffDb.end();
    }
    await page.getByTestId('store-override-reason').fill('T1 prints its Z tomorrow');
    await page.getByTestId('store-close-anyway').click();
    await page.getByTestId('store-closed').waitFor();
    // The override is journaled on T1 (event store.close_overridden), and its background sync takes it to the store.
    const watch = await store.connect(store.managerUrl);
    try {
      await expect.poll(async () => Number((await watch.query(`SELECT count(*) AS n FROM pos_store.events WHERE terminal_id = 'T1' AND kind = 'store.close_overridden'`)).rows[0].n), { timeout: 15_000 }).toBe(1);
      // The same sync pulled the store's staff list and sent T1's staff.added event for Alice back to the store.
      await expect.poll(async () => Number((await watch.query(`SELECT count(*) AS n FROM pos_store.events WHERE terminal_id = 'T1' AND kind = 'staff.added' AND entity_id = 'st1'`)).rows[0].n), { timeout: 15_000 }).toBe(1);
    } finally {
      await watch.end();
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'store-closed-1024.png'), fullPage: true });

    // Settings → Store database: this terminal's state; the browser host has no OS secret store, so the form says so
    // and stays disabled (nothing is ever kept in plain text).
    await page.getByTestId('tab-settings').click();
    const form = page.getByTestId('store-connection');
    await form.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('store-connection-state').innerText()).toBe('This terminal: 0 events not yet in the store');
    expect(await page.getByTestId('store-connection-input').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'store-settings-1024.png') });

    // Alice, from the store's list, signs in at T1's counter with her PIN (from T1's own copy of the list).
    await cashier.getByTestId('signout').click();
    await cashier.getByTestId('signin-pin').fill('4821');
    await cashier.getByTestId('signin-submit').click();
    await expect.poll(() => cashier.getByTestId('operator-name').innerText()).toBe('Alice (Cashier)');
    await cashier.screenshot({ path: join(SCREENSHOT_DIR, 'store-staff-signed-in-1024.png') });
  }, 120_000);
});
