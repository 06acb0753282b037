// Refunds against a paid attempt. Each has its own mch_refund_no; an uncertain refund is retried with the
// same number (docs/architecture.md §3), so the number is minted once, here, never at send time.
import type { Migration } from '../migrate.js';

export const createRefunds: Migration = {
  version: 40,
  name: 'create-refunds',
  up(db) {
    db.exec(`
      CREATE TABLE refunds (
        id INTEGER PRIMARY KEY,
        attempt_id INTEGER NOT NULL REFERENCES attempts (id),
        mch_refund_no TEXT NOT NULL UNIQUE CHECK (length(mch_refund_no) <= 30),
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
        reason TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('created', 'sent', 'succeeded', 'failed', 'unknown')),
        refund_order_id TEXT,
        failure_code TEXT,
        failure_message TEXT,
        approved_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        finalized_at INTEGER
      ) STRICT;

      CREATE INDEX refunds_by_attempt ON refunds (attempt_id, state);
      CREATE INDEX refunds_by_created_at ON refunds (created_at);
      -- Refunds count on the store day they succeeded.
      CREATE INDEX refunds_succeeded_by_day ON refunds (finalized_at) WHERE state = 'succeeded';
      CREATE INDEX refunds_unsettled ON refunds (created_at) WHERE state IN ('created', 'sent', 'unknown');
    `);
  },
};
