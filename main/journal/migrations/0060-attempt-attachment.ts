// Whether a successful attempt counts toward its sale. A late success a manager refunds or keeps apart from
// the sale is still money the gateway took (daily totals count it), but it must never pay the sale's total:
// without this flag, clearing needs_action would silently shrink what an open sale still owes.
import type { Migration } from '../migrate.js';

export const addAttemptAttachment: Migration = {
  version: 60,
  name: 'attempt-attachment',
  up(db) {
    db.exec(`ALTER TABLE attempts ADD COLUMN attached INTEGER NOT NULL DEFAULT 1 CHECK (attached IN (0, 1));`);
  },
};
