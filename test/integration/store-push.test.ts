// The store push against a real PostgreSQL (docs/store.md): init creates schema, roles and policies; a terminal's
// events and rows arrive once, in order, with their chain checked; PostgreSQL itself refuses a terminal that writes
// another terminal's rows or reads the managers' views; a tampered or restored journal is quarantined, not merged.
import Database from 'better-sqlite3';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../main/journal/database.js';
import { dailyTotals } from '../../main/reports/daily-totals.js';
import { systemClock } from '../../main/shared/clock.js';
import { storeDayOf } from '../../main/journal/store-day.js';
import { outboxState } from '../../main/journal/store-outbox.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { openStorePool } from '../../main/store/store-connection.js';
import { closeStoreDay } from '../../main/store/store-close.js';
import { pushOutbox } from '../../main/store/store-push.js';
import { storeTotals } from '../../main/store/store-report.js';
import { storeEventCounts, verifyStoreChains } from '../../main/store/store-verify.js';
import { requirePostgres } from '../support/postgres-cluster.js';
import { walletScan } from '../support/sandbox-fixtures.js';
import { createStoreDb, openTerminal, STORE_ZONE, useStoreRig, type StoreTerminal } from '../support/store-terminals.js';

const available = requirePostgres('the store tests run against a real PostgreSQL');
const logger = createLogger('store-test', silentSink);

async function sell(t: StoreTerminal, kind: 'cash' | 'scan'): Promise<void> {
  t.till.addProduct('POUTINE', 2);
  t.till.addProduct('BOOK', 1);
  const saleId = t.till.currentSale();
  if (kind === 'cash') t.engine.payCash({ saleId, cashier: 'ann', tenderedCents: 10_000 });
  else await t.till.chargeScanned(walletScan('WX', '01'));
}

async function push(t: StoreTerminal, url: string) {
  const pool = openStorePool(url, logger);
  try {
    return await pushOutbox(t.journal, pool, { batchSize: 7 });
  } finally {
    await pool.end();
  }
}

describe.skipIf(!available)('the store on PostgreSQL', () => {
  const rig = useStoreRig(['T1', 'T2', 'T3']);

  it('init prints one connection string per terminal and one for managers, each its own role', () => {
    expect(rig.store.init.applied).toEqual([10, 20, 30, 40]);
    expect(rig.store.init.terminals.map((t) => t.role)).toEqual([`${rig.store.database}_t_t1`, `${rig.store.database}_t_t2`, `${rig.store.database}_t_t3`]);
    for (const t of rig.store.init.terminals) expect(new URL(t.url).password.length).toBeGreaterThan(10);
    expect(new URL(rig.store.managerUrl).username).toBe(`${rig.store.database}_manager`);
  });

  it('pushes events and rows once, resumes from the store after a lost acknowledgement, and the totals match', async () => {
    const t1 = openTerminal('T1', rig.sandbox);
    rig.terminals.push(t1);
    await sell(t1, 'cash');
    await sell(t1, 'scan');
    const first = await push(t1, rig.store.urlOf('T1'));
    expect(first.outcome).toBe('synced');
    const head = outboxState(t1.journal).headSeq;
    expect(outboxState(t1.journal).ackedSeq).toBe(head);
    // Forget the acknowledgement, as a kill between COMMIT and the journal write would: nothing is sent twice.
    t1.journal.write(() => t1.journal.db.prepare(`UPDATE store_outbox SET acked_seq = 0, acked_hash = '${'0'.repeat(64)}'`).run());
    await sell(t1, 'cash');
    const second = await push(t1, rig.store.urlOf('T1'));
    expect(second).toMatchObject({ outcome: 'synced', pushed: outboxState(t1.journal).headSeq - head });
    const manager = await rig.store.connect(rig.store.managerUrl);
    try {
      const counts = await storeEventCounts(manager);
      expect(counts.get('T1')).toEqual({ count: outboxState(t1.journal).headSeq, maxSeq: outboxState(t1.journal).headSeq });
      expect((await verifyStoreChains(manager)).find((v) => v.terminalId === 'T1')).toMatchObject({ ok: true });
      const day = storeDayOf(Date.now(), STORE_ZONE);
      const local = dailyTotals(t1.journal, day, STORE_ZONE);
      const remote = await storeTotals(manager, day);
      expect(remote.byCurrency.map((c) => [c.currency, c.netCents, c.paymentCount])).toEqual(local.byCurrency.map((c) => [c.currency, c.netCents, c.paymentCount]));
      expect(remote.taxes.map((x) => [x.code, x.collectedCents])).toEqual(local.register[0]?.taxes.map((x) => [x.code, x.collectedCents]));
      expect(remote.terminals.find((t) => t.terminalId === 'T1')).toMatchObject({ behind: 0, storeSeq: outboxState(t1.journal).headSeq });
    } finally {
      await manager.end();
    }
  });

  it('carries discounts and the refunded-tax split into the store totals exactly as the terminal\'s register totals', async () => {
    const t1 = rig.terminals.find((t) => t.id === 'T1') as StoreTerminal;
    // A discounted sale paid by wallet, then two partial refunds of it (odd cents, so the split has remainders).
    t1.till.addProduct('POUTINE', 3);
    t1.till.addProduct('BOOK', 1);
    t1.till.discountSale({ kind: 'pct', value: 1250 }, { pin: '9999' });
    const saleId = t1.till.currentSale();
    const paid = await t1.till.chargeScanned(walletScan('ALIPAY', '01'));
    expect(paid.state).toBe('succeeded');
    await t1.engine.refund({ attemptId: paid.id, amountCents: 333, reason: 'return', approvedBy: 'manager' });
    await t1.engine.refund({ attemptId: paid.id, amountCents: 101, reason: 'return', approvedBy: 'manager' });
    // And the book returned with its receipt: a refund that carries the returned line's exact tax (GST only, in Ontario).
    await t1.engine.returnLines({ saleId, lines: [{ lineNo: 2, quantity: 1 }], reason: 'wrong book', approvedBy: 'manager' });
    const exact = t1.journal.db.prepare('SELECT count(*) AS n FROM refund_taxes').get() as { n: number };
    expect(exact.n).toBeGreaterThan(0);
    expect((await push(t1, rig.store.urlOf('T1'))).outcome).toBe('synced');
    const day = storeDayOf(Date.now(), STORE_ZONE);
    const local = dailyTotals(t1.journal, day, STORE_ZONE).register[0];
    expect(local?.discountCents).toBeGreaterThan(0);
    expect(local?.taxRefundedCents).toBeGreaterThan(0);
    const manager = await rig.store.connect(rig.store.managerUrl);
    try {
      const remote = await storeTotals(manager, day);
      expect(remote.sales).toEqual([{
        currency: 'CAD', salesCount: local?.salesCount, netSalesCents: local?.netSalesCents, roundingCents: local?.roundingCents,
        discountCents: local?.discountCents, refundedNetCents: local?.refundedNetCents, taxRefundedCents: local?.taxRefundedCents,
      }]);
      expect(remote.taxes.map((x) => [x.code, x.collectedCents, x.refundedCents])).toEqual(local?.taxes.map((x) => [x.code, x.collectedCents, x.refundedCents]));
      // The split adds up to the refunds, to the cent.
      const refunded = (t1.journal.db.prepare(`SELECT sum(amount_cents) AS c FROM refunds WHERE attempt_id = ? AND state = 'succeeded'`).get(paid.id) as { c: number }).c;
      expect(refunded).toBeGreaterThan(434);
      expect((local?.refundedNetCents ?? 0) + (local?.taxRefundedCents ?? 0)).toBe(refunded);
    } finally {
      await manager.end();
    }
  });

  it('refuses, in PostgreSQL itself, a terminal writing another terminal\'s rows or reading the managers\' views', async () => {
    const t2 = await rig.store.connect(rig.store.urlOf('T2'));
    try {
      await expect(t2.query(`INSERT INTO pos_store.sales (terminal_id, id, cashier, status, currency, subtotal_cents, total_cents, created_at) VALUES ('T1', 999, 'x', 'paid', 'CAD', 1, 1, 1)`))
        .rejects.toMatchObject({ code: '42501', message: expect.stringContaining('row-level security') });
      await expect(t2.query(`INSERT INTO pos_store.events (terminal_id, seq, at, kind, entity, entity_id, payload, prev_hash, hash) VALUES ('T1', 999, 1, 'x', 'sale', '1', '{}', '${'0'.repeat(64)}', '${'1'.repeat(64)}')`))
        .rejects.toMatchObject({ code: '42501' });
      await expect(t2.query('SELECT * FROM pos_store.terminal_status')).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('permission denied') });
      await expect(t2.query('SELECT * FROM pos_store.needs_action')).rejects.toMatchObject({ code: '42501' });
      await expect(t2.query(`UPDATE pos_store.events SET kind = 'x'`)).rejects.toMatchObject({ code: '42501' });
      await expect(t2.query(`SELECT pos_store.quarantine('not me')`)).resolves.toBeDefined();
      // Another terminal's rows are simply not there for it.
      expect((await t2.query(`SELECT count(*) AS n FROM pos_store.events`)).rows[0].n).toBe('0');
      expect((await t2.query(`SELECT count(*) AS n FROM pos_store.sales WHERE terminal_id = 'T1'`)).rows[0].n).toBe('0');
      expect((await t2.query(`SELECT terminal_id FROM pos_store.terminals`)).rows).toEqual([{ terminal_id: 'T2' }]);
    } finally {
      await t2.end();
    }
    const manager = await rig.store.connect(rig.store.managerUrl);
    try {
      await expect(manager.query(`INSERT INTO pos_store.sales (terminal_id, id, cashier, status, currency, subtotal_cents, total_cents, created_at) VALUES ('T1', 998, 'x', 'paid', 'CAD', 1, 1, 1)`))
        .rejects.toMatchObject({ code: '42501' });
      // The quarantine T2 flagged for itself above is visible to managers.
      const rows = (await manager.query(`SELECT terminal_id, quarantine_reason FROM pos_store.terminal_status WHERE quarantined_at IS NOT NULL`)).rows;
      expect(rows).toEqual([{ terminal_id: 'T2', quarantine_reason: 'not me' }]);
    } finally {
      await manager.end();
    }
  });

  it('quarantines a terminal whose journal was edited, with a clear message, and merges nothing more of it', async () => {
    const t3 = openTerminal('T3', rig.sandbox);
    rig.terminals.push(t3);
    await sell(t3, 'cash');
    expect((await push(t3, rig.store.urlOf('T3'))).outcome).toBe('synced');
    const synced = outboxState(t3.journal).headSeq;
    await sell(t3, 'cash');
    // Edit an event the store has not seen yet, behind the app's back (triggers dropped, as a person with a SQLite tool would).
    const raw = new Database(join(t3.dataDir, 'journal.sqlite'));
    raw.exec('DROP TRIGGER events_no_update');
    raw.prepare(`UPDATE events SET payload = replace(payload, 'Poutine', 'Poutinx') WHERE seq = (SELECT max(seq) FROM events WHERE kind = 'sale.line_added' AND payload LIKE '%Poutine%')`).run();
    raw.close();
    const result = await push(t3, rig.store.urlOf('T3'));
    expect(result.outcome).toBe('quarantined');
    if (result.outcome !== 'quarantined') return;
    expect(result.reason).toMatch(/event \d+ of terminal T3's journal does not match its own hash: the journal file was edited/);
    expect(outboxState(t3.journal).quarantineReason).toBe(result.reason);
    // Later pushes stay refused, and PostgreSQL refuses its events even if someone tried by hand.
    expect((await push(t3, rig.store.urlOf('T3'))).outcome).toBe('quarantined');
    const manager = await rig.store.connect(rig.store.managerUrl);
    try {
      expect((await storeEventCounts(manager)).get('T3')?.maxSeq).toBe(synced);
      const status = (await manager.query(`SELECT quarantine_reason FROM pos_store.terminal_status WHERE terminal_id = 'T3'`)).rows[0];
      expect(status.quarantine_reason).toBe(result.reason);
    } finally {
      await manager.end();
    }
    const t3db = new pg.Client({ connectionString: rig.store.urlOf('T3') });
    await t3db.connect();
    try {
      await expect(t3db.query(`INSERT INTO pos_store.events (terminal_id, seq, at, kind, entity, entity_id, payload, prev_hash, hash)
        SELECT 'T3', head_seq + 1, 1, 'x', 'sale', '1', '{}', head_hash, '${'2'.repeat(64)}' FROM pos_store.terminals`)).rejects.toMatchObject({ code: 'PQ001' });
    } finally {
      await t3db.end();
    }
  });
  it('refuses the store day close while a terminal is behind, and an override is journaled and kept in the store Z', async () => {
    const t1 = rig.terminals.find((t) => t.id === 'T1') as StoreTerminal;
    const day = storeDayOf(Date.now(), STORE_ZONE);
    // T1 reports more events than the store holds (a push cut short): it is behind.
    const t1db = await rig.store.connect(rig.store.urlOf('T1'));
    await t1db.query('SELECT pos_store.report_sync($1, NULL, $2)', [outboxState(t1.journal).headSeq + 3, STORE_ZONE]);
    await t1db.end();
    const manager = await rig.store.connect(rig.store.managerUrl);
    try {
      await expect(closeStoreDay(manager, { storeDay: day, closedBy: 'mgr' })).rejects.toMatchObject({ code: 'STORE_CLOSE_REFUSED', problems: expect.arrayContaining(['terminal T1 is 3 events behind']) });
      const before = outboxState(t1.journal).headSeq;
      const z = await closeStoreDay(manager, { storeDay: day, closedBy: 'mgr', override: { reason: 'T1 is offline, closing anyway', approvedBy: 'mgr' }, journal: t1.journal });
      expect(z).toMatchObject({ overridden: true, overrideReason: 'T1 is offline, closing anyway' });
      expect(z.problems).toContainEqual({ terminalId: 'T1', kind: 'behind', count: 3 });
      // No terminal has a Z for the day: that alone would hold the close back too.
      for (const id of ['T1', 'T2', 'T3']) expect(z.problems).toContainEqual({ terminalId: id, kind: 'no-z', count: 0 });
      const event = t1.journal.db.prepare('SELECT kind, entity, payload FROM events WHERE seq = ?').get(before + 1) as { kind: string; entity: string; payload: string };
      expect(event).toMatchObject({ kind: 'store.close_overridden', entity: 'manager' });
      expect(JSON.parse(event.payload)).toMatchObject({ storeDay: day, approvedBy: 'mgr', reason: 'T1 is offline, closing anyway' });
      const row = (await manager.query('SELECT overridden, override_reason FROM pos_store.store_closes WHERE store_day = $1', [day])).rows[0];
      expect(row).toEqual({ overridden: true, override_reason: 'T1 is offline, closing anyway' });
      await expect(closeStoreDay(manager, { storeDay: day, closedBy: 'mgr' })).rejects.toMatchObject({ alreadyClosed: true });
    } finally {
      await manager.end();
    }
  });
  it('quarantines a terminal whose journal was restored from an older backup', async () => {
    const own = await createStoreDb(rig.cluster, ['T5']);
    const t5 = openTerminal('T5', rig.sandbox);
    rig.terminals.push(t5);
    await sell(t5, 'cash');
    const backup = join(t5.dataDir, 'backup.sqlite');
    t5.journal.db.exec(`VACUUM INTO '${backup}'`);
    await sell(t5, 'cash');
    expect((await push(t5, own.urlOf('T5'))).outcome).toBe('synced');
    const file = join(t5.dataDir, 'journal.sqlite');
    t5.journal.close();
    for (const side of ['-wal', '-shm']) rmSync(`${file}${side}`, { force: true });
    copyFileSync(backup, file);
    const restored = openJournal({ file, clock: systemClock, terminalId: 'T5', timeZone: STORE_ZONE });
    try {
      const pool = openStorePool(own.urlOf('T5'), logger);
      const result = await pushOutbox(restored, pool).finally(() => pool.end());
      expect(result).toMatchObject({ outcome: 'quarantined', reason: expect.stringMatching(/^the store already holds \d+ events from terminal T5, but its journal has only \d+: the journal was restored from an older backup/) });
    } finally {
      restored.close(); // t5.close() closes its own (already closed) connection again: harmless in better-sqlite3
    }
  });
});
