// A manager's tax rate override through the one door of the composed app (docs/register.md "Rate overrides"): the
// override is journaled with who and why, sales opened after it are taxed at the new rate, a sale already open keeps
// the rules it opened with, an override from a later day waits for it, removal brings the table's rate back, a
// restart keeps it all, and `journal verify` rebuilds the overrides from their events (and names a tampered row).
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp } from '../../main/app/compose.js';
import type { HostApi, WindowRole } from '../../main/app/host-api.js';
import { verifyJournalFile } from '../../main/journal/verify-file.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { ManualTime } from '../support/manual-time.js';
import { makeTempDir } from '../support/temp-dir.js';

const PIN = '1234';
const DAY = 24 * 60 * 60_000;
const hosts: HostApi[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Answer<T> = { ok: boolean; value?: T; error?: { code: string; message: string } };
type Sale = { id: number; status: string; totalCents: number; taxes: Array<{ code: string; ratePer100k: number; amountCents: number }> };
type Rates = {
  province: string; today: string;
  taxes: Array<{ code: string; tableRatePer100k: number; ratePer100k: number }>;
  overrides: Array<{ id: number; code: string; ratePer100k: number; tableRatePer100k: number; effectiveFrom: string; reason: string; createdBy: string; removedBy: string | null; removalReason: string | null; status: string }>;
};

async function compose(dataDir: string, clock: ManualTime): Promise<HostApi> {
  const host = await composeApp({ dataDir, logger: createLogger('t', silentSink), clock });
  hosts.push(host);
  expect(((await host.invoke('cashier', 'staff:signIn', { pin: PIN })) as { ok: boolean }).ok).toBe(true);
  return host;
}
const call = async <T = Record<string, unknown>>(host: HostApi, role: WindowRole, channel: string, payload: unknown = {}) => (await host.invoke(role, channel, payload)) as Answer<T>;
const unlock = async (host: HostApi) => (await call<{ session: string }>(host, 'manager', 'manager:unlock', { pin: PIN })).value!.session;
const hstOf = (s: Sale) => s.taxes.find((t) => t.code === 'HST')?.ratePer100k;
const events = (file: string, kind: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT payload FROM events WHERE kind = ? ORDER BY seq').all(kind) as Array<{ payload: string }>).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  } finally {
    db.close();
  }
};

describe('tax rate overrides through the door', () => {
  it('override → the next sale is taxed at it, the open sale keeps its rules; a later day waits; removal; restart; verify', async () => {
    const dataDir = makeTempDir('tax-overrides-app-').path;
    dirs.push(dataDir);
    const journalFile = join(dataDir, 'journal.sqlite');
    // Noon in Toronto on 2026-12-01 (the store's zone).
    const clock = new ManualTime(Date.UTC(2026, 11, 1, 17, 0, 0));
    const host = await compose(dataDir, clock);

    // A sale opened before the override: a latte, $4.95 + HST 13% (64¢) = $5.59.
    const open = (await call<Sale>(host, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!;
    expect([open.totalCents, hstOf(open)]).toEqual([559, 13_000]);

    let session = await unlock(host);
    const before = (await call<Rates>(host, 'manager', 'tax:rates', { session })).value!;
    expect(before).toEqual({ province: 'ON', today: '2026-12-01', taxes: [{ code: 'HST', tableRatePer100k: 13_000, ratePer100k: 13_000 }, { code: 'GST', tableRatePer100k: 5_000, ratePer100k: 5_000 }], overrides: [] });

    // The cashier may not; a bad request is refused before anything is journaled.
    expect((await call(host, 'cashier', 'tax:override', { session, code: 'HST', ratePer100k: 15_000, reason: 'x' })).error?.code).toBe('NOT_ALLOWED');
    expect((await call(host, 'manager', 'tax:override', { session, code: 'PST', ratePer100k: 8_000, reason: 'no PST in Ontario' })).error?.code).toBe('TAX_OVERRIDE_INVALID');
    expect((await call(host, 'manager', 'tax:override', { session, code: 'HST', ratePer100k: 15_000, effectiveFrom: '2026-11-30', reason: 'yesterday' })).error?.code).toBe('TAX_OVERRIDE_INVALID');
    expect((await call(host, 'manager', 'tax:override', { session, code: 'HST', ratePer100k: 30_000, reason: 'too high' })).error?.code).toBe('INVALID_REQUEST');
    expect((await call(host, 'manager', 'tax:override', { session, code: 'HST', ratePer100k: 15_000, reason: '   ' })).error?.code).toBe('INVALID_REQUEST');
    expect((await call(host, 'manager', 'tax:override', { code: 'HST', ratePer100k: 15_000, reason: 'no session' })).ok).toBe(false);
    // A supervisor's session may open the manager screen, but not override a rate: that is a manager's (approval `settings`).
    expect((await call(host, 'manager', 'staff:add', { session, name: 'Sam', role: 'supervisor', pin: '4826' })).ok).toBe(true);
    const supervisor = (await call<{ session: string }>(host, 'manager', 'manager:unlock', { pin: '4826' })).value!.session;
    expect((await call(host, 'manager', 'tax:override', { session: supervisor, code: 'HST', ratePer100k: 15_000, reason: 'not mine to do' })).error?.code).toBe('STAFF_ROLE_TOO_LOW');
    expect(events(journalFile, 'tax.override.set')).toEqual([]);

    // HST 15% from today (the default day).
    const set = await call<Rates>(host, 'manager', 'tax:override', { session, code: 'HST', ratePer100k: 15_000, reason: 'Provincial budget: HST up' });
    expect(set.ok).toBe(true);
    expect(set.value!.taxes[0]).toEqual({ code: 'HST', tableRatePer100k: 13_000, ratePer100k: 15_000 });
    expect(set.value!.overrides).toEqual([expect.objectContaining({ code: 'HST', ratePer100k: 15_000, tableRatePer100k: 13_000, effectiveFrom: '2026-12-01', reason: 'Provincial budget: HST up', status: 'in-force', removedBy: null })]);
    const [journaled] = events(journalFile, 'tax.override.set');
    expect(journaled).toMatchObject({ province: 'ON', code: 'HST', ratePer100k: 15_000, effectiveFrom: '2026-12-01', reason: 'Provincial budget: HST up', approval: 'settings', removedAt: null });
    expect(typeof journaled!.createdBy).toBe('string');

    // The sale already open keeps 13%, even as it changes; it is paid at that.
    const grown = (await call<Sale>(host, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!;
    expect([grown.id, grown.totalCents, hstOf(grown)]).toEqual([open.id, 1119, 13_000]); // $9.90 + 128.7 → $1.29
    expect((await call(host, 'cashier', 'payment:payCash', { tenderedCents: 2000 })).value).toMatchObject({ state: 'succeeded' });

    // The next sale: HST 15% on a latte, 74.25 → 74¢, $5.69.
    const next = (await call<Sale>(host, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!;
    expect(next.id).not.toBe(open.id);
    expect([next.totalCents, hstOf(next), next.taxes.map((t) => t.code)]).toEqual([569, 15_000, ['HST']]);
    expect((await call(host, 'cashier', 'payment:payCash', { tenderedCents: 1000 })).value).toMatchObject({ state: 'succeeded' });

    // HST 14% from tomorrow: scheduled, today stays at 15%.
    const later = (await call<Rates>(host, 'manager', 'tax:override', { session, code: 'HST', ratePer100k: 14_000, effectiveFrom: '2026-12-02', reason: 'Corrected rate' })).value!;
    expect(later.overrides.map((o) => [o.ratePer100k, o.status])).toEqual([[14_000, 'scheduled'], [15_000, 'in-force']]);
    expect(hstOf((await call<Sale>(host, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!)).toBe(15_000);
    expect((await call(host, 'cashier', 'payment:payCash', { tenderedCents: 1000 })).value).toMatchObject({ state: 'succeeded' });

    // A restart, then the next day: the later override is in force, the first replaced.
    await host.close();
    hosts.splice(hosts.indexOf(host), 1);
    clock.jump(DAY);
    const again = await compose(dataDir, clock);
    session = await unlock(again);
    const tomorrow = (await call<Rates>(again, 'manager', 'tax:rates', { session })).value!;
    expect([tomorrow.today, tomorrow.taxes[0]!.ratePer100k, tomorrow.overrides.map((o) => o.status)]).toEqual(['2026-12-02', 14_000, ['in-force', 'superseded']]);
    const day2 = (await call<Sale>(again, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!;
    expect([hstOf(day2), day2.totalCents]).toEqual([14_000, 564]); // 69.3 → 69¢

    // Removing the 14% brings back the 15% (still in force); removing that brings back the table's 13%. That sale stays at 14%.
    const [id14, id15] = tomorrow.overrides.map((o) => o.id);
    expect((await call(again, 'manager', 'tax:removeOverride', { session, id: id14, reason: '' })).error?.code).toBe('INVALID_REQUEST');
    const removed = (await call<Rates>(again, 'manager', 'tax:removeOverride', { session, id: id14, reason: 'Entered by mistake' })).value!;
    expect([removed.taxes[0]!.ratePer100k, removed.overrides.map((o) => o.status)]).toEqual([15_000, ['removed', 'in-force']]);
    expect(removed.overrides[0]).toMatchObject({ removalReason: 'Entered by mistake' });
    expect((await call(again, 'manager', 'tax:removeOverride', { session, id: id14, reason: 'again' })).error?.code).toBe('TAX_OVERRIDE_NOT_FOUND');
    expect((await call(again, 'manager', 'tax:removeOverride', { session, id: 999, reason: 'none' })).error?.code).toBe('TAX_OVERRIDE_NOT_FOUND');
    expect((await call<Rates>(again, 'manager', 'tax:removeOverride', { session, id: id15, reason: 'Back to the table' })).value!.taxes[0]).toEqual({ code: 'HST', tableRatePer100k: 13_000, ratePer100k: 13_000 });
    expect(hstOf((await call<Sale>(again, 'cashier', 'sale:current')).value!)).toBe(14_000);
    expect((await call(again, 'cashier', 'payment:payCash', { tenderedCents: 1000 })).value).toMatchObject({ state: 'succeeded' });
    expect(hstOf((await call<Sale>(again, 'cashier', 'sale:addItem', { sku: 'LATTE', quantity: 1 })).value!)).toBe(13_000);
    expect(events(journalFile, 'tax.override.removed').map((e) => [e.id, e.removalReason, e.approval])).toEqual([[id14, 'Entered by mistake', 'settings'], [id15, 'Back to the table', 'settings']]);

    // Verify rebuilds the overrides from their events: clean, through the door and on the file.
    expect((await call(again, 'manager', 'journal:verify', { session })).value).toMatchObject({ ok: true, differenceCount: 0 });
    await again.close();
    hosts.splice(hosts.indexOf(again), 1);
    expect(verifyJournalFile(journalFile)).toMatchObject({ ok: true, differences: [] });

    // A row edited behind the journal's back is named.
    const copy = join(dataDir, 'tampered.sqlite');
    copyFileSync(journalFile, copy);
    const db = new Database(copy);
    db.prepare('UPDATE tax_rate_overrides SET rate_per_100k = 20000 WHERE id = ?').run(id15);
    db.prepare(`INSERT INTO tax_rate_overrides (province, code, rate_per_100k, table_rate_per_100k, effective_from, reason, created_at, created_by) VALUES ('ON', 'GST', 1, 5000, '2026-12-02', 'sneaky', 1, 'nobody')`).run();
    db.close();
    const verdict = verifyJournalFile(copy);
    expect(verdict.ok).toBe(false);
    expect(verdict.differences.filter((d) => d.table === 'tax_rate_overrides').map((d) => [d.key, d.column, d.problem])).toEqual([[String(id15), 'rate_per_100k', 'changed'], ['3', null, 'not-in-events']]);
  });
});
