// How an outbox batch's rows land in the store (docs/store.md "Push"): one statement per table, the rows sent as
// one JSON array and unpacked by json_to_recordset, upserted on (terminal_id, the terminal's key). Sale lines and
// taxes are replaced per sale (a line can be removed). Store days are computed here, in the terminal's zone, with
// the journal's own storeDayOf, so a store report groups by exactly the day the terminal's own report would.
import type pg from 'pg';
import type { OutboxBatch, StoreRow } from '../journal/store-outbox.js';
import { storeDayOf } from '../journal/store-day.js';

type Columns = Record<string, 'bigint' | 'text' | 'date' | 'boolean' | 'jsonb'>;

interface TableSpec {
  table: string;
  key: string[];
  columns: Columns;
  /** Immutable rows (a Z): insert once, never update. */
  insertOnly?: boolean;
}

const SALES: TableSpec = {
  table: 'sales', key: ['id'],
  columns: { id: 'bigint', cashier: 'text', status: 'text', currency: 'text', subtotal_cents: 'bigint', total_cents: 'bigint', created_at: 'bigint', closed_at: 'bigint', closed_day: 'date', period: 'bigint', tax_province: 'text', prices_include_tax: 'boolean', discount_cents: 'bigint' },
};
const LINES: TableSpec = {
  table: 'sale_lines', key: ['sale_id', 'line_no'],
  columns: { sale_id: 'bigint', line_no: 'bigint', sku: 'text', gtin: 'text', name: 'text', unit_price_cents: 'bigint', quantity: 'bigint', line_total_cents: 'bigint', tax_class: 'text' },
};
const TAXES: TableSpec = {
  table: 'sale_taxes', key: ['sale_id', 'position'],
  columns: { sale_id: 'bigint', position: 'bigint', code: 'text', rate_per_100k: 'bigint', classes: 'text', base_cents: 'bigint', amount_cents: 'bigint' },
};
const ATTEMPTS: TableSpec = {
  table: 'attempts', key: ['id'],
  columns: {
    id: 'bigint', sale_id: 'bigint', tender: 'text', channel: 'text', amount_cents: 'bigint', currency: 'text', mch_order_no: 'text', state: 'text', needs_action: 'boolean',
    code_last4: 'text', failure_code: 'text', cash_tendered_cents: 'bigint', change_cents: 'bigint', cashier: 'text', created_at: 'bigint', updated_at: 'bigint',
    finalized_at: 'bigint', final_day: 'date', attached: 'boolean', released: 'boolean', period: 'bigint', rounding_cents: 'bigint',
  },
};
const REFUNDS: TableSpec = {
  table: 'refunds', key: ['id'],
  columns: { id: 'bigint', attempt_id: 'bigint', mch_refund_no: 'text', amount_cents: 'bigint', currency: 'text', reason: 'text', state: 'text', approved_by: 'text', created_at: 'bigint', updated_at: 'bigint', finalized_at: 'bigint', final_day: 'date', period: 'bigint', refunded_net_cents: 'bigint', refunded_taxes: 'jsonb' },
};
const DAY_CLOSES: TableSpec = {
  table: 'day_closes', key: ['z_number'], insertOnly: true,
  columns: { z_number: 'bigint', store_day: 'date', time_zone: 'text', closed_at: 'bigint', closed_by: 'text', cash_currency: 'text', expected_cash_cents: 'bigint', counted_cash_cents: 'bigint', difference_cents: 'bigint', totals_json: 'jsonb', event_count: 'bigint', head_hash: 'text' },
};

function upsertSql(spec: TableSpec): string {
  const names = Object.keys(spec.columns);
  const record = names.map((n) => `${n} ${spec.columns[n]}`).join(', ');
  const conflict = `(terminal_id, ${spec.key.join(', ')})`;
  const update = names.filter((n) => !spec.key.includes(n)).map((n) => `${n} = EXCLUDED.${n}`).join(', ');
  return `INSERT INTO pos_store.${spec.table} (terminal_id, ${names.join(', ')})
    SELECT $1, ${names.map((n) => `x.${n}`).join(', ')} FROM json_to_recordset($2::json) AS x(${record})
    ON CONFLICT ${conflict} DO ${spec.insertOnly ? 'NOTHING' : `UPDATE SET ${update}`}`;
}

const SQL = new Map<TableSpec, string>();
function sqlFor(spec: TableSpec): string {
  let sql = SQL.get(spec);
  if (!sql) SQL.set(spec, (sql = upsertSql(spec)));
  return sql;
}

const bool = (v: StoreRow[string] | undefined) => v === 1 || v === '1';
const day = (ms: StoreRow[string] | undefined, timeZone: string) => (typeof ms === 'number' ? storeDayOf(ms, timeZone) : null);

/** SQLite's 0/1 as booleans, the store days added, Z totals as JSON. */
function shaped(batch: OutboxBatch, timeZone: string) {
  return {
    sales: batch.sales.map((r) => ({ ...r, prices_include_tax: bool(r.prices_include_tax), closed_day: day(r.closed_at, timeZone) })),
    attempts: batch.attempts.map((r) => ({ ...r, needs_action: bool(r.needs_action), attached: bool(r.attached), released: bool(r.released), final_day: day(r.finalized_at, timeZone) })),
    refunds: batch.refunds.map((r) => ({ ...r, final_day: day(r.finalized_at, timeZone), refunded_taxes: typeof r.refunded_taxes === 'string' ? (JSON.parse(r.refunded_taxes) as unknown) : null })),
    dayCloses: batch.dayCloses.map((r) => ({ ...r, totals_json: JSON.parse(String(r.totals_json)) as unknown })),
  };
}

async function put(client: pg.ClientBase, spec: TableSpec, terminalId: string, rows: readonly object[]): Promise<void> {
  if (rows.length > 0) await client.query(sqlFor(spec), [terminalId, JSON.stringify(rows)]);
}

/** Writes a batch's events and rows; call inside the push's transaction. */
export async function writeBatch(client: pg.ClientBase, terminalId: string, timeZone: string, batch: OutboxBatch): Promise<void> {
  const events = batch.events.map((e) => ({ seq: e.seq, at: e.at, kind: e.kind, entity: e.entity, entity_id: e.entity_id, payload: e.payload, prev_hash: e.prev_hash, hash: e.hash }));
  await client.query(
    `INSERT INTO pos_store.events (terminal_id, seq, at, kind, entity, entity_id, payload, prev_hash, hash)
     SELECT $1, x.seq, x.at, x.kind, x.entity, x.entity_id, x.payload, x.prev_hash, x.hash
     FROM json_to_recordset($2::json) AS x(seq bigint, at bigint, kind text, entity text, entity_id text, payload text, prev_hash text, hash text)`,
    [terminalId, JSON.stringify(events)],
  );
  const rows = shaped(batch, timeZone);
  await put(client, SALES, terminalId, rows.sales);
  if (batch.saleIds.length > 0) {
    await client.query('DELETE FROM pos_store.sale_lines WHERE terminal_id = $1 AND sale_id = ANY($2::bigint[])', [terminalId, batch.saleIds]);
    await client.query('DELETE FROM pos_store.sale_taxes WHERE terminal_id = $1 AND sale_id = ANY($2::bigint[])', [terminalId, batch.saleIds]);
  }
  await put(client, LINES, terminalId, batch.lines);
  await put(client, TAXES, terminalId, batch.taxes);
  await put(client, ATTEMPTS, terminalId, rows.attempts);
  await put(client, REFUNDS, terminalId, rows.refunds);
  await put(client, DAY_CLOSES, terminalId, rows.dayCloses);
}
