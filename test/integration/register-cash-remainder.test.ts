// The last 1¢ or 2¢ of a split, in cash (docs/register.md "Cash rounding"), on a real journal and the real sandbox:
// the sale is paid with a 0¢ cash attempt and a −1¢/−2¢ rounding line, the reports count the rounding, verify rebuilds
// it. Migration 0145 (the attempts table rebuilt so amount_cents may
// be 0 for such a remainder) from the version before it with data present, foreign keys kept.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { rebuildAndCompare } from '../../main/journal/rebuild.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { storeDayOf } from '../../main/journal/store-day.js';
import { dailyTotals } from '../../main/reports/daily-totals.js';
import { engineRig, type EngineRig } from '../support/engine-fixtures.js';
import { registerTill } from '../support/register-till.js';
import { walletScan } from '../support/sandbox-fixtures.js';
import { makeTempDir } from '../support/temp-dir.js';

let rig: EngineRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('the cash remainder of a split', () => {
  it('pays the sale; the day counts the −1¢ rounding; cash handed over is all change; verify rebuilds it', async () => {
    rig = await engineRig();
    const till = registerTill(rig, 'AB');
    till.addCustom('Gift', 1000); // $10.00 + GST 5% = $10.50
    const saleId = till.currentSale();
    await till.chargeScanned(walletScan('WX', '01'), 1049);
    expect(getSale(rig.journal, saleId).sale.status).toBe('open');
    expect(rig.engine.payCash({ saleId, cashier: 'alice', tenderedCents: 0 })).toMatchObject({ state: 'succeeded', amountCents: 0, roundingCents: -1, cashTenderedCents: 0, changeCents: 0 });
    expect(getSale(rig.journal, saleId).sale.status).toBe('paid');
    const day = dailyTotals(rig.journal, storeDayOf(Date.now(), 'America/Toronto'), 'America/Toronto');
    expect(day.register).toEqual([expect.objectContaining({ salesCount: 1, netSalesCents: 1000, taxCollectedCents: 50, roundingCents: -1 })]);
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);

    // Cash handed over for a remainder is all change: the drawer gets nothing, the rounding line is −2¢.
    till.newSale();
    till.addCustom('Gift', 1000);
    const second = till.currentSale();
    await till.chargeScanned(walletScan('WX', '01'), 1048);
    expect(rig.engine.payCash({ saleId: second, cashier: 'alice', tenderedCents: 500 })).toMatchObject({ amountCents: 0, cashTenderedCents: 500, changeCents: 500, roundingCents: -2 });
    expect(getSale(rig.journal, second).sale.status).toBe('paid');
    expect(rebuildAndCompare(rig.journal.db).differences).toEqual([]);
  });
});

describe('migration 0145 (cash remainder), from 0140 with data present', () => {
  it('keeps every attempt, refund and index; foreign keys still hold; 0¢ only for cash with a negative rounding', () => {
    const dir = makeTempDir('journal-migration-0145-');
    const db = new Database(join(dir.path, 'journal.sqlite'));
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, journalMigrations, { target: 140 });
      db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, subtotal_cents, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 1050, 1000, 1000, 2000)`).run();
      db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at, rounding_cents)
        VALUES (1, 1, 'wallet_scan', 'WX_MICROPAY', 1050, 'CAD', 'T01P2601011234000000001', 'succeeded', 'ann', 1000, 1000, 1000, 0)`).run();
      db.prepare(`INSERT INTO refunds (id, attempt_id, mch_refund_no, amount_cents, currency, reason, state, approved_by, created_at, updated_at)
        VALUES (1, 1, 'T01R2601011234000000001', 100, 'CAD', 'damaged', 'succeeded', 'mgr', 1500, 1500)`).run();
      const indexesBefore = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'attempts' ORDER BY name`).all();
      const columnsBefore = db.prepare(`SELECT name, type, "notnull", dflt_value FROM pragma_table_info('attempts')`).all();
      expect(migrate(db, journalMigrations, { target: 145 })).toEqual([145]);
      expect(userVersion(db)).toBe(145);
      expect(db.prepare('SELECT id, amount_cents, state FROM attempts').all()).toEqual([{ id: 1, amount_cents: 1050, state: 'succeeded' }]);
      expect(db.prepare('SELECT id, attempt_id, amount_cents FROM refunds').all()).toEqual([{ id: 1, attempt_id: 1, amount_cents: 100 }]);
      expect(db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'attempts' ORDER BY name`).all()).toEqual(indexesBefore);
      expect(db.prepare(`SELECT name, type, "notnull", dflt_value FROM pragma_table_info('attempts')`).all()).toEqual(columnsBefore);
      expect(db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'attempts'`).pluck().get()).toBe(1);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare(`SELECT count(*) FROM sqlite_temp_schema`).pluck().get()).toBe(0);
      // Foreign keys still hold both ways.
      expect(() => db.prepare(`INSERT INTO refunds (id, attempt_id, mch_refund_no, amount_cents, currency, reason, state, approved_by, created_at, updated_at)
        VALUES (2, 99, 'T01R2601011234000000002', 1, 'CAD', 'x', 'created', 'mgr', 1, 1)`).run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at)
        VALUES (9, 99, 'cash', 'CASH', 5, 'CAD', 'T01P2601011234000000009', 'created', 'ann', 1, 1)`).run()).toThrow(/FOREIGN KEY/);
      // 0¢: a cash remainder only.
      const insert = (id: number, tender: string, amount: number, rounding: number) => db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, rounding_cents)
        VALUES (?, 1, ?, 'CASH', ?, 'CAD', ?, 'succeeded', 'ann', 1, 1, ?)`).run(id, tender, amount, `T01P26010112340000000${10 + id}`, rounding);
      insert(2, 'cash', 0, -2);
      expect(() => insert(3, 'cash', 0, 0)).toThrow(/CHECK/);
      expect(() => insert(4, 'cash', 0, 2)).toThrow(/CHECK/);
      expect(() => insert(5, 'card', 0, 0)).toThrow(/CHECK/);
      expect(() => insert(6, 'cash', -5, 0)).toThrow(/CHECK/);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
