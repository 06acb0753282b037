// Opening the journal: pragmas, reopen, and the refusal of anything unsafe with the file left byte-for-byte.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../main/journal/database.js';
import { JournalCorruptError, JournalInputError, JournalVersionError } from '../../main/journal/errors.js';
import { createSale, addLine } from '../../main/journal/sales.js';
import { newestVersion } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

const NEWEST = newestVersion(journalMigrations);

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => (dir = makeTempDir('journal-open-')));
afterEach(() => dir.remove());

const open = (file: string) => openJournal({ file, clock: new ManualClock(), terminalId: 'T01' });

/** A real journal with a few hundred rows, closed cleanly (WAL checkpointed into the main file). */
function makeJournal(file: string): void {
  const journal = open(file);
  for (let i = 0; i < 60; i += 1) {
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    addLine(journal, sale.id, { sku: `SKU-${i}`, name: 'Green tea '.repeat(20), unitPriceCents: 250, quantity: 2 });
  }
  journal.close();
}

function expectRefusedUnchanged(file: string, errorClass: typeof JournalCorruptError | typeof JournalVersionError) {
  const before = readFileSync(file);
  expect(() => open(file)).toThrow(errorClass);
  expect(readFileSync(file).equals(before)).toBe(true);
}

describe('openJournal', () => {
  it('creates the data folder and a WAL journal with the durability pragmas', () => {
    const journal = open(join(dir.path, 'nested', 'journal.sqlite'));
    expect(journal.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(journal.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(journal.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(journal.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(journal.db.pragma('user_version', { simple: true })).toBe(NEWEST);
    journal.close();
  });

  it('reopens an existing journal with its data', () => {
    const file = join(dir.path, 'journal.sqlite');
    makeJournal(file);
    const journal = open(file);
    expect(journal.db.prepare('SELECT count(*) AS n FROM sales').get()).toEqual({ n: 60 });
    journal.close();
  });

  it('refuses a bad terminal id', () => {
    expect(() => openJournal({ file: join(dir.path, 'j'), clock: new ManualClock(), terminalId: 't-1' })).toThrow(
      JournalInputError,
    );
  });

  it('refuses random bytes, untouched', () => {
    const file = join(dir.path, 'random.sqlite');
    writeFileSync(file, randomBytes(8192));
    expectRefusedUnchanged(file, JournalCorruptError);
  });

  it('refuses an empty file, untouched', () => {
    const file = join(dir.path, 'empty.sqlite');
    writeFileSync(file, '');
    expectRefusedUnchanged(file, JournalCorruptError);
  });

  it('refuses a journal truncated mid-page, untouched', () => {
    const file = join(dir.path, 'journal.sqlite');
    makeJournal(file);
    truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
    expectRefusedUnchanged(file, JournalCorruptError);
  });

  it('refuses a journal truncated on a page boundary, untouched', () => {
    const file = join(dir.path, 'journal.sqlite');
    makeJournal(file);
    truncateSync(file, 4096 * 3);
    expectRefusedUnchanged(file, JournalCorruptError);
  });

  it('refuses a journal whose pages were overwritten with garbage, untouched', () => {
    const file = join(dir.path, 'journal.sqlite');
    makeJournal(file);
    const bytes = readFileSync(file);
    randomBytes(4096 * 2).copy(bytes, 4096 * 2); // pages 3 and 4
    writeFileSync(file, bytes);
    expectRefusedUnchanged(file, JournalCorruptError);
  });

  it('refuses a journal from a newer app version, untouched', () => {
    const file = join(dir.path, 'journal.sqlite');
    makeJournal(file);
    const db = new Database(file);
    db.pragma(`user_version = ${NEWEST + 10}`);
    db.close();
    expectRefusedUnchanged(file, JournalVersionError);
    expect(() => open(file)).toThrow(expect.objectContaining({ code: 'JOURNAL_VERSION', found: NEWEST + 10, newest: NEWEST }));
  });

  it('refuses some other application’s SQLite database, untouched', () => {
    const file = join(dir.path, 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expectRefusedUnchanged(file, JournalCorruptError);
  });
});
