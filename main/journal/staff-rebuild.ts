// `journal verify` for the staff list and the shifts (migration 0300, docs/staff.md): the staff, shifts and
// cash_movements rows rebuilt from the staff.* and shift.* events alone (each carries the whole row), for rebuild.ts
// to compare with the tables.
import type { EventRow } from './events.js';

type Value = string | number | null;

export interface RebuiltRow {
  values: Record<string, Value>;
  approx: Set<string>;
  unknown: Set<string>;
  createdBy: number;
}

export interface StaffRebuildState {
  staff: Map<string, RebuiltRow>;
  shifts: Map<string, RebuiltRow>;
  cashMovements: Map<string, RebuiltRow>;
}

type Payload = Record<string, unknown>;

const str = (v: unknown): Value => (typeof v === 'string' ? v : null);
const num = (v: unknown): Value => (typeof v === 'number' ? v : null);
const bool = (v: unknown): Value => (v === true ? 1 : 0);
const row = (values: Record<string, Value>, createdBy: number): RebuiltRow => ({ values, approx: new Set(), unknown: new Set(), createdBy });

function staffRow(p: Payload, createdBy: number): RebuiltRow {
  return row({
    id: str(p.id), name: str(p.name), role: str(p.role), pin_hash: str(p.pinHash), active: bool(p.active), must_change_pin: bool(p.mustChangePin),
    created_at: num(p.createdAt), updated_at: num(p.updatedAt),
  }, createdBy);
}

function shiftRow(p: Payload, createdBy: number): RebuiltRow {
  return row({
    id: num(p.id), status: str(p.status), currency: str(p.currency), opened_by: str(p.openedBy), opened_at: num(p.openedAt), float_cents: num(p.floatCents),
    float_counts: str(p.floatCounts), closed_by: str(p.closedBy), closed_at: num(p.closedAt), counted_cents: num(p.countedCents), counted_counts: str(p.countedCounts),
    expected_cents: num(p.expectedCents), variance_cents: num(p.varianceCents), variance_approved_by: str(p.varianceApprovedBy),
  }, createdBy);
}

export function applyStaffEvent(st: StaffRebuildState, e: EventRow, p: Payload, inconsistent: (detail: string) => void): void {
  if (e.entity === 'staff') {
    if (String(p.id) !== e.entity_id) return inconsistent(`is for staff ${String(p.id)}`);
    if (e.kind === 'staff.added') {
      if (st.staff.has(e.entity_id)) return inconsistent('adds a staff member who already exists');
      st.staff.set(e.entity_id, staffRow(p, e.seq));
    } else if (e.kind === 'staff.updated') {
      const before = st.staff.get(e.entity_id);
      if (!before) return inconsistent('updates a staff member no event added');
      st.staff.set(e.entity_id, { ...staffRow(p, before.createdBy) });
    }
    return;
  }
  if (e.entity !== 'shift') return;
  if (e.kind === 'shift.opened' || e.kind === 'shift.closed') {
    if (String(p.id) !== e.entity_id) return inconsistent(`is for shift ${String(p.id)}`);
    const before = st.shifts.get(e.entity_id);
    if (e.kind === 'shift.closed' && !before) return inconsistent('closes a shift no event opened');
    st.shifts.set(e.entity_id, shiftRow(p, before?.createdBy ?? e.seq));
  } else if (e.kind === 'shift.cash_moved') {
    if (!st.shifts.has(e.entity_id)) return inconsistent('moves cash in a shift no event opened');
    st.cashMovements.set(String(p.id), row({
      id: num(p.id), shift_id: num(p.shiftId), kind: str(p.kind), amount_cents: num(p.amountCents), reason: str(p.reason), staff_id: str(p.staffId), created_at: num(p.createdAt),
    }, e.seq));
  }
}

/** The tables these events rebuild, in rebuild.ts's TABLES form. */
export const STAFF_TABLES = [
  { table: 'staff', state: 'staff', key: (r: Record<string, Value>) => String(r.id), order: 'id', label: 'staff member' },
  { table: 'shifts', state: 'shifts', key: (r: Record<string, Value>) => String(r.id), order: 'id', label: 'shift' },
  { table: 'cash_movements', state: 'cashMovements', key: (r: Record<string, Value>) => String(r.id), order: 'id', label: 'pay-in or pay-out' },
] as const;
