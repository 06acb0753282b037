// The store's own check of every terminal's chain (docs/store.md "Checks"), with the journal's eventHash: walks each
// terminal's events in seq order from the genesis hash, and names the first that does not link or does not match
// its content. PostgreSQL's foreign key already refuses gaps and forks; this catches content that was changed.
import type pg from 'pg';
import type { JsonValue } from '../journal/canonical-json.js';
import { eventHash, GENESIS_HASH, type EventRow } from '../journal/events.js';

export interface StoreChainVerdict {
  terminalId: string;
  events: number;
  ok: boolean;
  firstBrokenSeq?: number;
  reason?: string;
}

const PAGE = 5000;

async function verifyOne(client: pg.ClientBase, terminalId: string): Promise<StoreChainVerdict> {
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = (await client.query(
      'SELECT seq, at, kind, entity, entity_id, payload, prev_hash, hash FROM pos_store.events WHERE terminal_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3',
      [terminalId, expected, PAGE],
    )).rows as Array<Omit<EventRow, 'seq' | 'at'> & { seq: string; at: string }>;
    if (rows.length === 0) return { terminalId, events: expected - 1, ok: true };
    for (const r of rows) {
      const e: EventRow = { ...r, seq: Number(r.seq), at: Number(r.at) };
      let reason: string | undefined;
      if (e.seq !== expected) reason = `event ${expected} is missing`;
      else if (e.prev_hash !== prev) reason = `event ${e.seq} does not link to the event before it`;
      else {
        try {
          if (eventHash(prev, e, JSON.parse(e.payload) as JsonValue) !== e.hash) reason = `event ${e.seq} does not match its hash`;
        } catch {
          reason = `event ${e.seq} is not readable`;
        }
      }
      if (reason) return { terminalId, events: expected - 1, ok: false, firstBrokenSeq: expected, reason };
      prev = e.hash;
      expected += 1;
    }
  }
}

export async function verifyStoreChains(client: pg.ClientBase): Promise<StoreChainVerdict[]> {
  const terminals = (await client.query('SELECT terminal_id FROM pos_store.terminals ORDER BY terminal_id')).rows as Array<{ terminal_id: string }>;
  const out: StoreChainVerdict[] = [];
  for (const t of terminals) out.push(await verifyOne(client, t.terminal_id));
  return out;
}

/** Events per terminal and whether any (terminal, seq) appears twice or is missing below the head: for tests and status. */
export async function storeEventCounts(client: pg.ClientBase): Promise<Map<string, { count: number; maxSeq: number }>> {
  const rows = (await client.query('SELECT terminal_id, count(*) AS n, coalesce(max(seq), 0) AS m FROM pos_store.events GROUP BY terminal_id')).rows as Array<{ terminal_id: string; n: string; m: string }>;
  return new Map(rows.map((r) => [r.terminal_id, { count: Number(r.n), maxSeq: Number(r.m) }]));
}
