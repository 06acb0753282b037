// Whether an attempt still holds its sale. An attempt in flight (working or checking) blocks every other
// tender on its sale, so nobody pays twice (docs/payments.md "In flight"). A manager may release it when the
// customer shows an unpaid wallet; the attempt stays in flight and is still reconciled, but no longer blocks
// the sale. The decision itself (who, why) is an `attempt.released` event in the hash chain.
import type { Migration } from '../migrate.js';

export const addAttemptRelease: Migration = {
  version: 70,
  name: 'attempt-release',
  up(db) {
    db.exec(`ALTER TABLE attempts ADD COLUMN released INTEGER NOT NULL DEFAULT 0 CHECK (released IN (0, 1));`);
  },
};
