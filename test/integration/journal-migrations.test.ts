// Each migration migrates from the previous version with data present, and the data survives.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalVersionError } from '../../main/journal/errors.js';
import { migrate, userVersion, type Migration } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let db: Database.Database;

beforeEach(() => {
  dir = makeTempDir('journal-migrations-');
  db = new Database(join(dir.path, 'journal.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
});
afterEach(() => {
  db.close();
  dir.remove();
});

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function seedSales(): void {
  db.prepare(`INSERT INTO sales VALUES (1, 'T01', 'ann', 'paid', 'CAD', 500, 1000, 2000)`).run();
  db.prepare(`INSERT INTO sale_lines VALUES (1, 1, 'SKU1', NULL, 'Tea', 250, 2, 500)`).run();
}

function seedEvent(): void {
  db.prepare(`INSERT INTO events VALUES (1, 1000, 'sale.created', 'sale', '1', '{}', ?, ?)`).run('0'.repeat(64), 'a'.repeat(64));
}

function seedAttempt(): void {
  db.prepare(
    `INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier,
       created_at, updated_at, finalized_at)
     VALUES (1, 1, 'cash', 'CASH', 500, 'CAD', 'T01P2601011234000000001', 'succeeded', 'ann', 1000, 1000, 1000)`,
  ).run();
}

describe('migration list', () => {
  it('is numbered in tens, ascending, without gaps or duplicates', () => {
    expect(journalMigrations.map((m) => m.version)).toEqual(journalMigrations.map((_, i) => (i + 1) * 10));
  });

  it('makes every table STRICT', () => {
    migrate(db, journalMigrations);
    const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const t of tables) expect(t, t.name).toMatchObject({ strict: 1 });
  });
});

describe('each migration, from the previous version with data present', () => {
  it('0010 creates sales and lines on an empty file', () => {
    expect(migrate(db, journalMigrations, { target: 10 })).toEqual([10]);
    seedSales();
    expect(userVersion(db)).toBe(10);
    expect(() => db.prepare(`INSERT INTO sales VALUES (2, 'T01', 'ann', 'paid', 'CAD', 1.5, 1, 1)`).run()).toThrow();
  });

  it('0020 (events) keeps sales and lines', () => {
    migrate(db, journalMigrations, { target: 10 });
    seedSales();
    expect(migrate(db, journalMigrations, { target: 20 })).toEqual([20]);
    expect([count('sales'), count('sale_lines')]).toEqual([1, 1]);
    seedEvent();
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });

  it('0030 (attempts) keeps sales and events, and mints the fingerprint secret', () => {
    migrate(db, journalMigrations, { target: 20 });
    seedSales();
    seedEvent();
    expect(migrate(db, journalMigrations, { target: 30 })).toEqual([30]);
    expect([count('sales'), count('sale_lines'), count('events')]).toEqual([1, 1, 1]);
    const secret = db.prepare(`SELECT value FROM meta WHERE key = 'code_fingerprint_secret'`).get() as { value: string };
    expect(secret.value).toMatch(/^[0-9a-f]{64}$/);
    seedAttempt();
  });

  it('0040 (refunds) keeps attempts', () => {
    migrate(db, journalMigrations, { target: 30 });
    seedSales();
    seedAttempt();
    expect(migrate(db, journalMigrations, { target: 40 })).toEqual([40]);
    expect(db.prepare('SELECT mch_order_no FROM attempts').get()).toEqual({ mch_order_no: 'T01P2601011234000000001' });
    db.prepare(
      `INSERT INTO refunds (attempt_id, mch_refund_no, amount_cents, currency, reason, state, approved_by, created_at, updated_at)
       VALUES (1, 'T01R2601011234000000001', 100, 'CAD', 'damaged', 'created', 'mgr', 1, 1)`,
    ).run();
  });

  it('0050 (day closes) keeps everything before it', () => {
    migrate(db, journalMigrations, { target: 40 });
    seedSales();
    seedEvent();
    seedAttempt();
    expect(migrate(db, journalMigrations, { target: 50 })).toEqual([50]);
    expect([count('sales'), count('events'), count('attempts')]).toEqual([1, 1, 1]);
    db.prepare(
      `INSERT INTO day_closes VALUES (1, '2026-01-01', 'UTC', 'T01', 1, 'mgr', 'CAD', 500, 400, -100, '{}')`,
    ).run();
    expect(() => db.prepare('UPDATE day_closes SET counted_cash_cents = 500').run()).toThrow(/immutable/);
  });

  it('0060 (attempt attachment) keeps attempts, all counted toward their sale', () => {
    migrate(db, journalMigrations, { target: 50 });
    seedSales();
    seedAttempt();
    expect(migrate(db, journalMigrations, { target: 60 })).toEqual([60]);
    expect(db.prepare('SELECT mch_order_no, attached FROM attempts').get()).toEqual({ mch_order_no: 'T01P2601011234000000001', attached: 1 });
    expect(() => db.prepare('UPDATE attempts SET attached = 2').run()).toThrow(/CHECK/);
  });

  it('0070 (attempt release) keeps attempts, none released', () => {
    migrate(db, journalMigrations, { target: 60 });
    seedSales();
    seedAttempt();
    expect(migrate(db, journalMigrations, { target: 70 })).toEqual([70]);
    expect(db.prepare('SELECT mch_order_no, attached, released FROM attempts').get()).toEqual({ mch_order_no: 'T01P2601011234000000001', attached: 1, released: 0 });
    expect(() => db.prepare('UPDATE attempts SET released = 2').run()).toThrow(/CHECK/);
  });
});

describe('the runner', () => {
  it('rolls a failing migration back completely, version unchanged', () => {
    migrate(db, journalMigrations, { target: 10 });
    const broken: Migration = {
      version: 20,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [journalMigrations[0]!, broken])).toThrow('boom');
    expect(userVersion(db)).toBe(10);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'half_done'`).get()).toBeUndefined();
  });

  it('refuses a database from the future', () => {
    db.pragma('user_version = 990');
    expect(() => migrate(db, journalMigrations)).toThrow(JournalVersionError);
  });

  it('is a no-op when already current', () => {
    migrate(db, journalMigrations);
    expect(migrate(db, journalMigrations)).toEqual([]);
  });
});
