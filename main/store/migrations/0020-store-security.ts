// Least privilege, enforced by PostgreSQL itself (docs/store.md "Roles"): row-level security on every table, so a
// terminal's role inserts, updates and reads only rows with its own terminal_id (the terminal a login role maps to,
// from pos_store.terminals), never updates or deletes an event, and cannot see the managers' views at all. Its
// bookkeeping (last sync, quarantine) goes through SECURITY DEFINER functions that only touch its own row.
// Managers read everything and write the store day close. Nothing is granted to PUBLIC.
import { ident, type StoreRoles } from '../store-roles.js';
import type { StoreMigration } from '../store-migrate.js';

const ROW_TABLES = ['sales', 'sale_lines', 'sale_taxes', 'attempts', 'refunds', 'day_closes'];

function policies(r: StoreRoles): string {
  const t = ident(r.terminals);
  const m = ident(r.managers);
  const own = `terminal_id = (SELECT pos_store.my_terminal())`;
  const rows = ROW_TABLES.map((table) => `
    ALTER TABLE pos_store.${table} ENABLE ROW LEVEL SECURITY;
    CREATE POLICY ${table}_own ON pos_store.${table} FOR ALL TO ${t} USING (${own}) WITH CHECK (${own});
    CREATE POLICY ${table}_managers ON pos_store.${table} FOR SELECT TO ${m} USING (true);
    GRANT SELECT, INSERT, UPDATE, DELETE ON pos_store.${table} TO ${t};
    GRANT SELECT ON pos_store.${table} TO ${m};`).join('\n');
  return `
    ${rows}
    ALTER TABLE pos_store.events ENABLE ROW LEVEL SECURITY;
    CREATE POLICY events_own_insert ON pos_store.events FOR INSERT TO ${t} WITH CHECK (${own});
    CREATE POLICY events_own_read ON pos_store.events FOR SELECT TO ${t} USING (${own});
    CREATE POLICY events_managers ON pos_store.events FOR SELECT TO ${m} USING (true);
    GRANT SELECT, INSERT ON pos_store.events TO ${t};
    GRANT SELECT ON pos_store.events TO ${m};

    ALTER TABLE pos_store.terminals ENABLE ROW LEVEL SECURITY;
    CREATE POLICY terminals_own ON pos_store.terminals FOR SELECT TO ${t} USING (role_name = session_user);
    CREATE POLICY terminals_managers ON pos_store.terminals FOR SELECT TO ${m} USING (true);
    GRANT SELECT ON pos_store.terminals TO ${t}, ${m};

    ALTER TABLE pos_store.store_closes ENABLE ROW LEVEL SECURITY;
    CREATE POLICY store_closes_managers ON pos_store.store_closes FOR ALL TO ${m} USING (true) WITH CHECK (closed_by_role = session_user);
    GRANT SELECT, INSERT ON pos_store.store_closes TO ${m};
  `;
}

function functions(r: StoreRoles): string {
  const t = ident(r.terminals);
  const m = ident(r.managers);
  const definer = `SECURITY DEFINER SET search_path = pos_store, pg_temp`;
  return `
    -- The terminal a login role speaks for. session_user, not current_user: inside a SECURITY DEFINER function
    -- current_user is the owner.
    CREATE FUNCTION pos_store.my_terminal() RETURNS text LANGUAGE sql STABLE ${definer}
      AS $$ SELECT terminal_id FROM pos_store.terminals WHERE role_name = session_user $$;

    -- After each INSERT statement on events: refuse a quarantined terminal's events, move its head forward.
    CREATE FUNCTION pos_store.events_inserted() RETURNS trigger LANGUAGE plpgsql ${definer} AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM new_events n JOIN pos_store.terminals t USING (terminal_id) WHERE t.quarantined_at IS NOT NULL) THEN
        RAISE EXCEPTION 'terminal is quarantined: its events are not merged' USING ERRCODE = 'PQ001';
      END IF;
      UPDATE pos_store.terminals t SET head_seq = h.seq, head_hash = h.hash
        FROM (SELECT DISTINCT ON (terminal_id) terminal_id, seq, hash FROM new_events ORDER BY terminal_id, seq DESC) h
        WHERE t.terminal_id = h.terminal_id AND h.seq > t.head_seq;
      RETURN NULL;
    END $$;
    CREATE TRIGGER events_inserted AFTER INSERT ON pos_store.events REFERENCING NEW TABLE AS new_events
      FOR EACH STATEMENT EXECUTE FUNCTION pos_store.events_inserted();

    CREATE FUNCTION pos_store.events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'store events are append-only' USING ERRCODE = 'PQ002'; END $$;
    CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON pos_store.events
      FOR EACH STATEMENT EXECUTE FUNCTION pos_store.events_append_only();

    -- A terminal reports its own newest seq (how far behind the store is) and who it is; only its own row.
    CREATE FUNCTION pos_store.report_sync(p_local_head bigint, p_journal_id text, p_time_zone text) RETURNS void
      LANGUAGE sql ${definer} AS $$
      UPDATE pos_store.terminals SET reported_head_seq = greatest(p_local_head, 0), last_sync_at = now(),
        journal_id = coalesce(journal_id, p_journal_id), time_zone = p_time_zone
      WHERE role_name = session_user $$;

    -- A terminal whose chain does not continue flags itself; only a store administrator lifts it (docs/store.md).
    CREATE FUNCTION pos_store.quarantine(p_reason text) RETURNS void LANGUAGE sql ${definer} AS $$
      UPDATE pos_store.terminals SET quarantined_at = now(), quarantine_reason = p_reason
      WHERE role_name = session_user AND quarantined_at IS NULL $$;

    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA pos_store FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION pos_store.my_terminal() TO ${t}, ${m};
    GRANT EXECUTE ON FUNCTION pos_store.report_sync(bigint, text, text), pos_store.quarantine(text) TO ${t};
  `;
}

function views(r: StoreRoles): string {
  const m = ident(r.managers);
  return `
    -- Managers only: each terminal's sync state and open work (a terminal's role gets permission denied).
    CREATE VIEW pos_store.terminal_status AS
      SELECT t.terminal_id, t.time_zone, t.head_seq, t.reported_head_seq,
        greatest(t.reported_head_seq - t.head_seq, 0) AS behind, t.last_sync_at, t.quarantined_at, t.quarantine_reason,
        (SELECT count(*) FROM pos_store.attempts a WHERE a.terminal_id = t.terminal_id AND a.state NOT IN ('succeeded', 'failed')) AS payments_checking,
        (SELECT count(*) FROM pos_store.refunds f WHERE f.terminal_id = t.terminal_id AND f.state NOT IN ('succeeded', 'failed')) AS refunds_checking,
        (SELECT count(*) FROM pos_store.attempts a WHERE a.terminal_id = t.terminal_id AND a.needs_action) AS needs_action
      FROM pos_store.terminals t;
    CREATE VIEW pos_store.needs_action AS
      SELECT terminal_id, id AS attempt_id, sale_id, channel, tender, amount_cents, currency, cashier, state, created_at, finalized_at
      FROM pos_store.attempts WHERE needs_action;
    REVOKE ALL ON pos_store.terminal_status, pos_store.needs_action FROM PUBLIC;
    GRANT SELECT ON pos_store.terminal_status, pos_store.needs_action TO ${m};
  `;
}

export const storeSecurity: StoreMigration = {
  version: 20,
  name: 'store-security',
  sql: (roles) => `${functions(roles)}\n${policies(roles)}\n${views(roles)}`,
};
