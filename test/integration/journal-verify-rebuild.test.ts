// `journal verify` rebuilds sales, lines, attempts, refunds and day closes from the events and names every table row
// that differs (docs/journal.md "Verify"). Each tamper here is done with plain SQLite, as an attacker with the file
// would: before this, verify said "journal ok" while the totals changed.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearNeedsAction, createAttempt, releaseAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { appendEvent } from '../../main/journal/events.js';
import { migrate } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { createRefund, transitionRefund } from '../../main/journal/refunds.js';
import { settleSale, voidSale } from '../../main/journal/sale-settlement.js';
import { addLine, createSale, removeLine, updateQuantity } from '../../main/journal/sales.js';
import { describeVerdict, verifyJournalFile } from '../../main/journal/verify-file.js';
import { dailyTotals } from '../../main/reports/daily-totals.js';
import { closeDay } from '../../main/reports/day-close.js';
import { ManualClock, systemClock } from '../../main/shared/clock.js';
import { composedAppPerTest } from '../support/composed-app.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let file: string;
let journal: Journal;

beforeEach(() => {
  dir = makeTempDir('journal-verify-');
  file = join(dir.path, 'journal.sqlite');
  // The system clock: each row's time and its event's are read separately, so only full payloads match exactly.
  journal = openJournal({ file, clock: systemClock, terminalId: 'T01', timeZone: 'America/Toronto' });
});
afterEach(() => {
  journal.close();
  dir.remove();
});

interface Book { cash: number; failed: number; card: number; late: number; released: number; refunds: number[]; saleIds: number[] }

/** A day's worth of everything a till writes: lines added, changed and removed, tenders of each outcome, refunds, a Z. */
function ringUpADay(j: Journal): Book {
  const a = createSale(j, { cashier: 'ann', currency: 'CAD' });
  addLine(j, a.id, { sku: 'TEA', gtin: '4006381333931', name: 'Green tea', unitPriceCents: 450, quantity: 1 });
  addLine(j, a.id, { sku: 'CUP', name: 'Cup', unitPriceCents: 900, quantity: 1 });
  updateQuantity(j, a.id, 1, 2);
  removeLine(j, a.id, 2);
  const failed = createAttempt(j, { saleId: a.id, tender: 'wallet_scan', channel: 'WX_MICROPAY', amountCents: 900, currency: 'CAD', cashier: 'ann', paymentCode: '134567890123456701' });
  transitionAttempt(j, failed.id, 'sent');
  transitionAttempt(j, failed.id, 'failed', { failureCode: 'INSUFFICIENT_FUNDS', failureMessage: 'not enough' });
  const cash = createAttempt(j, { saleId: a.id, tender: 'cash', channel: 'CASH', amountCents: 900, currency: 'CAD', cashier: 'ann', cashTenderedCents: 1000, changeCents: 100 });
  transitionAttempt(j, cash.id, 'succeeded');
  settleSale(j, a.id);

  const b = createSale(j, { cashier: 'bob', currency: 'CAD' });
  addLine(j, b.id, { sku: 'CAKE', name: 'Cake', unitPriceCents: 2500, quantity: 1 });
  const card = createAttempt(j, { saleId: b.id, tender: 'card', channel: 'PF_CC', amountCents: 2500, currency: 'CAD', cashier: 'bob' });
  transitionAttempt(j, card.id, 'sent');
  transitionAttempt(j, card.id, 'succeeded', { payOrderId: 'PO-1', channelOrderNo: 'CH-1' });
  settleSale(j, b.id);
  const r1 = createRefund(j, { attemptId: card.id, amountCents: 500, reason: 'damaged', approvedBy: 'mgr' });
  transitionRefund(j, r1.id, 'sent');
  transitionRefund(j, r1.id, 'succeeded', { refundOrderId: 'RO-1' });
  const r2 = createRefund(j, { attemptId: cash.id, amountCents: 100, reason: 'price', approvedBy: 'mgr' });
  transitionRefund(j, r2.id, 'succeeded');

  // A late success kept apart from its sale, and a checking attempt a manager released.
  const c = createSale(j, { cashier: 'ann', currency: 'CAD' });
  addLine(j, c.id, { sku: 'X', name: 'Thing', unitPriceCents: 700, quantity: 1 });
  const late = createAttempt(j, { saleId: c.id, tender: 'wallet_qr', channel: 'ALIPAY_QR', amountCents: 700, currency: 'CAD', cashier: 'ann' });
  transitionAttempt(j, late.id, 'expired');
  const released = createAttempt(j, { saleId: c.id, tender: 'wallet_scan', channel: 'ALIPAY_MICROPAY', amountCents: 700, currency: 'CAD', cashier: 'ann', paymentCode: '284567890123456702' });
  transitionAttempt(j, released.id, 'unknown');
  releaseAttempt(j, released.id, 'manager', 'customer showed an unpaid wallet');
  transitionAttempt(j, late.id, 'succeeded', { payOrderId: 'PO-2', needsAction: true });
  clearNeedsAction(j, late.id, 'manager', 'kept-as-unattached', false);
  const d = createSale(j, { cashier: 'ann', currency: 'CAD' });
  addLine(j, d.id, { sku: 'Y', name: 'Other', unitPriceCents: 100, quantity: 3 });
  voidSale(j, d.id);
  return { cash: cash.id, failed: failed.id, card: card.id, late: late.id, released: released.id, refunds: [r1.id, r2.id], saleIds: [a.id, b.id, c.id, d.id] };
}

/** The file as an attacker edits it: another connection, triggers dropped where they would refuse. */
function tamper(sql: string, ...params: unknown[]): void {
  journal.close();
  const db = new Database(file);
  for (const t of db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`).all() as Array<{ name: string }>) db.exec(`DROP TRIGGER "${t.name}"`);
  db.prepare(sql).run(...params);
  db.close();
  journal = openJournal({ file, clock: systemClock, terminalId: 'T01', timeZone: 'America/Toronto' });
}

function verdict() {
  journal.close();
  const v = verifyJournalFile(file);
  journal = openJournal({ file, clock: systemClock, terminalId: 'T01', timeZone: 'America/Toronto' });
  return v;
}

const today = () => dailyTotals(journal, new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(Date.now())).byCurrency[0];

describe('journal verify rebuilds the tables from the events', () => {
  it('finds nothing to say about an honest journal, Z included, and says so', () => {
    ringUpADay(journal);
    closeDay(journal, { storeDay: new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(Date.now()), closedBy: 'mgr', countedCashCents: 800, cashCurrency: 'CAD' });
    const v = verdict();
    expect(v.differences).toEqual([]);
    expect(v).toMatchObject({ ok: true, chain: { ok: true }, legacyEvents: 0, sealProblems: [] });
    expect(describeVerdict(file, v)).toMatchObject({ exitCode: 0, lines: [expect.stringMatching(/^journal ok: \d+ events, hash chain intact, head event \d+ hash [0-9a-f]{64}; the tables match the events/)] });
  });

  it('names an attempt whose amount_cents was edited, though the chain is intact and the totals moved', () => {
    const book = ringUpADay(journal);
    const before = today();
    tamper('UPDATE attempts SET amount_cents = 90000 WHERE id = ?', book.card);
    expect(today()?.grossCents).not.toBe(before?.grossCents);
    const v = verdict();
    expect(v.chain.ok).toBe(true);
    expect(v.ok).toBe(false);
    expect(v.differences).toEqual([expect.objectContaining({ table: 'attempts', key: String(book.card), column: 'amount_cents', problem: 'changed', detail: `attempt ${book.card}: amount_cents is 90000 in the table, 2500 in the events` })]);
    const described = describeVerdict(file, v);
    expect(described.exitCode).toBe(1);
    expect(described.lines[0]).toMatch(/^journal BROKEN: hash chain intact .* 1 difference/);
    expect(described.lines[1]).toContain(`attempt ${book.card}: amount_cents`);
  });

  it('names a failed attempt turned succeeded', () => {
    const book = ringUpADay(journal);
    tamper(`UPDATE attempts SET state = 'succeeded', failure_code = NULL WHERE id = ?`, book.failed);
    const v = verdict();
    expect(v.differences.map((d) => `${d.table} ${d.key} ${d.column}`).sort()).toEqual([`attempts ${book.failed} failure_code`, `attempts ${book.failed} state`]);
  });

  it('names every deleted refund, and a row no event created', () => {
    const book = ringUpADay(journal);
    tamper('DELETE FROM refunds');
    tamper(`INSERT INTO attempts (sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at)
      VALUES (?, 'cash', 'CASH', 5000, 'CAD', 'T01P2601010000000099999', 'succeeded', 'eve', 1, 1, 1)`, book.saleIds[0]);
    const v = verdict();
    const problems = v.differences.map((d) => `${d.table} ${d.key} ${d.problem}`);
    expect(problems).toEqual(expect.arrayContaining([`refunds ${book.refunds[0]} missing-from-table`, `refunds ${book.refunds[1]} missing-from-table`, 'attempts 6 not-in-events']));
  });

  it('names edited lines, sale totals, settlement flags, and a Z whose count or stored totals changed', () => {
    const book = ringUpADay(journal);
    closeDay(journal, { storeDay: new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(Date.now()), closedBy: 'mgr', countedCashCents: 800, cashCurrency: 'CAD' });
    tamper('UPDATE sale_lines SET quantity = 1, line_total_cents = 450 WHERE sale_id = ? AND line_no = 1', book.saleIds[0]);
    tamper('UPDATE sales SET total_cents = 450 WHERE id = ?', book.saleIds[0]);
    tamper('UPDATE attempts SET attached = 1 WHERE id = ?', book.late);
    tamper('UPDATE attempts SET released = 0 WHERE id = ?', book.released);
    tamper('UPDATE day_closes SET counted_cash_cents = 900, difference_cents = 100');
    tamper(`UPDATE day_closes SET totals_json = json_set(totals_json, '$.totals.salesPaid', 99)`);
    const cols = verdict().differences.map((d) => `${d.table} ${d.key} ${d.column}`);
    expect(cols).toEqual(expect.arrayContaining([
      `sale_lines ${book.saleIds[0]}/1 quantity`, `sale_lines ${book.saleIds[0]}/1 line_total_cents`, `sales ${book.saleIds[0]} total_cents`,
      `attempts ${book.late} attached`, `attempts ${book.released} released`, 'day_closes 1 counted_cash_cents', 'day_closes 1 difference_cents', 'day_closes 1 totals_json',
    ]));
  });

  it('a truncated chain end is visible against the printed Z seal, and against the Z row', () => {
    ringUpADay(journal);
    const z = closeDay(journal, { storeDay: new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(Date.now()), closedBy: 'mgr', countedCashCents: 800, cashCurrency: 'CAD' });
    expect(z.eventCount).toBeGreaterThan(10);
    expect(z.headHash).toMatch(/^[0-9a-f]{64}$/);
    // Everything after the first sale's events goes, Z event and row included: a shorter, perfectly valid chain.
    tamper('DELETE FROM events WHERE seq > 10');
    journal.close();
    const printed = verifyJournalFile(file, [{ seq: z.eventCount, hash: z.headHash.slice(0, 16) }]);
    expect(printed.chain.ok).toBe(true);
    expect(printed.sealProblems).toEqual([`the printed seal names event ${z.eventCount}, but the journal has only 10 events: events were removed from its end`]);
    expect(printed.differences.some((d) => d.table === 'day_closes' && d.problem === 'seal')).toBe(true);
    journal = openJournal({ file, clock: systemClock, terminalId: 'T01', timeZone: 'America/Toronto' });
  });

  it('reads without writing: the file is byte-for-byte the same, and a read-only copy verifies', () => {
    ringUpADay(journal);
    journal.close();
    const copyDir = join(dir.path, 'copy');
    mkdirSync(copyDir);
    const copy = join(copyDir, 'journal.sqlite');
    copyFileSync(file, copy);
    chmodSync(copy, 0o444);
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const before = sha(copy);
    expect(verifyJournalFile(copy).ok).toBe(true);
    expect(sha(copy)).toBe(before);
    expect(sha(file)).toBe(before);
    journal = openJournal({ file, clock: systemClock, terminalId: 'T01', timeZone: 'America/Toronto' });
  });
});

describe('events from before full payloads (migration 0080)', () => {
  /** A version-70 journal written the old way: its events lack exact times, the terminal id and the Z period. */
  function legacyJournal(path: string): void {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    migrate(db, journalMigrations, { target: 70 });
    const clock = new ManualClock(Date.parse('2026-05-01T15:00:00Z'));
    const j = { db, clock, statement: (sql: string) => db.prepare(sql) } as unknown as Journal;
    const at = clock.now();
    db.prepare(`INSERT INTO sales (id, terminal_id, cashier, status, currency, total_cents, created_at, closed_at) VALUES (1, 'T01', 'ann', 'paid', 'CAD', 800, ?, ?)`).run(at, at + 400);
    db.prepare(`INSERT INTO sale_lines VALUES (1, 1, 'TEA', NULL, 'Tea', 400, 2, 800)`).run();
    db.prepare(`INSERT INTO attempts (id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, cashier, created_at, updated_at, finalized_at)
      VALUES (1, 1, 'cash', 'CASH', 800, 'CAD', 'T01P2605011234000000001', 'succeeded', 'ann', ?, ?, ?)`).run(at + 100, at + 300, at + 300);
    db.prepare(`INSERT INTO order_number_sequences VALUES ('P', 1)`).run();
    db.transaction(() => {
      appendEvent(j, { kind: 'sale.created', entity: 'sale', entityId: 1, payload: { cashier: 'ann', currency: 'CAD' } });
      appendEvent(j, { kind: 'sale.line_added', entity: 'sale', entityId: 1, payload: { lineNo: 1, sku: 'TEA', gtin: null, name: 'Tea', unitPriceCents: 400, quantity: 2, lineTotalCents: 800, totalCents: 800 } });
      clock.advance(100);
      appendEvent(j, { kind: 'attempt.created', entity: 'attempt', entityId: 1, payload: { sale_id: 1, tender: 'cash', channel: 'CASH', amount_cents: 800, currency: 'CAD', mch_order_no: 'T01P2605011234000000001', code_last4: null, cash_tendered_cents: null, change_cents: null, cashier: 'ann', next_check_at: null } });
      clock.advance(200);
      appendEvent(j, { kind: 'attempt.transition', entity: 'attempt', entityId: 1, payload: { from: 'created', to: 'succeeded', needsAction: false } });
      clock.advance(100);
      appendEvent(j, { kind: 'sale.paid', entity: 'sale', entityId: 1, payload: { status: 'paid', totalCents: 800 } });
    })();
    db.close();
  }

  it('are rebuilt best effort and counted; a tamper of what they do carry is still found', () => {
    journal.close();
    const old = join(dir.path, 'old.sqlite');
    legacyJournal(old);
    const v = verifyJournalFile(old);
    expect(v).toMatchObject({ ok: true, legacyEvents: 4 });
    expect(describeVerdict(old, v).lines.at(-1)).toMatch(/^note: 4 event\(s\) were written before the journal kept full records/);
    // The app migrates it (periods backfilled: the open period 1); verify still agrees, then catches an edit.
    openJournal({ file: old, clock: systemClock, terminalId: 'T01' }).close();
    expect(verifyJournalFile(old).ok).toBe(true);
    const db = new Database(old);
    db.prepare('UPDATE attempts SET amount_cents = 8 WHERE id = 1').run();
    db.close();
    expect(verifyJournalFile(old).differences.map((d) => d.detail)).toEqual(['attempt 1: amount_cents is 8 in the table, 800 in the events']);
    journal = openJournal({ file, clock: systemClock, terminalId: 'T01' });
  });
});

describe('the manager channel journal:verify', () => {
  const app = composedAppPerTest('verify-app-');
  it('answers the differences a tamper made, with a one-line reason', async () => {
    await app.start();
    const session = ((await app.call('manager', 'manager:unlock', { pin: '1234' })).value as { session: string }).session;
    await app.call('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
    // $4.50 + 13% HST (the default province, ON) = $5.09, $5.10 in cash (docs/register.md).
    await app.call('cashier', 'payment:payCash', { tenderedCents: 1000 });
    expect((await app.call('manager', 'journal:verify', { session })).value).toMatchObject({ ok: true, differences: [], differenceCount: 0, reason: null });
    const db = new Database(join(app.dataDir, 'journal.sqlite'));
    db.prepare('UPDATE attempts SET amount_cents = 45').run();
    db.close();
    const v = (await app.call('manager', 'journal:verify', { session })).value!;
    expect(v).toMatchObject({ ok: false, firstBrokenSeq: null, differenceCount: 1, reason: expect.stringContaining('1 row differs from the events: attempt 1: amount_cents is 45') });
    expect(v.differences).toEqual([expect.objectContaining({ table: 'attempts', key: '1', column: 'amount_cents' })]);
  });
});
