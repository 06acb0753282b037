// Staff from the store (docs/store.md "Staff"): the managers' one staff list (pos_store.staff, store migration 0030),
// and each terminal's pull of it into its own journal. The pull journals what changed as the terminal's own
// `staff.added` / `staff.updated` events (main/journal/staff-records.ts, the same shapes the Staff tab writes), so
// `journal verify` rebuilds them and sign-in keeps working offline from the terminal's copy. The store wins for the
// people it manages (ids `st<n>`): a role, PIN hash or disabling made in the store replaces the terminal's copy at the
// next sync. A PIN is only ever a scrypt hash here; hashing and comparing PINs is the caller's (main/staff/pin-hash.ts).
import type pg from 'pg';
import { isStaffRole, type StaffRole } from '../../preload/staff-roles.js';
import type { ErrorCode } from '../../preload/error-codes.js';
import type { Journal } from '../journal/database.js';
import { getStaffRecord, insertStaff, updateStaff } from '../journal/staff-records.js';

export interface StoreStaffMember {
  id: string;
  name: string;
  role: StaffRole;
  pinHash: string;
  active: boolean;
  updatedAt: string;
}

export class StoreStaffError extends Error {
  constructor(readonly code: Extract<ErrorCode, 'STAFF_NAME_TAKEN' | 'PIN_TAKEN' | 'STAFF_NOT_FOUND' | 'LAST_MANAGER'>, message: string) {
    super(message);
    this.name = 'StoreStaffError';
  }
}

const STAFF_SQL = 'SELECT id, name, role, pin_hash, active, updated_at FROM pos_store.staff ORDER BY created_at, id';

function toMember(r: Record<string, unknown>): StoreStaffMember {
  const role = String(r.role);
  if (!isStaffRole(role)) throw new Error(`store staff ${String(r.id)} has an unknown role`);
  return { id: String(r.id), name: String(r.name), role, pinHash: String(r.pin_hash), active: r.active === true, updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at) };
}

/** The store's staff list, disabled people too (a terminal's role and the managers' may read it). */
export async function listStoreStaff(client: pg.ClientBase): Promise<StoreStaffMember[]> {
  return (await client.query(STAFF_SQL)).rows.map(toMember);
}

/**
 * Adds a person (the managers' role only: PostgreSQL refuses a terminal's). `samePin` says whether the new PIN is the
 * one a stored hash was made from: PINs alone sign in, so two active people never share one.
 */
export async function addStoreStaff(client: pg.ClientBase, input: { name: string; role: StaffRole; pinHash: string; samePin: (storedHash: string) => boolean }): Promise<StoreStaffMember> {
  const name = input.name.trim();
  const active = (await listStoreStaff(client)).filter((m) => m.active);
  if (active.some((m) => m.name.toLocaleLowerCase() === name.toLocaleLowerCase())) throw new StoreStaffError('STAFF_NAME_TAKEN', `Someone called ${name} is already on the store's staff list.`);
  if (active.some((m) => input.samePin(m.pinHash))) throw new StoreStaffError('PIN_TAKEN', 'Someone else on the store\'s staff list already uses that PIN; choose another.');
  try {
    const r = await client.query('INSERT INTO pos_store.staff (name, role, pin_hash) VALUES ($1, $2, $3) RETURNING id, name, role, pin_hash, active, updated_at', [name, input.role, input.pinHash]);
    return toMember(r.rows[0] as Record<string, unknown>);
  } catch (error) {
    // Two managers adding the same name at once: the unique index decides.
    if ((error as { code?: string }).code === '23505') throw new StoreStaffError('STAFF_NAME_TAKEN', `Someone called ${name} is already on the store's staff list.`);
    throw error;
  }
}

/** Disables an active person by name; never the store's last active manager. */
export async function disableStoreStaff(client: pg.ClientBase, name: string): Promise<StoreStaffMember> {
  const want = name.trim().toLocaleLowerCase();
  const active = (await listStoreStaff(client)).filter((m) => m.active);
  const who = active.find((m) => m.name.toLocaleLowerCase() === want);
  if (!who) throw new StoreStaffError('STAFF_NOT_FOUND', `Nobody called ${name.trim()} is active on the store's staff list.`);
  if (who.role === 'manager' && active.filter((m) => m.role === 'manager').length === 1) {
    throw new StoreStaffError('LAST_MANAGER', 'This is the store\'s only manager; add another manager first.');
  }
  const r = await client.query(
    'UPDATE pos_store.staff SET active = false, updated_at = now(), changed_by_role = session_user WHERE id = $1 AND active RETURNING id, name, role, pin_hash, active, updated_at', [who.id],
  );
  if (r.rowCount === 0) throw new StoreStaffError('STAFF_NOT_FOUND', `Nobody called ${name.trim()} is active on the store's staff list.`);
  return toMember(r.rows[0] as Record<string, unknown>);
}

/**
 * A terminal's pull: journals each store person who is new here or differs from the terminal's copy (role, PIN hash,
 * active). Returns how many records it wrote. A store without the staff table yet (an older store schema) has no list.
 */
export async function pullStoreStaff(journal: Journal, client: pg.ClientBase): Promise<number> {
  let members: StoreStaffMember[];
  try {
    members = await listStoreStaff(client);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return 0; // store schema before migration 0030
    throw error;
  }
  let changed = 0;
  for (const m of members) {
    const local = getStaffRecord(journal, m.id);
    if (!local) {
      if (!m.active) continue; // never here while active: nothing to keep
      insertStaff(journal, { id: m.id, name: m.name, role: m.role, pinHash: m.pinHash });
      changed += 1;
    } else if (local.role !== m.role || local.pinHash !== m.pinHash || local.active !== m.active || local.mustChangePin) {
      updateStaff(journal, m.id, { role: m.role, pinHash: m.pinHash, active: m.active, mustChangePin: false });
      changed += 1;
    }
  }
  return changed;
}
