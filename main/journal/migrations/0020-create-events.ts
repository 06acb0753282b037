// The append-only, hash-chained event log (docs/architecture.md §4). Triggers refuse UPDATE and DELETE so even
// a bug in our own code cannot rewrite history; tampering with the file is caught by verifyChain().
import type { Migration } from '../migrate.js';

export const createEvents: Migration = {
  version: 20,
  name: 'create-events',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY CHECK (seq > 0),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;

      -- No UNIQUE on hash: seq orders the chain, and a random-keyed index would cost a page write per event.
      CREATE INDEX events_by_entity ON events (entity, entity_id);

      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `);
  },
};
