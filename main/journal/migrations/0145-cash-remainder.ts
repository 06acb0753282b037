// The last cent or two of a split, in cash (docs/register.md "Cash rounding"): when what is still due is 1¢ or 2¢, cash
// rounds it to nothing and the sale is paid, the rounding on its own line. That is a cash attempt of 0¢ whose
// rounding_cents is −1 or −2 (it pays its sale amount − rounding = the 1¢ or 2¢). attempts.amount_cents was
// `CHECK (amount_cents > 0)`; it becomes `> 0, or 0 for such a cash remainder`.
// SQLite cannot change a CHECK in place (and writable_schema is refused in defensive mode), so the table is rebuilt
// from its own stored definition (keeping every column any earlier migration added), its rows copied back, its
// indexes and triggers recreated. Foreign keys (refunds, and anything else that points at attempts) stay on: they are
// deferred to the commit, and the rows are inserted back into the renamed table, so every reference resolves again
// before the migration's transaction commits, or the whole migration rolls back.
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate.js';

const OLD_CHECK = 'amount_cents INTEGER NOT NULL CHECK (amount_cents > 0)';
const NEW_CHECK = "amount_cents INTEGER NOT NULL CHECK (amount_cents > 0 OR (amount_cents = 0 AND tender = 'cash' AND rounding_cents < 0))";

function schemaOf(db: Database.Database, table: string): { table: string; others: string[] } {
  const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(table) as string | undefined;
  if (!sql) throw new Error(`no table ${table}`);
  const others = db.prepare(`SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid`).pluck().all(table) as string[];
  return { table: sql, others };
}

export const allowCashRemainder: Migration = {
  version: 145,
  name: 'cash-remainder',
  up(db) {
    const { table, others } = schemaOf(db, 'attempts');
    if (!table.includes(OLD_CHECK)) throw new Error('attempts.amount_cents is not as migration 0030 made it; refusing to rebuild the table');
    const rebuilt = table.replace(/^CREATE TABLE\s+"?attempts"?/, 'CREATE TABLE attempts_v145').replace(OLD_CHECK, NEW_CHECK);
    db.pragma('defer_foreign_keys = ON');
    db.exec(rebuilt);
    db.exec('CREATE TEMP TABLE attempts_copy_v145 AS SELECT * FROM attempts');
    db.exec('DROP TABLE attempts');
    // Only the new table's name changes; nothing else in the schema is rewritten (it already says `attempts`).
    db.pragma('legacy_alter_table = ON');
    try {
      db.exec('ALTER TABLE attempts_v145 RENAME TO attempts');
    } finally {
      db.pragma('legacy_alter_table = OFF');
    }
    // Back into the parent table: each row resolves the deferred references to it.
    db.exec('INSERT INTO attempts SELECT * FROM attempts_copy_v145');
    db.exec('DROP TABLE attempts_copy_v145');
    for (const sql of others) db.exec(sql);
  },
};
