// The manager PIN's lockout, kept in the journal (docs/journal.md "PIN lockout"): each change of the wrong-PIN count
// or of the lockout is a `manager.pin` event in the hash chain, and the newest one is read back at start. So a restart
// gives no fresh guesses, and the attempts are on the audit trail. No table: events only (verify skips them).
import type { Journal } from '../journal/database.js';
import { appendEvent } from '../journal/events.js';
import type { PinLockoutState, PinLockoutStore } from './manager-sessions.js';

const ENTITY_ID = 'pin';

export function journalPinStore(journal: Journal): PinLockoutStore {
  return {
    load(): PinLockoutState {
      const row = journal
        .statement(`SELECT payload FROM events WHERE entity = 'manager' AND entity_id = ? ORDER BY seq DESC LIMIT 1`)
        .get(ENTITY_ID) as { payload: string } | undefined;
      if (!row) return { wrongTries: 0, lockedUntil: null };
      try {
        const p = JSON.parse(row.payload) as { wrongTries?: unknown; lockedUntil?: unknown };
        return {
          wrongTries: typeof p.wrongTries === 'number' ? p.wrongTries : 0,
          lockedUntil: typeof p.lockedUntil === 'number' ? p.lockedUntil : null,
        };
      } catch {
        return { wrongTries: 0, lockedUntil: null };
      }
    },
    save(state: PinLockoutState): void {
      const kind = state.lockedUntil !== null ? 'manager.pin_locked' : state.wrongTries > 0 ? 'manager.pin_wrong' : 'manager.pin_reset';
      journal.write(() => appendEvent(journal, { kind, entity: 'manager', entityId: ENTITY_ID, payload: { wrongTries: state.wrongTries, lockedUntil: state.lockedUntil } }));
    },
  };
}
