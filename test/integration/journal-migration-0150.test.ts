// Migration 0150 (tax rate overrides), from the version before it with data present (main/journal/README.md "Adding
// a migration"): every sale, line, tax rule and event is kept, no override exists; the table refuses what the
// journal never writes (an unknown tax, a rate out of range, a half-removed row), and the taxes read the partial index.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { journalFilePerTest, versionBefore } from '../support/migration-rig.js';

let db: Database.Database;
journalFilePerTest('journal-migration-0150-', (opened) => (db = opened));

const previous = (): number => versionBefore(150);
const insert = (values: string) => db.prepare(`INSERT INTO tax_rate_overrides (province, code, rate_per_100k, table_rate_per_100k, effective_from, reason, created_at, created_by, removed_at, removed_by, removal_reason) VALUES (${values})`).run();

describe('0150 (tax rate overrides), from the previous version with data present', () => {
  it('keeps every sale, line, tax rule and event; no override; the table checks its rows', () => {
    migrate(db, journalMigrations, { target: previous() });
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, tax_province, tax_table, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 1130, 1000, 'ON', '2025-04-01', 1000, 2000)`).run();
    db.prepare(`INSERT INTO sale_lines (sale_id, line_no, sku, gtin, name, unit_price_cents, quantity, line_total_cents) VALUES (1, 1, 'TEA', NULL, 'Tea', 500, 2, 1000)`).run();
    db.prepare(`INSERT INTO sale_taxes (sale_id, position, code, rate_per_100k, classes, base_cents, amount_cents) VALUES (1, 1, 'HST', 13000, 'standard', 1000, 130)`).run();
    db.prepare(`INSERT INTO events VALUES (1, 1000, 'sale.created', 'sale', '1', '{}', ?, ?)`).run('0'.repeat(64), 'a'.repeat(64));
    expect(migrate(db, journalMigrations, { target: 150 })).toEqual([150]);
    expect(userVersion(db)).toBe(150);
    expect(db.prepare('SELECT id, total_cents, tax_province, tax_table FROM sales').all()).toEqual([{ id: 1, total_cents: 1130, tax_province: 'ON', tax_table: '2025-04-01' }]);
    expect(db.prepare('SELECT code, rate_per_100k, amount_cents FROM sale_taxes').all()).toEqual([{ code: 'HST', rate_per_100k: 13000, amount_cents: 130 }]);
    expect([db.prepare('SELECT count(*) FROM sale_lines').pluck().get(), db.prepare('SELECT count(*) FROM events').pluck().get()]).toEqual([1, 1]);
    expect(db.prepare('SELECT count(*) FROM tax_rate_overrides').pluck().get()).toBe(0);

    insert(`'ON', 'HST', 15000, 13000, '2026-12-01', 'budget', 5000, 'mgr', NULL, NULL, NULL`);
    insert(`'ON', 'HST', 14000, 13000, '2026-12-02', 'budget', 6000, 'mgr', 7000, 'mgr', 'mistake'`);
    expect(() => insert(`'ON', 'VAT', 15000, 13000, '2026-12-01', 'x', 1, 'mgr', NULL, NULL, NULL`)).toThrow(/CHECK/);
    expect(() => insert(`'ON', 'HST', 0, 13000, '2026-12-01', 'x', 1, 'mgr', NULL, NULL, NULL`)).toThrow(/CHECK/);
    expect(() => insert(`'ON', 'HST', 25001, 13000, '2026-12-01', 'x', 1, 'mgr', NULL, NULL, NULL`)).toThrow(/CHECK/);
    expect(() => insert(`'ON', 'HST', 15000, 13000, '1 Dec 2026', 'x', 1, 'mgr', NULL, NULL, NULL`)).toThrow(/CHECK/);
    expect(() => insert(`'ON', 'HST', 15000, 13000, '2026-12-01', '', 1, 'mgr', NULL, NULL, NULL`)).toThrow(/CHECK/);
    expect(() => insert(`'ON', 'HST', 15000, 13000, '2026-12-01', 'x', 1, 'mgr', 9, NULL, NULL`)).toThrow(/CHECK/);
    expect(() => insert(`'ON', 'HST', 15000.5, 13000, '2026-12-01', 'x', 1, 'mgr', NULL, NULL, NULL`)).toThrow(/cannot store REAL value in INTEGER/);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM tax_rate_overrides WHERE removed_at IS NULL AND province = 'ON' ORDER BY id`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan).toMatch(/INDEX tax_rate_overrides_active/);
  });
});
