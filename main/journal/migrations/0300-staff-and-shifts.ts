// Staff and shifts (docs/staff.md). `staff`: each person who may sign in at this terminal, with a role and only a
// slow salted hash of their PIN (scrypt, `scrypt$salt$hash`); a disabled person stays (old sales name them).
// `shifts`: one drawer's working period, opened with a float counted by denomination and closed with the drawer
// counted again, the expected cash and the variance kept; at most one open at a time. `cash_movements`: pay-ins
// and pay-outs during a shift, each with a reason and a person. Every row is rebuilt by `journal verify` from the
// staff.* and shift.* events (rebuild.ts, staff-rebuild.ts). Journals from before: no rows, nothing to change.
import type { Migration } from '../migrate.js';

export const addStaffAndShifts: Migration = {
  version: 300,
  name: 'staff-and-shifts',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
        role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'manager')),
        pin_hash TEXT NOT NULL CHECK (pin_hash LIKE 'scrypt$%'),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        must_change_pin INTEGER NOT NULL DEFAULT 0 CHECK (must_change_pin IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX staff_active_name ON staff (name COLLATE NOCASE) WHERE active = 1;

      CREATE TABLE shifts (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        currency TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        float_cents INTEGER NOT NULL CHECK (float_cents >= 0),
        -- {"500": 2, ...}: how many of each coin and note (cents), as counted.
        float_counts TEXT NOT NULL,
        closed_by TEXT,
        closed_at INTEGER,
        counted_cents INTEGER CHECK (counted_cents IS NULL OR counted_cents >= 0),
        counted_counts TEXT,
        expected_cents INTEGER,
        variance_cents INTEGER,
        variance_approved_by TEXT,
        CHECK ((status = 'open') = (closed_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX shifts_one_open ON shifts (status) WHERE status = 'open';

      CREATE TABLE cash_movements (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts (id),
        kind TEXT NOT NULL CHECK (kind IN ('pay_in', 'pay_out')),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
        staff_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX cash_movements_by_shift ON cash_movements (shift_id);
    `);
  },
};
