// Staff from the store (docs/store.md "Staff", docs/staff.md): one staff list for every terminal. Managers add and
// disable people here (`pos store staff`); each terminal reads the list during its sync and journals what changed
// as its own `staff.added` / `staff.updated` events, so sign-in keeps working offline from the terminal's copy.
// A PIN is only ever here as its scrypt hash (main/staff/pin-hash.ts), never the PIN. Store staff ids are `st<n>`, so
// they never meet a terminal's own `s<n>` ids. RLS: terminals read the list, only the managers write it; nobody
// deletes (a disabled person stays: old sales name them).
import { ident, type StoreRoles } from '../store-roles.js';
import type { StoreMigration } from '../store-migrate.js';

function sql(r: StoreRoles): string {
  const t = ident(r.terminals);
  const m = ident(r.managers);
  return `
    CREATE SEQUENCE pos_store.staff_ids;
    CREATE TABLE pos_store.staff (
      id text PRIMARY KEY DEFAULT 'st' || nextval('pos_store.staff_ids') CHECK (id ~ '^st[0-9]+$'),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 64),
      role text NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager')),
      pin_hash text NOT NULL CHECK (pin_hash ~ '^scrypt\\$[0-9a-f]{32}\\$[0-9a-f]{64}$'),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      changed_by_role text NOT NULL DEFAULT session_user
    );
    ALTER SEQUENCE pos_store.staff_ids OWNED BY pos_store.staff.id;
    -- Names are unique among active people, as on a terminal (case-insensitive).
    CREATE UNIQUE INDEX staff_active_name ON pos_store.staff (lower(name)) WHERE active;

    ALTER TABLE pos_store.staff ENABLE ROW LEVEL SECURITY;
    CREATE POLICY staff_terminals_read ON pos_store.staff FOR SELECT TO ${t} USING (true);
    CREATE POLICY staff_managers ON pos_store.staff FOR ALL TO ${m} USING (true) WITH CHECK (changed_by_role = session_user);
    GRANT SELECT ON pos_store.staff TO ${t};
    GRANT SELECT, INSERT, UPDATE (active, updated_at, changed_by_role) ON pos_store.staff TO ${m};
    GRANT USAGE ON SEQUENCE pos_store.staff_ids TO ${m};
  `;
}

export const storeStaff: StoreMigration = { version: 30, name: 'store-staff', sql };
