// Migration 0140 (held sales), from the version before it with data present (main/journal/README.md "Adding a
// migration"): every sale is kept, none parked; parked_by is a name or nothing; the list of parked sales reads the
// partial index.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { journalFilePerTest, versionBefore } from '../support/migration-rig.js';

let db: Database.Database;
journalFilePerTest('journal-migration-0140-', (opened) => (db = opened));

const previous = (): number => versionBefore(140);

describe('0140 (held sales), from the previous version with data present', () => {
  it('keeps every sale and line, none parked; parks and lists through the index', () => {
    migrate(db, journalMigrations, { target: previous() });
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 1130, 1000, 1000, 2000)`).run();
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, created_at) VALUES (2, 'T01', 'bo', 'open', 'CAD', 565, 500, 3000)`).run();
    db.prepare(`INSERT INTO sale_lines (sale_id, line_no, sku, gtin, name, unit_price_cents, quantity, line_total_cents) VALUES (2, 1, 'TEA', NULL, 'Tea', 250, 2, 500)`).run();
    expect(migrate(db, journalMigrations, { target: 140 })).toEqual([140]);
    expect(userVersion(db)).toBe(140);
    expect(db.prepare('SELECT id, status, total_cents, parked_at, parked_by FROM sales ORDER BY id').all()).toEqual([
      { id: 1, status: 'paid', total_cents: 1130, parked_at: null, parked_by: null },
      { id: 2, status: 'open', total_cents: 565, parked_at: null, parked_by: null },
    ]);
    expect(db.prepare('SELECT count(*) FROM sale_lines').pluck().get()).toBe(1);
    db.prepare(`UPDATE sales SET parked_at = 4000, parked_by = 'bo' WHERE id = 2`).run();
    expect(() => db.prepare(`UPDATE sales SET parked_by = '' WHERE id = 2`).run()).toThrow(/CHECK/);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM sales WHERE parked_at IS NOT NULL AND status = 'open' ORDER BY parked_at`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan).toMatch(/INDEX sales_parked/);
  });
});
