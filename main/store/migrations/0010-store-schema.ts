// The store schema (docs/store.md): terminals, every terminal's events, and the rows they produce. Keys are
// (terminal_id, the terminal's own id). Events are append-only and chained IN POSTGRESQL: each event's
// (seq - 1, prev_hash) must be an event of the same terminal (a foreign key), and event 1's prev_hash is 64 zeros,
// so the store can never hold a chain with a gap or a fork, whoever inserts. That the hash matches the content is
// checked with the journal's own eventHash (main/journal/events.ts) by the pushing terminal before it sends and by
// `pos store status --verify` over the whole store.
// Money is bigint cents, times bigint ms since the epoch (as in the journal), store days `date` in the terminal's zone.
import type { StoreMigration } from '../store-migrate.js';

const GENESIS = '0'.repeat(64);

export const storeSchema: StoreMigration = {
  version: 10,
  name: 'store-schema',
  sql: () => `
    CREATE TABLE pos_store.terminals (
      terminal_id text PRIMARY KEY CHECK (terminal_id ~ '^[A-Z0-9]{2,8}$'),
      role_name text NOT NULL UNIQUE,
      time_zone text,
      journal_id text,
      head_seq bigint NOT NULL DEFAULT 0 CHECK (head_seq >= 0),
      head_hash text NOT NULL DEFAULT '${GENESIS}' CHECK (length(head_hash) = 64),
      -- The terminal's own newest seq when it last reported; reported - head = how far behind the store is.
      reported_head_seq bigint NOT NULL DEFAULT 0,
      last_sync_at timestamptz,
      quarantined_at timestamptz,
      quarantine_reason text,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE pos_store.events (
      terminal_id text NOT NULL REFERENCES pos_store.terminals (terminal_id),
      seq bigint NOT NULL CHECK (seq > 0),
      at bigint NOT NULL,
      kind text NOT NULL,
      entity text NOT NULL,
      entity_id text NOT NULL,
      -- Exactly the text the journal hashed (canonical JSON), not jsonb: jsonb would reorder and re-space it.
      payload text NOT NULL,
      prev_hash text NOT NULL CHECK (length(prev_hash) = 64),
      hash text NOT NULL CHECK (length(hash) = 64),
      prev_seq bigint GENERATED ALWAYS AS (CASE WHEN seq > 1 THEN seq - 1 END) STORED,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (terminal_id, seq),
      UNIQUE (terminal_id, seq, hash),
      CHECK (seq > 1 OR prev_hash = '${GENESIS}'),
      FOREIGN KEY (terminal_id, prev_seq, prev_hash) REFERENCES pos_store.events (terminal_id, seq, hash)
    );

    CREATE TABLE pos_store.sales (
      terminal_id text NOT NULL REFERENCES pos_store.terminals (terminal_id),
      id bigint NOT NULL,
      cashier text NOT NULL,
      status text NOT NULL,
      currency text NOT NULL,
      subtotal_cents bigint NOT NULL,
      total_cents bigint NOT NULL,
      created_at bigint NOT NULL,
      closed_at bigint,
      closed_day date,
      period bigint,
      tax_province text,
      prices_include_tax boolean NOT NULL DEFAULT false,
      PRIMARY KEY (terminal_id, id)
    );

    CREATE TABLE pos_store.sale_lines (
      terminal_id text NOT NULL,
      sale_id bigint NOT NULL,
      line_no bigint NOT NULL,
      sku text NOT NULL,
      gtin text,
      name text NOT NULL,
      unit_price_cents bigint NOT NULL,
      quantity bigint NOT NULL,
      line_total_cents bigint NOT NULL,
      tax_class text NOT NULL,
      PRIMARY KEY (terminal_id, sale_id, line_no),
      FOREIGN KEY (terminal_id, sale_id) REFERENCES pos_store.sales (terminal_id, id)
    );

    CREATE TABLE pos_store.sale_taxes (
      terminal_id text NOT NULL,
      sale_id bigint NOT NULL,
      position bigint NOT NULL,
      code text NOT NULL,
      rate_per_100k bigint NOT NULL,
      classes text NOT NULL,
      base_cents bigint NOT NULL,
      amount_cents bigint NOT NULL,
      PRIMARY KEY (terminal_id, sale_id, position),
      FOREIGN KEY (terminal_id, sale_id) REFERENCES pos_store.sales (terminal_id, id)
    );

    CREATE TABLE pos_store.attempts (
      terminal_id text NOT NULL REFERENCES pos_store.terminals (terminal_id),
      id bigint NOT NULL,
      sale_id bigint NOT NULL,
      tender text NOT NULL,
      channel text NOT NULL,
      amount_cents bigint NOT NULL,
      currency text NOT NULL,
      mch_order_no text NOT NULL,
      state text NOT NULL,
      needs_action boolean NOT NULL,
      code_last4 text,
      failure_code text,
      cash_tendered_cents bigint,
      change_cents bigint,
      cashier text NOT NULL,
      created_at bigint NOT NULL,
      updated_at bigint NOT NULL,
      finalized_at bigint,
      final_day date,
      attached boolean NOT NULL,
      released boolean NOT NULL,
      period bigint,
      rounding_cents bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (terminal_id, id)
    );

    CREATE TABLE pos_store.refunds (
      terminal_id text NOT NULL REFERENCES pos_store.terminals (terminal_id),
      id bigint NOT NULL,
      attempt_id bigint NOT NULL,
      mch_refund_no text NOT NULL,
      amount_cents bigint NOT NULL,
      currency text NOT NULL,
      reason text NOT NULL,
      state text NOT NULL,
      approved_by text NOT NULL,
      created_at bigint NOT NULL,
      updated_at bigint NOT NULL,
      finalized_at bigint,
      final_day date,
      period bigint,
      PRIMARY KEY (terminal_id, id)
    );

    CREATE TABLE pos_store.day_closes (
      terminal_id text NOT NULL REFERENCES pos_store.terminals (terminal_id),
      z_number bigint NOT NULL,
      store_day date NOT NULL,
      time_zone text NOT NULL,
      closed_at bigint NOT NULL,
      closed_by text NOT NULL,
      cash_currency text NOT NULL,
      expected_cash_cents bigint NOT NULL,
      counted_cash_cents bigint NOT NULL,
      difference_cents bigint NOT NULL,
      totals_json jsonb NOT NULL,
      event_count bigint NOT NULL,
      head_hash text NOT NULL,
      PRIMARY KEY (terminal_id, z_number)
    );

    -- The store Z: one per store day, written by a manager; the override (who, why) is part of it.
    CREATE TABLE pos_store.store_closes (
      store_day date PRIMARY KEY,
      closed_at timestamptz NOT NULL DEFAULT now(),
      closed_by text NOT NULL,
      closed_by_role text NOT NULL DEFAULT session_user,
      overridden boolean NOT NULL,
      override_reason text,
      report jsonb NOT NULL,
      CHECK (NOT overridden OR length(coalesce(override_reason, '')) > 0)
    );

    -- Store daily totals stay range scans over a day's succeeded rows, whatever the size of the store.
    CREATE INDEX attempts_succeeded_by_day ON pos_store.attempts (final_day, terminal_id, channel, currency, cashier, tender)
      INCLUDE (amount_cents, rounding_cents) WHERE state = 'succeeded';
    CREATE INDEX attempts_open ON pos_store.attempts (terminal_id) WHERE state NOT IN ('succeeded', 'failed') OR needs_action;
    CREATE INDEX refunds_succeeded_by_day ON pos_store.refunds (final_day, terminal_id) INCLUDE (attempt_id, amount_cents) WHERE state = 'succeeded';
    CREATE INDEX refunds_open ON pos_store.refunds (terminal_id) WHERE state NOT IN ('succeeded', 'failed');
    CREATE INDEX sales_paid_by_day ON pos_store.sales (closed_day, terminal_id) INCLUDE (currency, subtotal_cents) WHERE status = 'paid';
    CREATE INDEX day_closes_by_day ON pos_store.day_closes (store_day);
  `,
};
