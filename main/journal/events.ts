// The hash-chained event log. Every journal write appends its event inside the same transaction.
// hash = sha256(prev_hash + canonical JSON of {seq, at, kind, entity, entity_id, payload}); the first event's
// prev_hash is 64 zeros. verifyChain() walks the whole log and names the first link that does not hold.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import type { Journal } from './database.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface NewEvent {
  kind: string;
  /** `terminal` and `manager` events (clock warnings, PIN lockout) change no table; verify skips them when rebuilding. */
  entity: 'sale' | 'attempt' | 'refund' | 'return' | 'day_close' | 'terminal' | 'manager' | 'staff' | 'shift' | 'print_job' | 'drawer' | 'tax_override';
  entityId: number | string;
  payload: { [key: string]: JsonValue | undefined };
}

export interface EventRow {
  seq: number;
  at: number;
  kind: string;
  entity: string;
  entity_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

export type ChainVerdict = { ok: true; events: number } | { ok: false; firstBrokenSeq: number; reason: string };

export function eventHash(
  prevHash: string,
  e: Omit<EventRow, 'prev_hash' | 'hash' | 'payload'>,
  payload: JsonValue | NewEvent['payload'],
): string {
  const body = canonicalJson({ seq: e.seq, at: e.at, kind: e.kind, entity: e.entity, entity_id: e.entity_id, payload });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Appends one event. Call only inside `journal.write()`, together with the change it records. */
export function appendEvent(journal: Journal, event: NewEvent): EventRow {
  const head = journal.statement('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (head?.seq ?? 0) + 1,
    at: journal.clock.now(),
    kind: event.kind,
    entity: event.entity,
    entity_id: String(event.entityId),
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const payload = canonicalJson(event.payload);
  const hash = eventHash(prevHash, row, event.payload);
  const full: EventRow = { ...row, payload, prev_hash: prevHash, hash };
  journal
    .statement(
      `INSERT INTO events (seq, at, kind, entity, entity_id, payload, prev_hash, hash)
       VALUES (@seq, @at, @kind, @entity, @entity_id, @payload, @prev_hash, @hash)`,
    )
    .run(full);
  return full;
}

function checkLink(row: EventRow, expectedSeq: number, prevHash: string): string | undefined {
  if (row.seq !== expectedSeq) return `sequence gap: expected ${expectedSeq}, found ${row.seq}`;
  if (row.prev_hash !== prevHash) return 'prev_hash does not match the previous event';
  let payload: JsonValue;
  try {
    payload = JSON.parse(row.payload) as JsonValue;
  } catch {
    return 'payload is not JSON';
  }
  if (eventHash(prevHash, row, payload) !== row.hash) return 'hash does not match the event content';
  return undefined;
}

/**
 * Checks every link. Limits: deleting events from the very end leaves a shorter but valid chain; compare the
 * count with an external copy (printed Z reports carry it) to detect that.
 */
export function verifyChain(journal: Pick<Journal, 'db'>): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const rows = journal.db.prepare('SELECT * FROM events ORDER BY seq').iterate() as IterableIterator<EventRow>;
  for (const row of rows) {
    const reason = checkLink(row, expectedSeq, prevHash);
    if (reason) return { ok: false, firstBrokenSeq: Math.min(row.seq, expectedSeq), reason };
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, events: expectedSeq - 1 };
}
