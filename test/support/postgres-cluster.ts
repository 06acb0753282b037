// A throwaway PostgreSQL cluster for the store tests (docs/store.md "Tests"): Debian's postgresql package, started
// with initdb + pg_ctl as the unprivileged `postgres` system user (PostgreSQL refuses to run as root), data folder in
// a temporary directory, listening on 127.0.0.1 only, on a port the OS just handed out. `stop()` / `start()` take it
// down and bring it back on the same port and data (the chaos test stops it mid-push); `destroy()` removes it all.
// No pg-mem, no mocks: a real server. Missing on a laptop: loud skip; missing under CI=true: failure (.ci/run installs it).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';
const SYSTEM_USER = 'postgres';

/** The newest installed server's bin folder, or undefined. */
export function postgresBinDir(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v) && existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(PG_ROOT, versions[0], 'bin') : undefined;
}

function hasSystemUser(): boolean {
  try {
    execFileSync('id', ['-u', SYSTEM_USER], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** requireTool semantics (test/support/system-tools.ts): true when usable; else a loud skip, or a failure under CI. */
export function requirePostgres(why: string): boolean {
  const bin = postgresBinDir();
  if (bin && hasSystemUser()) return true;
  const message = `MISSING SYSTEM TOOL 'postgresql' (${why}): no ${PG_ROOT}/*/bin/pg_ctl or no '${SYSTEM_USER}' user. Install it: apt-get install -y postgresql`;
  if (process.env.CI === 'true') throw new Error(`${message}. CI=true, so this is a failure, not a skip.`);
  console.warn(`\n!!!!! ${message}. These tests are SKIPPED on this machine. !!!!!\n`);
  return false;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface PostgresCluster {
  readonly port: number;
  /** Superuser URL (`pos_admin`), to the `postgres` database. */
  readonly adminUrl: string;
  /** The superuser URL to another database of this cluster. */
  urlFor(database: string): string;
  /** Creates an empty database owned by the superuser. */
  createDatabase(name: string): void;
  /** `fast` (clean) or `immediate` (like a crash: no checkpoint, recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  running(): boolean;
  destroy(): void;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  const root = mkdtempSync(join(tmpdir(), 'pos-pg-'));
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  const password = `admin-${process.pid}-${Date.now()}`;
  writeFileSync(join(root, 'pw'), password);
  chmodSync(root, 0o700);
  execFileSync('chown', ['-R', `${SYSTEM_USER}:`, root]);
  const asPg = (tool: string, args: string[]) =>
    execFileSync('runuser', ['-u', SYSTEM_USER, '--', join(bin, tool), ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: root }).toString();
  asPg('initdb', ['-D', data, '-U', 'pos_admin', `--pwfile=${join(root, 'pw')}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // fsync off: a test cluster needs no power-loss safety (a killed server still leaves its writes in the OS cache);
  // synchronous_commit stays on, so a commit the client saw is there after an immediate stop.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=64MB`;
  let up = false;
  const start = () => {
    asPg('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
    up = true;
  };
  const stop = (mode: 'fast' | 'immediate' = 'fast') => {
    if (!up) return;
    asPg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
    up = false;
  };
  start();
  const urlFor = (database: string) => `postgres://pos_admin:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    port,
    adminUrl: urlFor('postgres'),
    urlFor,
    createDatabase(name) {
      if (!/^[a-z][a-z0-9_]{0,30}$/.test(name)) throw new Error(`bad database name ${name}`);
      asPg('psql', ['-h', root, '-p', String(port), '-U', 'pos_admin', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${name}`]);
    },
    stop,
    start,
    running: () => up,
    destroy() {
      try {
        stop('immediate');
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
