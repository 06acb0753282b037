// Staff from the store (docs/store.md "Staff"), against a real PostgreSQL: managers add and disable people in the
// store's one list; PostgreSQL refuses a terminal's role writing it; each terminal's sync pulls the list into its own
// journal as `staff.added` / `staff.updated` events (the PIN's scrypt hash only), which then travel to the store like
// any event; sign-in works from the terminal's copy with the store down; the journal still verifies (rebuild).
import { describe, expect, it } from 'vitest';
import { listStaffRecords } from '../../main/journal/staff-records.js';
import { outboxState } from '../../main/journal/store-outbox.js';
import { verifyJournalDb } from '../../main/journal/verify-file.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { hashPin, pinMatches } from '../../main/staff/pin-hash.js';
import { StaffDirectory } from '../../main/staff/staff-directory.js';
import { openStorePool } from '../../main/store/store-connection.js';
import { pushOutbox, type PushResult } from '../../main/store/store-push.js';
import { addStoreStaff, disableStoreStaff, listStoreStaff } from '../../main/store/store-staff.js';
import { requirePostgres } from '../support/postgres-cluster.js';
import { useStoreRig, type StoreTerminal } from '../support/store-terminals.js';

const available = requirePostgres('the store staff list lives in a real PostgreSQL');
const logger = createLogger('store-staff', silentSink);

describe.skipIf(!available)('staff from the store', () => {
  const rig = useStoreRig(['T1', 'T2'], ['T1', 'T2']);

  const push = async (t: StoreTerminal): Promise<PushResult> => {
    const pool = openStorePool(rig.store.urlOf(t.id), logger, 1);
    try {
      return await pushOutbox(t.journal, pool);
    } finally {
      await pool.end();
    }
  };
  const add = async (name: string, role: 'cashier' | 'supervisor' | 'manager', pin: string) => {
    const manager = await rig.store.connect(rig.store.managerUrl);
    try {
      return await addStoreStaff(manager, { name, role, pinHash: hashPin(pin), samePin: (h) => pinMatches(pin, h) });
    } finally {
      await manager.end();
    }
  };

  it('is written by managers only, and PostgreSQL refuses a terminal writing it', async () => {
    const alice = await add('Alice', 'cashier', '4821');
    const bob = await add('Bob', 'manager', '7315');
    expect([alice.id, bob.id]).toEqual(['st1', 'st2']);
    expect(alice.pinHash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    await expect(add('alice', 'supervisor', '9000')).rejects.toMatchObject({ code: 'STAFF_NAME_TAKEN' });
    await expect(add('Carol', 'supervisor', '7315')).rejects.toMatchObject({ code: 'PIN_TAKEN' });

    const t1db = await rig.store.connect(rig.store.urlOf('T1'));
    try {
      // A terminal reads the list (it signs people in from it) but never writes it.
      expect((await listStoreStaff(t1db)).map((m) => m.name)).toEqual(['Alice', 'Bob']);
      await expect(t1db.query(`INSERT INTO pos_store.staff (name, role, pin_hash) VALUES ('Mallory', 'manager', $1)`, [hashPin('5555')])).rejects.toMatchObject({ code: '42501' });
      await expect(t1db.query(`UPDATE pos_store.staff SET role = 'manager' WHERE id = 'st1'`)).rejects.toMatchObject({ code: '42501' });
      await expect(t1db.query(`DELETE FROM pos_store.staff WHERE id = 'st1'`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await t1db.end();
    }
    const manager = await rig.store.connect(rig.store.managerUrl);
    try {
      // Managers never change a PIN hash in place nor delete anyone (disable only).
      await expect(manager.query(`UPDATE pos_store.staff SET pin_hash = $1 WHERE id = 'st1'`, [hashPin('1111')])).rejects.toMatchObject({ code: '42501' });
      await expect(manager.query(`DELETE FROM pos_store.staff WHERE id = 'st1'`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await manager.end();
    }
  });

  it('reaches each terminal at its sync as journaled staff events, and sign-in works offline from the copy', async () => {
    const [t1, t2] = rig.terminals as [StoreTerminal, StoreTerminal];
    for (const t of [t1, t2]) {
      const before = outboxState(t.journal).headSeq;
      expect(await push(t)).toMatchObject({ outcome: 'synced', staffChanged: 2 });
      const events = t.journal.db.prepare('SELECT kind, entity, entity_id, payload FROM events WHERE seq > ? ORDER BY seq').all(before) as Array<{ kind: string; entity: string; entity_id: string; payload: string }>;
      expect(events.map((e) => [e.kind, e.entity, e.entity_id])).toEqual([['staff.added', 'staff', 'st1'], ['staff.added', 'staff', 'st2']]);
      for (const e of events) {
        expect(e.payload).not.toMatch(/4821|7315/);
        expect(JSON.parse(e.payload)).toMatchObject({ pinHash: expect.stringMatching(/^scrypt\$/), active: true, mustChangePin: false });
      }
      // The pulled events went to the store in the same sync.
      const manager = await rig.store.connect(rig.store.managerUrl);
      try {
        const r = await manager.query(`SELECT count(*) AS n FROM pos_store.events WHERE terminal_id = $1 AND kind = 'staff.added'`, [t.id]);
        expect(Number(r.rows[0].n)).toBe(2);
      } finally {
        await manager.end();
      }
      // Nothing changed: nothing journaled again.
      expect(await push(t)).toMatchObject({ outcome: 'synced', staffChanged: 0, pushed: 0 });
    }

    rig.cluster.stop('immediate');
    try {
      const directory = new StaffDirectory(t1.journal, { training: false });
      expect(directory.identify('4821')).toMatchObject({ id: 'st1', name: 'Alice', role: 'cashier' });
      expect(directory.identify('7315')).toMatchObject({ id: 'st2', name: 'Bob', role: 'manager' });
      // An active manager from the store: the factory manager is gone here.
      expect(directory.list().map((m) => m.id)).toEqual(['st1', 'st2']);
    } finally {
      rig.cluster.start();
    }
  });

  it('disables a person on every terminal at its next sync, keeps the record, and never the last manager', async () => {
    const [t1] = rig.terminals as [StoreTerminal];
    const manager = await rig.store.connect(rig.store.managerUrl);
    try {
      await expect(disableStoreStaff(manager, 'Bob')).rejects.toMatchObject({ code: 'LAST_MANAGER' });
      expect(await disableStoreStaff(manager, 'alice')).toMatchObject({ id: 'st1', active: false });
      await expect(disableStoreStaff(manager, 'Alice')).rejects.toMatchObject({ code: 'STAFF_NOT_FOUND' });
    } finally {
      await manager.end();
    }
    // A change made on the terminal to a store person is the store's to make: the next sync puts the store's back.
    t1.journal.db.prepare(`UPDATE staff SET role = 'manager' WHERE id = 'st1'`).run();
    expect(await push(t1)).toMatchObject({ outcome: 'synced', staffChanged: 1 });
    const directory = new StaffDirectory(t1.journal, { training: false });
    expect(directory.identify('4821')).toBeUndefined();
    expect(listStaffRecords(t1.journal).find((r) => r.id === 'st1')).toMatchObject({ name: 'Alice', role: 'cashier', active: false });
    expect(directory.nameOf('st1')).toBe('Alice');
    const last = t1.journal.db.prepare('SELECT kind, payload FROM events ORDER BY seq DESC LIMIT 1').get() as { kind: string; payload: string };
    expect(last.kind).toBe('staff.updated');
    expect(JSON.parse(last.payload)).toMatchObject({ id: 'st1', active: false, role: 'cashier' });
  });

  it('leaves a journal that verifies: the staff table rebuilds from the pulled events', () => {
    const [, t2] = rig.terminals as [StoreTerminal, StoreTerminal];
    const verdict = verifyJournalDb(t2.journal.db);
    expect(verdict.differences).toEqual([]);
    expect(verdict.ok).toBe(true);
  });
});
