// Migration 0200 (the print queue and the drawer), from the version before it with data present
// (main/journal/README.md "Adding a migration"): every sale is kept, the queue and the drawer start empty, and the
// tables' checks refuse what the queue never writes.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { journalFilePerTest, versionBefore } from '../support/migration-rig.js';

let db: Database.Database;
journalFilePerTest('journal-migration-0200-', (opened) => (db = opened));

const previous = (): number => versionBefore(200);

describe('0200 (print queue), from the previous version with data present', () => {
  it('keeps every sale, starts an empty queue, and refuses states and kinds it does not know', () => {
    migrate(db, journalMigrations, { target: previous() });
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 1130, 1000, 1000, 2000)`).run();
    expect(migrate(db, journalMigrations, { target: 200 })).toEqual([200]);
    expect(userVersion(db)).toBe(200);
    expect(db.prepare('SELECT id, status, total_cents FROM sales').all()).toEqual([{ id: 1, status: 'paid', total_cents: 1130 }]);
    expect(db.prepare('SELECT count(*) FROM print_jobs').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM drawer_openings').pluck().get()).toBe(0);
    const insert = db.prepare(`INSERT INTO print_jobs (kind, sale_id, reprint, requested_by, created_at, state, updated_at) VALUES (?, 1, 0, 'ann', 1, ?, 1)`);
    insert.run('sale', 'queued');
    expect(() => insert.run('sale', 'lost')).toThrow(/CHECK/);
    expect(() => insert.run('coupon', 'queued')).toThrow(/CHECK/);
    expect(db.prepare(`SELECT id FROM print_jobs WHERE state = 'queued' ORDER BY id`).pluck().all()).toEqual([1]);
  });
});
