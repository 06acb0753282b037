// Payment attempts (tenders), the per-kind order-number sequences, and the secret that keys payment-code
// fingerprints. The UNIQUE fingerprint is the replay guard at the database level: a wallet code is single-use.
import { randomBytes } from 'node:crypto';
import type { Migration } from '../migrate.js';

const NON_FINAL = `state IN ('created', 'sent', 'pending', 'expired', 'unknown')`;

export const createAttempts: Migration = {
  version: 30,
  name: 'create-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE order_number_sequences (
        kind TEXT PRIMARY KEY CHECK (kind IN ('P', 'R')),
        last_value INTEGER NOT NULL CHECK (last_value > 0)
      ) STRICT;

      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        sale_id INTEGER NOT NULL REFERENCES sales (id),
        tender TEXT NOT NULL CHECK (tender IN ('wallet_scan', 'wallet_qr', 'card', 'cash')),
        channel TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
        mch_order_no TEXT NOT NULL UNIQUE CHECK (length(mch_order_no) <= 30),
        state TEXT NOT NULL
          CHECK (state IN ('created', 'sent', 'pending', 'succeeded', 'failed', 'expired', 'unknown')),
        needs_action INTEGER NOT NULL DEFAULT 0 CHECK (needs_action IN (0, 1)),
        pay_order_id TEXT,
        channel_order_no TEXT,
        code_last4 TEXT CHECK (code_last4 IS NULL OR length(code_last4) <= 4),
        code_fingerprint TEXT UNIQUE,
        failure_code TEXT,
        failure_message TEXT,
        cash_tendered_cents INTEGER CHECK (cash_tendered_cents IS NULL OR cash_tendered_cents >= 0),
        change_cents INTEGER CHECK (change_cents IS NULL OR change_cents >= 0),
        cashier TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        finalized_at INTEGER,
        next_check_at INTEGER
      ) STRICT;

      CREATE INDEX attempts_by_sale ON attempts (sale_id);
      CREATE INDEX attempts_by_created_at ON attempts (created_at);
      -- Daily totals: a covering range scan over one store day of succeeded attempts.
      CREATE INDEX attempts_succeeded_by_day
        ON attempts (finalized_at, channel, currency, cashier, amount_cents) WHERE state = 'succeeded';
      -- The reconciler's work list and the report's pending count, in one index: it stays small because it
      -- holds only attempts that are not final, so the reconciler's sort by next_check_at is cheap.
      CREATE INDEX attempts_unsettled ON attempts (created_at, next_check_at) WHERE ${NON_FINAL};
      CREATE INDEX attempts_needing_action ON attempts (created_at) WHERE needs_action = 1;
    `);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('code_fingerprint_secret', ?)`).run(
      randomBytes(32).toString('hex'),
    );
    // Four random digits kept in the order numbers: if this journal is ever lost and a fresh one starts its
    // sequences again on the same day, the new numbers still differ from the ones IOTPay already saw.
    db.prepare(`INSERT INTO meta (key, value) VALUES ('order_number_tag', ?)`).run(
      String(randomBytes(4).readUInt32BE(0) % 10000).padStart(4, '0'),
    );
  },
};
