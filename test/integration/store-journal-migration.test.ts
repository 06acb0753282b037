// Journal migration 0400 (the store outbox) from the version before it, with data present: the sales and events
// survive untouched, and the outbox starts at "nothing acknowledged", so a terminal that joins a store sends its
// whole history. The outbox is bookkeeping outside the chain: journal verify still passes after acknowledgements.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../main/journal/database.js';
import { verifyChain } from '../../main/journal/events.js';
import { migrate } from '../../main/journal/migrate.js';
import { journalMigrations } from '../../main/journal/migrations/index.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { acknowledge, outboxState, unsentEventCount } from '../../main/journal/store-outbox.js';
import { verifyJournalFile } from '../../main/journal/verify-file.js';
import { ManualClock } from '../../main/shared/clock.js';
import { makeTempDir } from '../support/temp-dir.js';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const previous = Math.max(...journalMigrations.filter((m) => m.version < 400).map((m) => m.version));

describe('journal migration 0400: store outbox', () => {
  it(`migrates from ${previous} with sales and events present`, () => {
    const dir2 = makeTempDir('store-migration-');
    dirs.push(dir2);
    const file2 = join(dir2.path, 'journal.sqlite');
    const clock = new ManualClock();
    // Sales and events written through the app's own code, then the journal taken back to the version before 0400
    // (its table dropped, the version stepped back): the previous version's file, with data present.
    let journal = openJournal({ file: file2, clock, terminalId: 'T1', timeZone: 'America/Toronto' });
    const sale = createSale(journal, { cashier: 'ann', currency: 'CAD' });
    addLine(journal, sale.id, { sku: 'TEA', name: 'Tea', unitPriceCents: 250, quantity: 2 });
    journal.close();
    const db = new Database(file2);
    db.exec('DROP TABLE store_outbox');
    db.pragma(`user_version = ${previous}`);
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    expect(migrate(db, journalMigrations)).toContain(400);
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(events);
    expect(db.prepare('SELECT acked_seq, acked_hash, last_error FROM store_outbox').all()).toEqual([{ acked_seq: 0, acked_hash: '0'.repeat(64), last_error: null }]);
    db.close();

    journal = openJournal({ file: file2, clock, terminalId: 'T1', timeZone: 'America/Toronto' });
    try {
      expect(unsentEventCount(journal)).toBe(events);
      const head = journal.db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
      acknowledge(journal, head.seq, head.hash);
      expect(outboxState(journal)).toMatchObject({ ackedSeq: head.seq, headSeq: head.seq, ackedAt: clock.now() });
      expect(unsentEventCount(journal)).toBe(0);
      expect(verifyChain(journal)).toEqual({ ok: true, events });
    } finally {
      journal.close();
    }
    const verdict = verifyJournalFile(file2, []);
    expect(JSON.stringify(verdict)).not.toMatch(/store_outbox/);
  });
});
