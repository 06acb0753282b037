// Migration 0300 (staff and shifts), from the version before it with data present (docs/staff.md): sales,
// attempts and events stay; the new tables start empty and keep their rules.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { hashPin } from '../../main/staff/pin-hash.js';
import { countRows, journalFilePerTest, versionBefore } from '../support/migration-rig.js';

let db: Database.Database;
journalFilePerTest('journal-migration-0300-', (opened) => (db = opened));

const count = (table: string) => countRows(db, table);
const previous = versionBefore(300);

describe('0300 (staff and shifts), from the version before with data present', () => {
  it('keeps sales, attempts and events; staff and shifts start empty and keep their rules', () => {
    migrate(db, journalMigrations, { target: previous });
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, created_at, closed_at) VALUES (1, 'T01', 'cashier', 'paid', 'CAD', 1050, 1000, 1000, 2000)`).run();
    db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at, rounding_cents)
      VALUES (1, 1, 'cash', 'CASH', 1050, 'CAD', 'T01P2601011234000000001', 'succeeded', 'cashier', 1000, 1000, 1000, 0)`).run();
    db.prepare(`INSERT INTO events VALUES (1, 1000, 'sale.created', 'sale', '1', '{}', ?, ?)`).run('0'.repeat(64), 'a'.repeat(64));
    expect(migrate(db, journalMigrations, { target: 300 })).toEqual([300]);
    expect([count('sales'), count('attempts'), count('events'), count('staff'), count('shifts'), count('cash_movements')]).toEqual([1, 1, 1, 0, 0, 0]);
    // Old sales keep who rang them up ('cashier', from before sign-in): the reports show that as the name.
    expect(db.prepare('SELECT cashier FROM sales').get()).toEqual({ cashier: 'cashier' });

    const addStaff = db.prepare(`INSERT INTO staff (id, name, role, pin_hash, active, must_change_pin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 1, 1)`);
    addStaff.run('s1', 'Ann', 'cashier', hashPin('1111'), 1);
    expect(() => addStaff.run('s2', 'ann', 'cashier', hashPin('2222'), 1)).toThrow(/UNIQUE/);
    addStaff.run('s3', 'ann', 'cashier', hashPin('3333'), 0); // a disabled Ann may share the name
    expect(() => addStaff.run('s4', 'Bob', 'owner', hashPin('4444'), 1)).toThrow(/CHECK/);
    expect(() => addStaff.run('s5', 'Cy', 'cashier', '4444', 1)).toThrow(/CHECK/);

    const open = db.prepare(`INSERT INTO shifts (status, currency, opened_by, opened_at, float_cents, float_counts) VALUES ('open', 'CAD', 's1', 1, 10000, '{}')`);
    open.run();
    expect(() => open.run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO cash_movements (shift_id, kind, amount_cents, reason, staff_id, created_at) VALUES (1, 'pay_out', 0, 'milk', 's1', 2)`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO cash_movements (shift_id, kind, amount_cents, reason, staff_id, created_at) VALUES (9, 'pay_out', 100, 'milk', 's1', 2)`).run()).toThrow(/FOREIGN KEY/);
  });
});
