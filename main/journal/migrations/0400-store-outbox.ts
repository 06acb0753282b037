// The store outbox (docs/store.md "Push"): how far this terminal's events have been acknowledged by the store
// database. One row. It is bookkeeping about the chain, not a change the chain records: writing it appends no event
// (an event per acknowledgement would itself need pushing, forever one behind), so `journal verify` neither rebuilds
// nor compares it. The events are the outbox; acked_seq is where the next push starts when the store agrees.
import type { Migration } from '../migrate.js';

const GENESIS = '0'.repeat(64);

export const addStoreOutbox: Migration = {
  version: 400,
  name: 'store-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE store_outbox (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        acked_seq INTEGER NOT NULL CHECK (acked_seq >= 0),
        acked_hash TEXT NOT NULL CHECK (length(acked_hash) = 64),
        -- Terminal clock, ms: when the store last acknowledged, and when a push was last tried.
        acked_at INTEGER,
        tried_at INTEGER,
        -- Why the last push did not finish (words for people, no URL, no password); NULL when it did.
        last_error TEXT,
        -- Set when the store quarantined this terminal: its chain does not continue what the store holds.
        quarantine_reason TEXT
      ) STRICT;
      INSERT INTO store_outbox (id, acked_seq, acked_hash) VALUES (1, 0, '${GENESIS}');
    `);
  },
};
