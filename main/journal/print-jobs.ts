// The print queue's rows (migration 0200, docs/printing.md "The queue"): a slip is queued before any byte goes to
// the printer and leaves the queue only as printed or skipped, each change one event in the hash chain carrying
// everything the row then holds, so `journal verify` rebuilds the table (rebuild.ts). A failed try is journaled only
// when its fault differs from the last one: a printer that stays offline does not write an event per retry.
import type { Journal } from './database.js';
import { JournalInputError, JournalNotFoundError } from './errors.js';
import { appendEvent } from './events.js';

export type PrintJobKind = 'sale' | 'refund' | 'z-report' | 'test';
export type PrintJobState = 'queued' | 'printed' | 'skipped';

export interface PrintJobRecord {
  id: number;
  kind: PrintJobKind;
  saleId: number | null;
  refundId: number | null;
  zNumber: number | null;
  reprint: boolean;
  requestedBy: string;
  createdAt: number;
  state: PrintJobState;
  /** The last try's fault (paper-out, cover-open, offline, timeout, not-configured); null until one failed. */
  fault: string | null;
  updatedAt: number;
  /** Who skipped it; null otherwise. */
  doneBy: string | null;
}

export interface NewPrintJob {
  kind: PrintJobKind;
  saleId?: number;
  refundId?: number;
  zNumber?: number;
  reprint?: boolean;
  requestedBy: string;
}

const SELECT = `SELECT id, kind, sale_id AS saleId, refund_id AS refundId, z_number AS zNumber, reprint, requested_by AS requestedBy,
  created_at AS createdAt, state, fault, updated_at AS updatedAt, done_by AS doneBy FROM print_jobs`;

type Row = Omit<PrintJobRecord, 'reprint'> & { reprint: number };
const toRecord = (r: Row): PrintJobRecord => ({ ...r, reprint: r.reprint === 1 });

function payloadOf(r: PrintJobRecord) {
  return { ...r };
}

export function getPrintJob(journal: Journal, id: number): PrintJobRecord {
  const row = journal.statement(`${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new JournalNotFoundError('print job', id);
  return toRecord(row);
}

/** Queued slips, oldest first: the order they print in. */
export function queuedPrintJobs(journal: Journal): PrintJobRecord[] {
  return (journal.statement(`${SELECT} WHERE state = 'queued' ORDER BY id`).all() as Row[]).map(toRecord);
}

export function queuedPrintJobCount(journal: Journal): number {
  return (journal.statement(`SELECT count(*) AS n FROM print_jobs WHERE state = 'queued'`).get() as { n: number }).n;
}

export function recentPrintJobs(journal: Journal, limit = 20): PrintJobRecord[] {
  return (journal.statement(`${SELECT} ORDER BY id DESC LIMIT ?`).all(limit) as Row[]).map(toRecord);
}

export function insertPrintJob(journal: Journal, input: NewPrintJob): PrintJobRecord {
  if (!input.requestedBy.trim()) throw new JournalInputError('requestedBy', 'a print job needs who asked for it');
  return journal.write(() => {
    const now = journal.clock.now();
    const info = journal
      .statement(`INSERT INTO print_jobs (kind, sale_id, refund_id, z_number, reprint, requested_by, created_at, state, fault, updated_at, done_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', NULL, ?, NULL)`)
      .run(input.kind, input.saleId ?? null, input.refundId ?? null, input.zNumber ?? null, input.reprint ? 1 : 0, input.requestedBy, now, now);
    const record = getPrintJob(journal, Number(info.lastInsertRowid));
    appendEvent(journal, { kind: 'print.queued', entity: 'print_job', entityId: record.id, payload: payloadOf(record) });
    return record;
  });
}

function finish(journal: Journal, id: number, state: 'printed' | 'skipped', doneBy: string | null): PrintJobRecord {
  return journal.write(() => {
    const job = getPrintJob(journal, id);
    if (job.state !== 'queued') return job;
    const now = journal.clock.now();
    journal.statement(`UPDATE print_jobs SET state = ?, updated_at = ?, done_by = ? WHERE id = ?`).run(state, now, doneBy, id);
    const record = getPrintJob(journal, id);
    appendEvent(journal, { kind: state === 'printed' ? 'print.printed' : 'print.skipped', entity: 'print_job', entityId: id, payload: payloadOf(record) });
    return record;
  });
}

export function markPrintJobPrinted(journal: Journal, id: number): PrintJobRecord {
  return finish(journal, id, 'printed', null);
}

/** The cashier chose not to print it (the customer left, or it was reprinted another way): who, journaled. */
export function markPrintJobSkipped(journal: Journal, id: number, by: string): PrintJobRecord {
  return finish(journal, id, 'skipped', by);
}

/** A try failed: the fault is journaled when it differs from the last one. */
export function markPrintJobFault(journal: Journal, id: number, fault: string): PrintJobRecord {
  return journal.write(() => {
    const job = getPrintJob(journal, id);
    if (job.state !== 'queued' || job.fault === fault) return job;
    journal.statement(`UPDATE print_jobs SET fault = ?, updated_at = ? WHERE id = ?`).run(fault, journal.clock.now(), id);
    const record = getPrintJob(journal, id);
    appendEvent(journal, { kind: 'print.failed', entity: 'print_job', entityId: id, payload: payloadOf(record) });
    return record;
  });
}

export interface DrawerOpeningRecord {
  id: number;
  openedAt: number;
  openedBy: string;
  approvedBy: string | null;
  /** 'cash-sale' (a cash tender) or 'manager' (a manager's "open drawer", approval drawer-open), plus a note. */
  reason: string;
  saleId: number | null;
  /** 'sent', or the fault that kept the pulse from reaching the printer. */
  result: string;
}

export function insertDrawerOpening(journal: Journal, input: Omit<DrawerOpeningRecord, 'id' | 'openedAt'>): DrawerOpeningRecord {
  return journal.write(() => {
    const openedAt = journal.clock.now();
    const info = journal
      .statement(`INSERT INTO drawer_openings (opened_at, opened_by, approved_by, reason, sale_id, result) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(openedAt, input.openedBy, input.approvedBy, input.reason, input.saleId, input.result);
    const record: DrawerOpeningRecord = { id: Number(info.lastInsertRowid), openedAt, ...input };
    appendEvent(journal, { kind: 'drawer.opened', entity: 'drawer', entityId: record.id, payload: { ...record } });
    return record;
  });
}

export function drawerOpenings(journal: Journal, limit = 50): DrawerOpeningRecord[] {
  return journal
    .statement(`SELECT id, opened_at AS openedAt, opened_by AS openedBy, approved_by AS approvedBy, reason, sale_id AS saleId, result FROM drawer_openings ORDER BY id DESC LIMIT ?`)
    .all(limit) as DrawerOpeningRecord[];
}
