// `journal verify` for the manager's tax rate overrides (migration 0150): each tax_rate_overrides row is rebuilt from
// its `tax.override.set` and `tax.override.removed` events alone, whose payloads carry the whole row, and compared
// with the table (rebuild.ts calls this after its own tables). Read-only.
import type Database from 'better-sqlite3';
import type { EventRow } from './events.js';
import type { TableDifference } from './rebuild.js';

type Value = string | number | null;
type Row = Record<string, Value>;

const COLUMNS: Record<string, string> = {
  id: 'id', province: 'province', code: 'code', rate_per_100k: 'ratePer100k', table_rate_per_100k: 'tableRatePer100k', effective_from: 'effectiveFrom',
  reason: 'reason', created_at: 'createdAt', created_by: 'createdBy', removed_at: 'removedAt', removed_by: 'removedBy', removal_reason: 'removalReason',
};

function rowOf(payload: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [column, field] of Object.entries(COLUMNS)) {
    const v = payload[field];
    row[column] = typeof v === 'string' || typeof v === 'number' ? v : null;
  }
  return row;
}

const show = (v: Value | undefined) => (v === null || v === undefined ? 'empty' : String(v));

/** Rebuilds tax_rate_overrides from its events and names every row that differs. */
export function compareTaxOverrideTable(db: Database.Database): TableDifference[] {
  if (db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tax_rate_overrides'`).get() === undefined) return [];
  const expected = new Map<string, Row>();
  const out: TableDifference[] = [];
  const odd = (e: EventRow, detail: string) => out.push({ table: 'events', key: String(e.seq), column: null, problem: 'event-inconsistent', detail: `event ${e.seq} (${e.kind} tax rate override ${e.entity_id}): ${detail}` });
  for (const e of db.prepare(`SELECT * FROM events WHERE entity = 'tax_override' ORDER BY seq`).iterate() as IterableIterator<EventRow>) {
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(e.payload) as Record<string, unknown>;
    } catch {
      odd(e, 'payload is not JSON');
      continue;
    }
    const row = rowOf(payload);
    if (String(row.id) !== e.entity_id) odd(e, `carries override ${show(row.id)}`);
    if (e.kind === 'tax.override.set') {
      if (expected.has(e.entity_id)) odd(e, 'sets an override that already exists');
      if (row.removed_at !== null) odd(e, 'sets an override already removed');
    } else if (e.kind === 'tax.override.removed') {
      const before = expected.get(e.entity_id);
      if (!before) odd(e, 'removes an override no event set');
      else if (before.removed_at !== null) odd(e, 'removes an override already removed');
      else if (Object.keys(COLUMNS).some((c) => !c.startsWith('remov') && before[c] !== row[c])) odd(e, 'changes the override it removes');
      if (row.removed_at === null) odd(e, 'removes nothing');
    } else {
      odd(e, 'is not a tax override event');
      continue;
    }
    expected.set(e.entity_id, row);
  }
  const seen = new Set<string>();
  for (const actual of db.prepare('SELECT * FROM tax_rate_overrides ORDER BY id').iterate() as IterableIterator<Row>) {
    const key = String(actual.id);
    seen.add(key);
    const want = expected.get(key);
    if (!want) {
      out.push({ table: 'tax_rate_overrides', key, column: null, problem: 'not-in-events', detail: `tax rate override ${key}: in the table, but no event created it` });
      continue;
    }
    for (const [column, value] of Object.entries(want)) {
      if ((actual[column] ?? null) !== value) out.push({ table: 'tax_rate_overrides', key, column, problem: 'changed', detail: `tax rate override ${key}: ${column} is ${show(actual[column])} in the table, ${show(value)} in the events` });
    }
  }
  for (const key of expected.keys()) {
    if (!seen.has(key)) out.push({ table: 'tax_rate_overrides', key, column: null, problem: 'missing-from-table', detail: `tax rate override ${key}: its events created it, but it is missing from the table` });
  }
  return out;
}
