// The terminal's side of the store push (docs/store.md "Push"): the events are the outbox, in seq order with their
// hashes; `store_outbox` (migration 0400) remembers how far the store has acknowledged. A batch is read in ONE read
// transaction: the events after a seq, plus the current rows of every sale, attempt, refund and day close those
// events touch, so the rows are never older than the events that travel with them. Events of any other entity
// (added by later features) travel as events only: the store keeps them, its rows cover what it reports on.
import type { EventRow } from './events.js';
import type { Journal } from './database.js';

export interface OutboxState {
  ackedSeq: number;
  ackedHash: string;
  ackedAt: number | null;
  triedAt: number | null;
  lastError: string | null;
  quarantineReason: string | null;
  /** The newest event's seq in this journal. */
  headSeq: number;
}

export type StoreRow = Record<string, string | number | null>;

export interface OutboxBatch {
  events: EventRow[];
  sales: StoreRow[];
  lines: StoreRow[];
  taxes: StoreRow[];
  attempts: StoreRow[];
  refunds: StoreRow[];
  dayCloses: StoreRow[];
  /** Sale ids whose lines and taxes are replaced (a line can be removed). */
  saleIds: number[];
}

export function outboxState(journal: Journal): OutboxState {
  const row = journal.statement('SELECT acked_seq, acked_hash, acked_at, tried_at, last_error, quarantine_reason FROM store_outbox WHERE id = 1').get() as
    | { acked_seq: number; acked_hash: string; acked_at: number | null; tried_at: number | null; last_error: string | null; quarantine_reason: string | null }
    | undefined;
  const head = journal.statement('SELECT coalesce(max(seq), 0) AS seq FROM events').get() as { seq: number };
  return {
    ackedSeq: row?.acked_seq ?? 0, ackedHash: row?.acked_hash ?? '0'.repeat(64), ackedAt: row?.acked_at ?? null, triedAt: row?.tried_at ?? null,
    lastError: row?.last_error ?? null, quarantineReason: row?.quarantine_reason ?? null, headSeq: head.seq,
  };
}

/** Events not yet acknowledged by the store (the update guard's "store outbox"). */
export function unsentEventCount(journal: Journal): number {
  const s = outboxState(journal);
  return Math.max(0, s.headSeq - s.ackedSeq);
}

/** The store holds every event up to `seq` (its hash checked): remember it. No event: see migration 0400. */
export function acknowledge(journal: Journal, seq: number, hash: string): void {
  journal.write(() => {
    journal.statement('UPDATE store_outbox SET acked_seq = ?, acked_hash = ?, acked_at = ?, tried_at = ?, last_error = NULL WHERE id = 1')
      .run(seq, hash, journal.clock.now(), journal.clock.now());
  });
}

/** A push that did not finish (words for people) or a quarantine; `null` clears the error. */
export function notePushProblem(journal: Journal, problem: { error?: string | null; quarantineReason?: string | null }): void {
  journal.write(() => {
    journal.statement('UPDATE store_outbox SET tried_at = ?, last_error = ?, quarantine_reason = coalesce(?, quarantine_reason) WHERE id = 1')
      .run(journal.clock.now(), problem.error ?? null, problem.quarantineReason ?? null);
  });
}

/** One event by seq, or undefined. */
export function eventAt(journal: Journal, seq: number): EventRow | undefined {
  return journal.statement('SELECT * FROM events WHERE seq = ?').get(seq) as EventRow | undefined;
}

const SALES = `SELECT id, cashier, status, currency, subtotal_cents, total_cents, created_at, closed_at, period, tax_province,
  prices_include_tax, discount_cents FROM sales WHERE id IN (SELECT value FROM json_each(?))`;
const LINES = `SELECT sale_id, line_no, sku, gtin, name, unit_price_cents, quantity, line_total_cents, tax_class FROM sale_lines
  WHERE sale_id IN (SELECT value FROM json_each(?))`;
const TAXES = `SELECT sale_id, position, code, rate_per_100k, classes, base_cents, amount_cents FROM sale_taxes
  WHERE sale_id IN (SELECT value FROM json_each(?))`;
const ATTEMPTS = `SELECT id, sale_id, tender, channel, amount_cents, currency, mch_order_no, state, needs_action, code_last4, failure_code,
  cash_tendered_cents, change_cents, cashier, created_at, updated_at, finalized_at, attached, released, period, rounding_cents
  FROM attempts WHERE id IN (SELECT value FROM json_each(?))`;
const REFUNDS = `SELECT id, attempt_id, mch_refund_no, amount_cents, currency, reason, state, approved_by, created_at, updated_at,
  finalized_at, period FROM refunds WHERE id IN (SELECT value FROM json_each(?))`;
const DAY_CLOSES = `SELECT z_number, store_day, time_zone, closed_at, closed_by, cash_currency, expected_cash_cents, counted_cash_cents,
  difference_cents, totals_json, event_count, head_hash FROM day_closes WHERE z_number IN (SELECT value FROM json_each(?))`;

function idsOf(events: EventRow[], entity: string): number[] {
  const ids = new Set<number>();
  for (const e of events) if (e.entity === entity && /^\d+$/.test(e.entity_id)) ids.add(Number(e.entity_id));
  return [...ids];
}

/** Up to `limit` events after `afterSeq`, and the rows they touch, read in one snapshot. */
export function readOutboxBatch(journal: Journal, afterSeq: number, limit: number): OutboxBatch {
  const read = journal.db.transaction(() => {
    const events = journal.statement('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as EventRow[];
    const all = (sql: string, ids: number[]) => (ids.length === 0 ? [] : (journal.statement(sql).all(JSON.stringify(ids)) as StoreRow[]));
    const saleIds = idsOf(events, 'sale');
    const attemptIds = idsOf(events, 'attempt');
    const attempts = all(ATTEMPTS, attemptIds);
    // A payment's move can change what its sale owes; its sale travels along (the sale's own events move it too).
    for (const a of attempts) if (typeof a.sale_id === 'number' && !saleIds.includes(a.sale_id)) saleIds.push(a.sale_id);
    return {
      events, saleIds,
      sales: all(SALES, saleIds), lines: all(LINES, saleIds), taxes: all(TAXES, saleIds),
      attempts, refunds: all(REFUNDS, idsOf(events, 'refund')), dayCloses: all(DAY_CLOSES, idsOf(events, 'day_close')),
    };
  });
  return read.deferred();
}
