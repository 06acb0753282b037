// The staff list and the shifts, in the journal (docs/staff.md). Each write changes its rows and appends its
// event in one transaction; the event carries everything the row now holds, so `journal verify` rebuilds the
// tables from the events alone (staff-rebuild.ts). A PIN is only ever here as its slow salted hash.
import type { DenominationCounts } from '../../preload/cash-denominations.js';
import type { StaffRole } from '../../preload/staff-roles.js';
import type { Journal } from './database.js';
import { JournalInputError } from './errors.js';
import { appendEvent } from './events.js';
import { assertCents, assertCurrency, assertText } from './money.js';

export interface StaffRecord {
  id: string;
  name: string;
  role: StaffRole;
  pinHash: string;
  active: boolean;
  mustChangePin: boolean;
  createdAt: number;
  updatedAt: number;
}

interface StaffRow {
  id: string;
  name: string;
  role: StaffRole;
  pin_hash: string;
  active: number;
  must_change_pin: number;
  created_at: number;
  updated_at: number;
}

const toStaff = (r: StaffRow): StaffRecord => ({
  id: r.id, name: r.name, role: r.role, pinHash: r.pin_hash, active: r.active === 1, mustChangePin: r.must_change_pin === 1, createdAt: r.created_at, updatedAt: r.updated_at,
});

const staffEvent = (s: StaffRecord) => ({
  id: s.id, name: s.name, role: s.role, pinHash: s.pinHash, active: s.active, mustChangePin: s.mustChangePin, createdAt: s.createdAt, updatedAt: s.updatedAt,
});

export function listStaffRecords(journal: Journal): StaffRecord[] {
  return (journal.statement('SELECT * FROM staff ORDER BY created_at, id').all() as StaffRow[]).map(toStaff);
}

export function getStaffRecord(journal: Journal, id: string): StaffRecord | undefined {
  const row = journal.statement('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  return row ? toStaff(row) : undefined;
}

export interface NewStaff {
  /** Absent: the next `s<n>`. The factory manager keeps the id `manager` when its PIN is first changed. */
  id?: string;
  name: string;
  role: StaffRole;
  pinHash: string;
  mustChangePin?: boolean;
}

export function insertStaff(journal: Journal, input: NewStaff): StaffRecord {
  assertText('name', input.name, 64);
  if (!/^scrypt\$/.test(input.pinHash)) throw new JournalInputError('pinHash', 'must be an scrypt hash');
  return journal.write(() => {
    const n = (journal.statement('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
    let id = input.id ?? `s${n + 1}`;
    for (let k = n + 2; getStaffRecord(journal, id); k += 1) id = `s${k}`;
    const now = journal.clock.now();
    const record: StaffRecord = { id, name: input.name.trim(), role: input.role, pinHash: input.pinHash, active: true, mustChangePin: input.mustChangePin === true, createdAt: now, updatedAt: now };
    journal
      .statement('INSERT INTO staff (id, name, role, pin_hash, active, must_change_pin, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)')
      .run(record.id, record.name, record.role, record.pinHash, Number(record.mustChangePin), now, now);
    appendEvent(journal, { kind: 'staff.added', entity: 'staff', entityId: id, payload: staffEvent(record) });
    return record;
  });
}

export function updateStaff(journal: Journal, id: string, patch: Partial<Pick<StaffRecord, 'pinHash' | 'active' | 'mustChangePin' | 'role'>>): StaffRecord {
  return journal.write(() => {
    const before = getStaffRecord(journal, id);
    if (!before) throw new JournalInputError('staff', `no staff member ${id}`);
    const after: StaffRecord = { ...before, ...patch, updatedAt: journal.clock.now() };
    journal
      .statement('UPDATE staff SET role = ?, pin_hash = ?, active = ?, must_change_pin = ?, updated_at = ? WHERE id = ?')
      .run(after.role, after.pinHash, Number(after.active), Number(after.mustChangePin), after.updatedAt, id);
    appendEvent(journal, { kind: 'staff.updated', entity: 'staff', entityId: id, payload: staffEvent(after) });
    return after;
  });
}

// ---- Shifts ---------------------------------------------------------------------------------------------------

export interface ShiftRecord {
  id: number;
  status: 'open' | 'closed';
  currency: string;
  openedBy: string;
  openedAt: number;
  floatCents: number;
  floatCounts: DenominationCounts;
  closedBy: string | null;
  closedAt: number | null;
  countedCents: number | null;
  countedCounts: DenominationCounts | null;
  expectedCents: number | null;
  varianceCents: number | null;
  varianceApprovedBy: string | null;
}

export interface CashMovementRecord {
  id: number;
  shiftId: number;
  kind: 'pay_in' | 'pay_out';
  amountCents: number;
  reason: string;
  staffId: string;
  createdAt: number;
}

interface ShiftRow {
  id: number; status: 'open' | 'closed'; currency: string; opened_by: string; opened_at: number; float_cents: number; float_counts: string;
  closed_by: string | null; closed_at: number | null; counted_cents: number | null; counted_counts: string | null;
  expected_cents: number | null; variance_cents: number | null; variance_approved_by: string | null;
}

const counts = (json: string | null): DenominationCounts | null => (json === null ? null : (JSON.parse(json) as DenominationCounts));

const toShift = (r: ShiftRow): ShiftRecord => ({
  id: r.id, status: r.status, currency: r.currency, openedBy: r.opened_by, openedAt: r.opened_at, floatCents: r.float_cents, floatCounts: counts(r.float_counts) ?? {},
  closedBy: r.closed_by, closedAt: r.closed_at, countedCents: r.counted_cents, countedCounts: counts(r.counted_counts), expectedCents: r.expected_cents,
  varianceCents: r.variance_cents, varianceApprovedBy: r.variance_approved_by,
});

/** Counts as stored: only the denominations with a count, in ascending order, so the JSON is canonical. */
export function canonicalCounts(c: DenominationCounts): string {
  const keys = Object.keys(c).map(Number).sort((a, b) => a - b);
  return JSON.stringify(Object.fromEntries(keys.filter((k) => (c[`${k}` as keyof DenominationCounts] ?? 0) > 0).map((k) => [String(k), c[`${k}` as keyof DenominationCounts]])));
}

const shiftEvent = (s: ShiftRecord) => ({
  id: s.id, status: s.status, currency: s.currency, openedBy: s.openedBy, openedAt: s.openedAt, floatCents: s.floatCents, floatCounts: canonicalCounts(s.floatCounts),
  closedBy: s.closedBy, closedAt: s.closedAt, countedCents: s.countedCents, countedCounts: s.countedCounts === null ? null : canonicalCounts(s.countedCounts),
  expectedCents: s.expectedCents, varianceCents: s.varianceCents, varianceApprovedBy: s.varianceApprovedBy,
});

export function getShift(journal: Journal, id: number): ShiftRecord | undefined {
  const row = journal.statement('SELECT * FROM shifts WHERE id = ?').get(id) as ShiftRow | undefined;
  return row ? toShift(row) : undefined;
}

export function openShiftRecord(journal: Journal): ShiftRecord | undefined {
  const row = journal.statement(`SELECT * FROM shifts WHERE status = 'open'`).get() as ShiftRow | undefined;
  return row ? toShift(row) : undefined;
}

/** Shifts that opened or closed in [startMs, endMs), oldest first. */
export function shiftsInRange(journal: Journal, startMs: number, endMs: number): ShiftRecord[] {
  return (journal.statement('SELECT * FROM shifts WHERE (opened_at >= ? AND opened_at < ?) OR (closed_at >= ? AND closed_at < ?) ORDER BY id').all(startMs, endMs, startMs, endMs) as ShiftRow[]).map(toShift);
}

export function cashMovements(journal: Journal, shiftId: number): CashMovementRecord[] {
  const rows = journal.statement('SELECT * FROM cash_movements WHERE shift_id = ? ORDER BY id').all(shiftId) as Array<{ id: number; shift_id: number; kind: 'pay_in' | 'pay_out'; amount_cents: number; reason: string; staff_id: string; created_at: number }>;
  return rows.map((r) => ({ id: r.id, shiftId: r.shift_id, kind: r.kind, amountCents: r.amount_cents, reason: r.reason, staffId: r.staff_id, createdAt: r.created_at }));
}

export function insertShift(journal: Journal, input: { openedBy: string; currency: string; floatCents: number; floatCounts: DenominationCounts }): ShiftRecord {
  assertText('openedBy', input.openedBy, 64);
  assertCurrency(input.currency);
  assertCents('floatCents', input.floatCents);
  return journal.write(() => {
    if (openShiftRecord(journal)) throw new JournalInputError('shift', 'a shift is already open');
    const now = journal.clock.now();
    const info = journal
      .statement(`INSERT INTO shifts (status, currency, opened_by, opened_at, float_cents, float_counts) VALUES ('open', ?, ?, ?, ?, ?)`)
      .run(input.currency, input.openedBy, now, input.floatCents, canonicalCounts(input.floatCounts));
    const shift = getShift(journal, Number(info.lastInsertRowid)) as ShiftRecord;
    appendEvent(journal, { kind: 'shift.opened', entity: 'shift', entityId: shift.id, payload: shiftEvent(shift) });
    return shift;
  });
}

export function insertCashMovement(journal: Journal, input: Omit<CashMovementRecord, 'id' | 'createdAt'>): CashMovementRecord {
  assertCents('amountCents', input.amountCents, { positive: true });
  assertText('reason', input.reason);
  assertText('staffId', input.staffId, 64);
  return journal.write(() => {
    const shift = getShift(journal, input.shiftId);
    if (shift?.status !== 'open') throw new JournalInputError('shift', 'the shift is not open');
    const now = journal.clock.now();
    const info = journal
      .statement('INSERT INTO cash_movements (shift_id, kind, amount_cents, reason, staff_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(input.shiftId, input.kind, input.amountCents, input.reason.trim(), input.staffId, now);
    const movement: CashMovementRecord = { id: Number(info.lastInsertRowid), ...input, reason: input.reason.trim(), createdAt: now };
    appendEvent(journal, { kind: 'shift.cash_moved', entity: 'shift', entityId: input.shiftId, payload: { ...movement } });
    return movement;
  });
}

export function closeShiftRecord(
  journal: Journal,
  id: number,
  input: { closedBy: string; countedCents: number; countedCounts: DenominationCounts; expectedCents: number; varianceApprovedBy: string | null },
): ShiftRecord {
  assertCents('countedCents', input.countedCents);
  if (!Number.isSafeInteger(input.expectedCents)) throw new JournalInputError('expectedCents', 'must be integer cents');
  return journal.write(() => {
    const before = getShift(journal, id);
    if (before?.status !== 'open') throw new JournalInputError('shift', 'the shift is not open');
    const now = journal.clock.now();
    const after: ShiftRecord = {
      ...before, status: 'closed', closedBy: input.closedBy, closedAt: now, countedCents: input.countedCents, countedCounts: input.countedCounts,
      expectedCents: input.expectedCents, varianceCents: input.countedCents - input.expectedCents, varianceApprovedBy: input.varianceApprovedBy,
    };
    journal
      .statement(
        `UPDATE shifts SET status = 'closed', closed_by = ?, closed_at = ?, counted_cents = ?, counted_counts = ?, expected_cents = ?, variance_cents = ?, variance_approved_by = ? WHERE id = ?`,
      )
      .run(after.closedBy, now, after.countedCents, canonicalCounts(input.countedCounts), after.expectedCents, after.varianceCents, after.varianceApprovedBy, id);
    appendEvent(journal, { kind: 'shift.closed', entity: 'shift', entityId: id, payload: shiftEvent(after) });
    return after;
  });
}
