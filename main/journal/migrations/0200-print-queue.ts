// The print queue and the cash drawer (docs/printing.md): every slip the till means to print is a row here before
// a byte goes to the printer, so a slip that could not print (paper out, cover open, offline, a timeout, a crash
// while printing) is still queued after a restart and prints when the printer is back; every drawer opening is a
// row with who opened it and why. Both are rebuilt from their events by `journal verify` (rebuild.ts).
import type { Migration } from '../migrate.js';

export const addPrintQueue: Migration = {
  version: 200,
  name: 'print-queue',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'z-report', 'test')),
        sale_id INTEGER,
        refund_id INTEGER,
        z_number INTEGER,
        reprint INTEGER NOT NULL CHECK (reprint IN (0, 1)),
        requested_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'printed', 'skipped')),
        fault TEXT,
        updated_at INTEGER NOT NULL,
        done_by TEXT
      ) STRICT;
      CREATE INDEX print_jobs_queued ON print_jobs (id) WHERE state = 'queued';
      CREATE INDEX print_jobs_by_sale ON print_jobs (sale_id, id);
      CREATE TABLE drawer_openings (
        id INTEGER PRIMARY KEY,
        opened_at INTEGER NOT NULL,
        opened_by TEXT NOT NULL,
        approved_by TEXT,
        reason TEXT NOT NULL,
        sale_id INTEGER,
        result TEXT NOT NULL
      ) STRICT;
    `);
  },
};
