// `journal verify` for the print queue and the drawer (migration 0200): each print_jobs and drawer_openings row is
// rebuilt from its events alone, whose payloads carry the whole row, and compared with the table (rebuild.ts calls
// this after its own tables). Read-only.
import type Database from 'better-sqlite3';
import type { EventRow } from './events.js';
import type { TableDifference } from './rebuild.js';

type Value = string | number | null;
type Row = Record<string, Value>;

const PRINT_COLUMNS: Record<string, string> = {
  id: 'id', kind: 'kind', sale_id: 'saleId', refund_id: 'refundId', z_number: 'zNumber', reprint: 'reprint', requested_by: 'requestedBy',
  created_at: 'createdAt', state: 'state', fault: 'fault', updated_at: 'updatedAt', done_by: 'doneBy',
};
const DRAWER_COLUMNS: Record<string, string> = { id: 'id', opened_at: 'openedAt', opened_by: 'openedBy', approved_by: 'approvedBy', reason: 'reason', sale_id: 'saleId', result: 'result' };

function rowOf(payload: Record<string, unknown>, columns: Record<string, string>): Row {
  const row: Row = {};
  for (const [column, field] of Object.entries(columns)) {
    const v = payload[field];
    row[column] = typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'string' || typeof v === 'number' ? v : null;
  }
  return row;
}

function hasTable(db: Database.Database, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

function compare(db: Database.Database, table: 'print_jobs' | 'drawer_openings', label: string, expected: Map<string, Row>, out: TableDifference[]): void {
  const seen = new Set<string>();
  for (const actual of db.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate() as IterableIterator<Row>) {
    const key = String(actual.id);
    seen.add(key);
    const want = expected.get(key);
    if (!want) {
      out.push({ table, key, column: null, problem: 'not-in-events', detail: `${label} ${key}: in the table, but no event created it` });
      continue;
    }
    for (const [column, value] of Object.entries(want)) {
      if ((actual[column] ?? null) !== value) out.push({ table, key, column, problem: 'changed', detail: `${label} ${key}: ${column} is ${String(actual[column] ?? 'empty')} in the table, ${String(value ?? 'empty')} in the events` });
    }
  }
  for (const key of expected.keys()) {
    if (!seen.has(key)) out.push({ table, key, column: null, problem: 'missing-from-table', detail: `${label} ${key}: its events created it, but it is missing from the table` });
  }
}

/** Rebuilds print_jobs and drawer_openings from their events and names every row that differs. */
export function comparePrintTables(db: Database.Database): TableDifference[] {
  if (!hasTable(db, 'print_jobs')) return [];
  const jobs = new Map<string, Row>();
  const drawer = new Map<string, Row>();
  const out: TableDifference[] = [];
  for (const e of db.prepare(`SELECT * FROM events WHERE entity IN ('print_job', 'drawer') ORDER BY seq`).iterate() as IterableIterator<EventRow>) {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(e.payload) as Record<string, unknown>;
    } catch {
      out.push({ table: 'events', key: String(e.seq), column: null, problem: 'event-inconsistent', detail: `event ${e.seq}: payload is not JSON` });
      continue;
    }
    if (e.entity === 'drawer') {
      drawer.set(e.entity_id, rowOf(payload, DRAWER_COLUMNS));
    } else if (e.kind === 'print.queued' || jobs.has(e.entity_id)) {
      jobs.set(e.entity_id, rowOf(payload, PRINT_COLUMNS));
    } else {
      out.push({ table: 'events', key: String(e.seq), column: null, problem: 'event-inconsistent', detail: `event ${e.seq} (${e.kind} print job ${e.entity_id}): changes a print job no event queued` });
    }
  }
  compare(db, 'print_jobs', 'print job', jobs, out);
  compare(db, 'drawer_openings', 'drawer opening', drawer, out);
  return out;
}
