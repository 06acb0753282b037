// The hash chain: every write appends a linked event; tampering is found and located.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttempt, transitionAttempt } from '../../main/journal/attempts.js';
import { openJournal, type Journal } from '../../main/journal/database.js';
import { JournalCorruptError } from '../../main/journal/errors.js';
import { GENESIS_HASH, eventHash, verifyChain, type EventRow } from '../../main/journal/events.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { describeVerdict, verifyJournalFile } from '../../main/journal/verify-file.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof makeTempDir>;
let journal: Journal;
let file: string;

beforeEach(() => {
  dir = makeTempDir('journal-events-');
  file = join(dir.path, 'journal.sqlite');
  journal = openJournal({ file, clock: new ManualClock(), terminalId: 'T01' });
  for (let i = 0; i < 3; i += 1) {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    addLine(journal, sale.id, { sku: 'TEA', name: 'Tea', unitPriceCents: 250, quantity: 2 });
    const attempt = createAttempt(journal, {
      saleId: sale.id, tender: 'cash', channel: 'CASH', amountCents: 500, currency: 'CAD', cashier: 'ann',
    });
    transitionAttempt(journal, attempt.id, 'succeeded');
  }
});
afterEach(() => {
  journal.close();
  dir.remove();
});

const rawUpdate = (sql: string, ...params: (string | number)[]) => {
  journal.db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;');
  journal.db.prepare(sql).run(...params);
};

describe('event hash chain', () => {
  it('links every write, starting from the genesis hash', () => {
    const rows = journal.db.prepare('SELECT seq, kind, prev_hash, hash FROM events ORDER BY seq').all() as {
      seq: number; kind: string; prev_hash: string; hash: string;
    }[];
    expect(rows.map((r) => r.kind).slice(0, 4)).toEqual(['sale.created', 'sale.line_added', 'attempt.created', 'attempt.transition']);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(verifyChain(journal)).toEqual({ ok: true, events: 12 });
  });

  it('refuses UPDATE and DELETE through the triggers', () => {
    expect(() => journal.db.prepare(`UPDATE events SET kind = 'x' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => journal.db.prepare('DELETE FROM events WHERE seq = 12').run()).toThrow(/append-only/);
  });

  it('reports a tampered payload at its seq', () => {
    rawUpdate(`UPDATE events SET payload = '{"amount_cents":1}' WHERE seq = 7`);
    expect(verifyChain(journal)).toMatchObject({ ok: false, firstBrokenSeq: 7, reason: expect.stringMatching(/hash/) });
  });

  it('reports a tampered timestamp at its seq', () => {
    rawUpdate('UPDATE events SET at = at + 1 WHERE seq = 4');
    expect(verifyChain(journal)).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('reports a replaced hash at its seq', () => {
    rawUpdate(`UPDATE events SET hash = ? WHERE seq = 5`, 'b'.repeat(64));
    expect(verifyChain(journal)).toMatchObject({ ok: false, firstBrokenSeq: 5 });
  });

  it('catches a forger who rewrites an event and recomputes its hash: the next link breaks', () => {
    const row = journal.db.prepare('SELECT * FROM events WHERE seq = 5').get() as EventRow;
    const payload = { forged: true };
    const hash = eventHash(row.prev_hash, row, payload);
    rawUpdate('UPDATE events SET payload = ?, hash = ? WHERE seq = 5', JSON.stringify(payload), hash);
    expect(verifyChain(journal)).toMatchObject({ ok: false, firstBrokenSeq: 6, reason: expect.stringMatching(/prev_hash/) });
  });

  it('reports a deleted event as the gap', () => {
    rawUpdate('DELETE FROM events WHERE seq = 9');
    expect(verifyChain(journal)).toMatchObject({ ok: false, firstBrokenSeq: 9, reason: expect.stringMatching(/gap/) });
  });

  it('verifies a closed journal file read-only (the `journal verify` command)', () => {
    rawUpdate(`UPDATE events SET kind = 'sale.voided' WHERE seq = 2`);
    journal.close();
    const verdict = verifyJournalFile(file);
    expect(verdict).toMatchObject({ ok: false, chain: { ok: false, firstBrokenSeq: 2 } });
    const described = describeVerdict(file, verdict);
    expect(described.exitCode).toBe(1);
    expect(described.lines[0]).toContain('BROKEN at event 2');
    journal = openJournal({ file, clock: new ManualClock(), terminalId: 'T01' });
  });

  it('`journal verify` gives the typed error for a file that is not a journal, and leaves it alone', () => {
    const junk = join(dir.path, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, just text'.repeat(200));
    const before = readFileSync(junk);
    expect(() => verifyJournalFile(junk)).toThrow(JournalCorruptError);
    expect(readFileSync(junk).equals(before)).toBe(true);
  });
});
