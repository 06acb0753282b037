// Push this terminal's outbox to the store (docs/store.md "Push"). Always resumes from what the STORE holds (its
// head seq and hash for this terminal), so an acknowledgement lost to a kill (the store committed, the journal never
// heard) costs nothing: the journal's acked seq catches up, nothing is sent twice, and the store's primary key on
// (terminal_id, seq) would refuse a duplicate anyway. Each batch is one PostgreSQL transaction (events and their
// rows together) under a per-terminal advisory lock; the journal is acknowledged only after COMMIT.
// Before anything is sent the chain is checked with the journal's own eventHash: the events must continue the
// store's head, each linked and each hash matching its content. A journal that does not continue (restored from a
// backup, replaced, edited) is quarantined in the store with the reason, and nothing more of it is merged.
// Once everything is sent, the store's staff list is pulled into the journal (store-staff.ts) and those events sent too.
import type pg from 'pg';
import { journalIdOf, type Journal } from '../journal/database.js';
import { eventHash, type EventRow } from '../journal/events.js';
import type { JsonValue } from '../journal/canonical-json.js';
import { acknowledge, eventAt, notePushProblem, outboxState, readOutboxBatch } from '../journal/store-outbox.js';
import type { Logger } from '../shared/logger.js';
import { describePgError, StoreSetupError } from './store-errors.js';
import { writeBatch } from './store-rows.js';
import { withRefundSplits } from './store-refund-tax.js';
import { pullStoreStaff } from './store-staff.js';

export interface PushOptions {
  /** Events per transaction. */
  batchSize?: number;
  logger?: Logger;
  /**
   * Called inside each batch's transaction once its events and rows are written, before COMMIT, and again after
   * COMMIT before the journal is acknowledged. The chaos test's children (`pos store sync --hold`) wait there for
   * the test's word, so a SIGKILL lands exactly at those points; the app and the CLI pass nothing.
   */
  checkpoints?: PushCheckpoints;
}

export interface PushCheckpoints {
  beforeCommit?: (batch: { fromSeq: number; toSeq: number }) => Promise<void>;
  afterCommit?: (batch: { fromSeq: number; toSeq: number }) => Promise<void>;
}

export type PushResult =
  | { outcome: 'synced'; pushed: number; storeHead: number; localHead: number; /** Staff records the store's list changed here. */ staffChanged: number }
  | { outcome: 'quarantined'; reason: string; storeHead: number; localHead: number };

interface StoreHead {
  terminalId: string;
  seq: number;
  hash: string;
  journalId: string | null;
  quarantineReason: string | null;
}

async function readHead(client: pg.ClientBase, terminalId: string): Promise<StoreHead> {
  const r = await client.query(`SELECT terminal_id, head_seq, head_hash, journal_id, quarantined_at, quarantine_reason FROM pos_store.terminals`);
  if (r.rowCount === 0) throw new StoreSetupError(`the store knows no terminal for this connection: run \`pos store init --terminal ${terminalId}\` and use the connection string it prints`);
  if ((r.rowCount ?? 0) > 1) throw new StoreSetupError('this store connection sees every terminal: it is a manager\'s; a terminal syncs with its own connection string (pos store init prints it)');
  const row = r.rows[0] as { terminal_id: string; head_seq: string; head_hash: string; journal_id: string | null; quarantined_at: Date | null; quarantine_reason: string | null };
  if (row.terminal_id !== terminalId) throw new StoreSetupError(`this store connection belongs to terminal ${row.terminal_id}, but this data folder is terminal ${terminalId}`);
  return { terminalId, seq: Number(row.head_seq), hash: row.head_hash, journalId: row.journal_id, quarantineReason: row.quarantined_at ? (row.quarantine_reason ?? 'quarantined') : null };
}

/** Why the journal does not continue the store's chain, or undefined when it does. */
function continuityProblem(journal: Journal, head: StoreHead, localHead: number): string | undefined {
  const t = head.terminalId;
  const journalId = journalIdOf(journal);
  if (head.journalId && journalId && head.journalId !== journalId) {
    return `terminal ${t} now has a different journal (id ${journalId.slice(0, 8)}) from the one it synced before (id ${head.journalId.slice(0, 8)}): a replaced journal file is never merged into the store`;
  }
  if (localHead < head.seq) {
    return `the store already holds ${head.seq} events from terminal ${t}, but its journal has only ${localHead}: the journal was restored from an older backup or replaced; nothing from it is merged`;
  }
  if (head.seq > 0 && eventAt(journal, head.seq)?.hash !== head.hash) {
    return `event ${head.seq} in terminal ${t}'s journal is not the event the store received as ${head.seq}: the journal was restored from a backup or edited; nothing from it is merged`;
  }
  return undefined;
}

/** The first event of the batch that does not continue `from`, in words, or undefined. */
function brokenLink(terminalId: string, events: EventRow[], from: { seq: number; hash: string }): string | undefined {
  let prev = from;
  for (const e of events) {
    let problem: string | undefined;
    if (e.seq !== prev.seq + 1) problem = `is missing (the next event is ${e.seq})`;
    else if (e.prev_hash !== prev.hash) problem = 'does not link to the event before it';
    else {
      try {
        if (eventHash(prev.hash, e, JSON.parse(e.payload) as JsonValue) !== e.hash) problem = 'does not match its own hash';
      } catch {
        problem = 'is not readable';
      }
    }
    if (problem) return `event ${prev.seq + 1} of terminal ${terminalId}'s journal ${problem}: the journal file was edited after it was written; nothing from event ${prev.seq + 1} on is merged into the store`;
    prev = e;
  }
  return undefined;
}

async function quarantine(client: pg.ClientBase, journal: Journal, reason: string, head: StoreHead, localHead: number, logger?: Logger): Promise<PushResult> {
  await client.query('SELECT pos_store.quarantine($1)', [reason]);
  notePushProblem(journal, { error: reason, quarantineReason: reason });
  logger?.error('terminal quarantined by the store', { terminal: head.terminalId, reason });
  return { outcome: 'quarantined', reason, storeHead: head.seq, localHead };
}

async function reportSync(client: pg.ClientBase, journal: Journal, localHead: number): Promise<void> {
  await client.query('SELECT pos_store.report_sync($1, $2, $3)', [localHead, journalIdOf(journal) ?? null, journal.timeZone]);
}

function span(batch: ReturnType<typeof readOutboxBatch>): { fromSeq: number; toSeq: number } {
  return { fromSeq: batch.events[0]?.seq ?? 0, toSeq: batch.events[batch.events.length - 1]?.seq ?? 0 };
}

/** One batch in one transaction; false when another sync of this terminal moved the head first (start over). */
async function pushBatch(client: pg.ClientBase, journal: Journal, head: StoreHead, batch: ReturnType<typeof readOutboxBatch>, localHead: number, checkpoints?: PushCheckpoints): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pos_store:${head.terminalId}`]);
    const now = await readHead(client, head.terminalId);
    if (now.seq !== head.seq || now.quarantineReason) {
      await client.query('ROLLBACK');
      return false;
    }
    await writeBatch(client, head.terminalId, journal.timeZone, batch);
    await reportSync(client, journal, localHead);
    await checkpoints?.beforeCommit?.(span(batch));
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined); // the connection may be gone; the server rolls back itself
    throw error;
  }
}

/** Pushes every unsent event now. Throws on a connection or setup problem (the caller retries with backoff). */
export async function pushOutbox(journal: Journal, pool: pg.Pool, options: PushOptions = {}): Promise<PushResult> {
  const batchSize = options.batchSize ?? 1000;
  const client = await pool.connect();
  let broken: unknown;
  try {
    let pushed = 0;
    let staffChanged: number | undefined;
    for (;;) {
      const localHead = outboxState(journal).headSeq;
      const head = await readHead(client, journal.terminalId);
      if (head.quarantineReason) {
        notePushProblem(journal, { error: head.quarantineReason, quarantineReason: head.quarantineReason });
        return { outcome: 'quarantined', reason: head.quarantineReason, storeHead: head.seq, localHead };
      }
      const problem = continuityProblem(journal, head, localHead);
      if (problem) return await quarantine(client, journal, problem, head, localHead, options.logger);
      // The store's head is the truth: an acknowledgement lost to a kill, or a store restored from its backup.
      if (outboxState(journal).ackedSeq !== head.seq) acknowledge(journal, head.seq, head.hash);
      const read = readOutboxBatch(journal, head.seq, batchSize);
      const batch = { ...read, refunds: withRefundSplits(journal, read.refunds) };
      if (batch.events.length === 0) {
        // Everything sent: now the store's staff list, journaled here as staff events, which the next round sends.
        if (staffChanged === undefined) {
          staffChanged = await pullStoreStaff(journal, client);
          if (staffChanged > 0) continue;
        }
        await reportSync(client, journal, localHead);
        acknowledge(journal, head.seq, head.hash);
        return { outcome: 'synced', pushed, storeHead: head.seq, localHead, staffChanged };
      }
      const link = brokenLink(head.terminalId, batch.events, head);
      if (link) return await quarantine(client, journal, link, head, localHead, options.logger);
      if (!(await pushBatch(client, journal, head, batch, localHead, options.checkpoints))) continue;
      await options.checkpoints?.afterCommit?.(span(batch));
      const last = batch.events[batch.events.length - 1] as EventRow;
      acknowledge(journal, last.seq, last.hash);
      pushed += batch.events.length;
    }
  } catch (error) {
    broken = error;
    if (!(error instanceof StoreSetupError)) notePushProblem(journal, { error: describePgError(error) });
    else notePushProblem(journal, { error: error.message });
    throw error;
  } finally {
    // A client whose connection failed is destroyed, not returned to the pool.
    client.release(broken instanceof Error && !(broken instanceof StoreSetupError) ? broken : undefined);
  }
}
