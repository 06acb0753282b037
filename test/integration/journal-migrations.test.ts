// Each migration migrates from the previous version with data present, and the data survives.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JournalVersionError } from '../../main/journal/errors.js';
import { migrate, userVersion, type Migration } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { countRows, journalFilePerTest } from '../support/migration-rig.js';

let db: Database.Database;
journalFilePerTest('journal-migrations-', (opened) => (db = opened));

const count = (table: string) => countRows(db, table);

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
  it('is numbered ascending from 10, without duplicates (each feature has its own range of numbers, so gaps are allowed)', () => {
    const versions = journalMigrations.map((m) => m.version);
    expect(versions[0]).toBe(10);
    expect(versions.every((v, i) => i === 0 || v > (versions[i - 1] ?? 0))).toBe(true);
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

describe('0080 (Z periods and seals), from 0070 with data present', () => {
  // Store day 2026-01-01 in UTC; Z 1 closed it at 20:00. One cash sale before the close, one after it (the defect:
  // it would have landed in no Z), one attempt still in flight.
  const day = Date.UTC(2026, 0, 1);
  const at = (h: number) => day + h * 3_600_000;

  function seed(): void {
    db.prepare(`INSERT INTO sales VALUES (1, 'T01', 'ann', 'paid', 'CAD', 500, ?, ?)`).run(at(10), at(11));
    db.prepare(`INSERT INTO sales VALUES (2, 'T01', 'ann', 'paid', 'CAD', 700, ?, ?)`).run(at(21), at(21));
    db.prepare(`INSERT INTO sales VALUES (3, 'T01', 'ann', 'open', 'CAD', 900, ?, NULL)`).run(at(22));
    const attempt = db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at)
      VALUES (?, ?, 'cash', 'CASH', ?, 'CAD', ?, ?, 'ann', ?, ?, ?)`);
    attempt.run(1, 1, 500, 'T01P2601011234000000001', 'succeeded', at(10), at(11), at(11));
    attempt.run(2, 2, 700, 'T01P2601011234000000002', 'succeeded', at(21), at(21), at(21));
    attempt.run(3, 3, 900, 'T01P2601011234000000003', 'unknown', at(22), at(22), null);
    db.prepare(`INSERT INTO events VALUES (1, ?, 'sale.created', 'sale', '1', '{}', ?, ?)`).run(at(10), '0'.repeat(64), 'a'.repeat(64));
    db.prepare(`INSERT INTO events VALUES (2, ?, 'sale.created', 'sale', '2', '{}', ?, ?)`).run(at(20), 'a'.repeat(64), 'b'.repeat(64));
    const totals = JSON.stringify({ totals: {}, chainHead: { seq: 1, hash: 'a'.repeat(64) } });
    db.prepare(`INSERT INTO day_closes VALUES (1, '2026-01-01', 'UTC', 'T01', ?, 'mgr', 'CAD', 500, 500, 0, ?)`).run(at(20), totals);
  }

  it('keeps every row, moves the seal out of totals_json, stamps periods, and lets a date close twice', () => {
    migrate(db, journalMigrations, { target: 70 });
    seed();
    expect(() => db.prepare(`INSERT INTO day_closes VALUES (2, '2026-01-01', 'UTC', 'T01', 1, 'mgr', 'CAD', 0, 0, 0, '{}')`).run()).toThrow(/UNIQUE/);
    expect(migrate(db, journalMigrations, { target: 80 })).toEqual([80]);
    expect([count('sales'), count('attempts'), count('events'), count('day_closes')]).toEqual([3, 3, 2, 1]);
    expect(db.prepare('SELECT z_number, event_count, head_hash, counted_cash_cents FROM day_closes').get()).toEqual({ z_number: 1, event_count: 1, head_hash: 'a'.repeat(64), counted_cash_cents: 500 });
    // Before Z 1's close on its day: period 1. After it: the open period 2, so the next Z counts it. In flight: none yet.
    expect(db.prepare('SELECT id, period FROM attempts ORDER BY id').all()).toEqual([{ id: 1, period: 1 }, { id: 2, period: 2 }, { id: 3, period: null }]);
    expect(db.prepare('SELECT id, period FROM sales ORDER BY id').all()).toEqual([{ id: 1, period: 1 }, { id: 2, period: 2 }, { id: 3, period: null }]);
    expect((db.prepare(`SELECT value FROM meta WHERE key = 'journal_id'`).get() as { value: string }).value).toMatch(/^[0-9a-f]{32}$/);
    db.prepare(`INSERT INTO day_closes VALUES (2, '2026-01-01', 'UTC', 'T01', 1, 'mgr', 'CAD', 0, 0, 0, '{}', 2, ?)`).run('b'.repeat(64));
    expect(() => db.prepare('UPDATE day_closes SET counted_cash_cents = 0').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM day_closes').run()).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE attempts SET period = 0').run()).toThrow(/CHECK/);
  });
});

describe('0090 (sales tax) and 0100 (cash rounding), each from the previous version with data present', () => {
  function seedSale(): void {
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 500, 1000, 2000)`).run();
    db.prepare(`INSERT INTO sale_lines (sale_id, line_no, sku, gtin, name, unit_price_cents, quantity, line_total_cents) VALUES (1, 1, 'SKU1', NULL, 'Tea', 250, 2, 500)`).run();
    db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at)
      VALUES (1, 1, 'cash', 'CASH', 500, 'CAD', 'T01P2601011234000000001', 'succeeded', 'ann', 1000, 1000, 1000)`).run();
    db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at)
      VALUES (2, 1, 'wallet_scan', 'WX_MICROPAY', 100, 'CAD', 'T01P2601011234000000002', 'failed', 'ann', 1000, 1000, 1000)`).run();
  }

  it('0090 keeps sales and lines: an old sale is untaxed, its subtotal its total, its lines standard', () => {
    migrate(db, journalMigrations, { target: 80 });
    seedSale();
    expect(migrate(db, journalMigrations, { target: 90 })).toEqual([90]);
    expect(db.prepare('SELECT total_cents, subtotal_cents, tax_province, tax_table, prices_include_tax FROM sales').get()).toEqual({ total_cents: 500, subtotal_cents: 500, tax_province: null, tax_table: null, prices_include_tax: 0 });
    expect(db.prepare('SELECT line_total_cents, tax_class FROM sale_lines').get()).toEqual({ line_total_cents: 500, tax_class: 'standard' });
    expect(count('sale_taxes')).toBe(0);
    db.prepare(`INSERT INTO sale_taxes (sale_id, position, code, rate_per_100k, classes, base_cents, amount_cents) VALUES (1, 1, 'QST', 9975, 'standard', 500, 50)`).run();
    expect(() => db.prepare(`INSERT INTO sale_taxes (sale_id, position, code, rate_per_100k, classes) VALUES (1, 2, 'VAT', 2000, 'standard')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO sale_taxes (sale_id, position, code, rate_per_100k, classes) VALUES (1, 3, 'GST', 100000, 'standard')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE sale_lines SET tax_class = 'luxury'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE sales SET tax_table = 'soon'`).run()).toThrow(/CHECK/);
  });

  it('0100 keeps attempts, none rounded; rounding is cash only and at most 2¢', () => {
    migrate(db, journalMigrations, { target: 90 });
    seedSale();
    expect(migrate(db, journalMigrations, { target: 100 })).toEqual([100]);
    expect(db.prepare('SELECT id, amount_cents, rounding_cents FROM attempts ORDER BY id').all()).toEqual([{ id: 1, amount_cents: 500, rounding_cents: 0 }, { id: 2, amount_cents: 100, rounding_cents: 0 }]);
    db.prepare('UPDATE attempts SET rounding_cents = -2 WHERE id = 1').run();
    expect(() => db.prepare('UPDATE attempts SET rounding_cents = 3 WHERE id = 1').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE attempts SET rounding_cents = 1 WHERE id = 2').run()).toThrow(/CHECK/);
  });
});

describe('0110 (register report indexes), from 0100 with data present', () => {
  it('adds the partial indexes the register totals scan, keeping every row', () => {
    migrate(db, journalMigrations, { target: 100 });
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 1050, 1000, 1000, 2000)`).run();
    db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at, rounding_cents)
      VALUES (1, 1, 'cash', 'CASH', 1050, 'CAD', 'T01P2601011234000000001', 'succeeded', 'ann', 1000, 1000, 1000, 0)`).run();
    expect(migrate(db, journalMigrations, { target: 110 })).toEqual([110]);
    expect([count('sales'), count('attempts')]).toEqual([1, 1]);
    const indexes = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('sales_paid_by_closed_at', 'attempts_rounded_by_day', 'attempts_rounded_by_period') ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(['attempts_rounded_by_day', 'attempts_rounded_by_period', 'sales_paid_by_closed_at']);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT currency, sum(rounding_cents) FROM attempts WHERE state = 'succeeded' AND rounding_cents <> 0 AND finalized_at >= 0 AND finalized_at < 1 GROUP BY currency`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan).toMatch(/COVERING INDEX attempts_rounded_by_day/);
  });
});

describe('0120 (discounts), from 0110 with data present', () => {
  it('keeps sales and lines, none discounted nor overridden; a discount never exceeds its line', () => {
    migrate(db, journalMigrations, { target: 110 });
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 565, 500, 1000, 2000)`).run();
    db.prepare(`INSERT INTO sale_lines (sale_id, line_no, sku, gtin, name, unit_price_cents, quantity, line_total_cents) VALUES (1, 1, 'SKU1', NULL, 'Tea', 250, 2, 500)`).run();
    expect(migrate(db, journalMigrations, { target: 120 })).toEqual([120]);
    expect(db.prepare('SELECT total_cents, subtotal_cents, discount_cents, sale_discount_kind, sale_discount_cents FROM sales').get()).toEqual({ total_cents: 565, subtotal_cents: 500, discount_cents: 0, sale_discount_kind: null, sale_discount_cents: 0 });
    expect(db.prepare('SELECT line_total_cents, discount_cents, line_discount_kind, line_discount_value, catalog_price_cents FROM sale_lines').get()).toEqual({ line_total_cents: 500, discount_cents: 0, line_discount_kind: null, line_discount_value: null, catalog_price_cents: null });
    db.prepare(`UPDATE sale_lines SET discount_cents = 50, line_discount_kind = 'pct', line_discount_value = 1000, line_discount_cents = 50`).run();
    expect(() => db.prepare('UPDATE sale_lines SET discount_cents = 501').run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE sale_lines SET line_discount_kind = 'pct', line_discount_value = 10001`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE sale_lines SET line_discount_kind = 'coupon'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sales SET sale_discount_cents = 10').run()).toThrow(/CHECK/); // more than the sale's discount_cents
    const indexes = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'sales_discounted_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(['sales_discounted_by_closed_at', 'sales_discounted_by_period']);
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
