// The PostgreSQL roles of one store database (docs/store.md "Roles"). Roles belong to the whole cluster, so their
// names start with the database's name: a chain can run one database per store on one server without clashes.
//   <db>_terminals   group, NOLOGIN: what every terminal may do (insert and read its own rows only, by RLS)
//   <db>_managers    group, NOLOGIN: read the whole store, record the store day close
//   <db>_t_<id>      one LOGIN role per terminal, member of <db>_terminals; RLS maps it to its terminal id
//   <db>_manager     the LOGIN role for managers' screens and the CLI, member of <db>_managers
import { StoreSetupError } from './store-errors.js';

export interface StoreRoles {
  database: string;
  terminals: string;
  managers: string;
  manager: string;
}

const DATABASE = /^[a-z][a-z0-9_]{0,39}$/;
const TERMINAL_ID = /^[A-Z0-9]{2,8}$/;

export function storeRoles(database: string): StoreRoles {
  if (!DATABASE.test(database)) {
    throw new StoreSetupError(`the store database name '${database}' must be lower-case letters, digits and _ (at most 40), starting with a letter`);
  }
  return { database, terminals: `${database}_terminals`, managers: `${database}_managers`, manager: `${database}_manager` };
}

export function terminalRole(roles: StoreRoles, terminalId: string): string {
  if (!TERMINAL_ID.test(terminalId)) throw new StoreSetupError(`terminal id '${terminalId}' must be 2 to 8 capital letters or digits`);
  return `${roles.database}_t_${terminalId.toLowerCase()}`;
}

/** A double-quoted identifier. Our names are checked above; quoting keeps it safe regardless. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A single-quoted SQL literal (CREATE ROLE ... PASSWORD takes no bound parameter). */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
