// `pos store init | sync | status | report | close-day | staff` (docs/store.md): the store database from the command line.
// `--store URL` names it for one run (as --gateway names the gateway), else POS_STORE_URL, else settings.json
// `store.url` (sync, as this terminal) or `store.managerUrl` (status, report, close-day, as a manager). The password
// comes with the URL, from POS_STORE_PASSWORD, or not at all; it is never printed except by `init`, once, in the
// connection strings it hands out.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openServices } from '../app/services.js';
import { defaultDataDir } from '../config/data-dir.js';
import { loadSettings } from '../config/load-settings.js';
import { storeDayOf } from '../journal/store-day.js';
import { unsentEventCount } from '../journal/store-outbox.js';
import { consoleSink, createLogger, type Logger } from '../shared/logger.js';
import { closeStoreDay, storeDayReport, type StoreZ } from '../store/store-close.js';
import { openStorePool, redactUrl, resolveStoreUrl, type StoreAccess } from '../store/store-connection.js';
import { describePgError, StoreCloseRefusedError, StoreSetupError } from '../store/store-errors.js';
import { initStore } from '../store/store-init.js';
import { pushOutbox, type PushCheckpoints } from '../store/store-push.js';
import { storeTotals, terminalSyncStates, type StoreLine, type TerminalSync } from '../store/store-report.js';
import { addStoreStaff, disableStoreStaff, listStoreStaff, StoreStaffError } from '../store/store-staff.js';
import { verifyStoreChains } from '../store/store-verify.js';
import { isStaffRole, STAFF_PIN } from '../../preload/staff-roles.js';
import { hashPin, pinMatches } from '../staff/pin-hash.js';
import { FACTORY_PIN } from '../staff/staff-directory.js';
import { dayFlag, money, textFlag, UsageError, type Flags, type Out } from './cli-io.js';

export const STORE_USAGE = `  store init --store ADMIN_URL --terminal ID [--terminal ID ...] [--rotate ID|manager]
                                            create the store schema, roles and policies; print each terminal's
                                            and the managers' connection string (passwords shown once)
  store sync [--store URL] [--batch-size N] [--hold]
                                            push this terminal's unsent events to the store now, then exit
                                            (exit 4: quarantined by the store; --hold, for the chaos test: print
                                            "hold before-commit|after-commit FROM TO" per batch, go on at a line on stdin)
  store status [--store URL] [--verify]     each terminal's sync state; --verify checks every chain in the store
  store report [--date D] [--json]          the whole store's totals for a store day
  store close-day [--date D] --by NAME [--override REASON --approved-by NAME]
                                            the store Z: each terminal's Z, counted cash, sync state
  store staff add --name NAME --role cashier|supervisor|manager --pin PIN | store staff list
  store staff disable --name NAME           the store's staff list (managers); each terminal pulls it at its sync`;

const text = { type: 'string' } as const;
const OPTIONS = {
  'data-dir': text, store: text, terminal: { type: 'string', multiple: true }, rotate: { type: 'string', multiple: true },
  'batch-size': text, hold: { type: 'boolean' }, name: text, role: text, pin: text, date: text, json: { type: 'boolean' }, verify: { type: 'boolean' }, by: text, override: text, 'approved-by': text,
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function urlFor(access: StoreAccess, flags: Flags, dataDir: string, env: NodeJS.ProcessEnv): string {
  const settings = loadSettings(dataDir).store;
  const url = resolveStoreUrl(access, { flag: flags.store as string | undefined, env, settings });
  if (!url) {
    const where = access === 'manager' ? 'store.managerUrl' : 'store.url';
    throw new UsageError(`no store database: give --store URL, set POS_STORE_URL, or set settings.json ${where}`);
  }
  return url;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'pos-cli' });
  try {
    await client.connect();
  } catch (error) {
    throw new StoreSetupError(`${describePgError(error)} (${redactUrl(url)})`);
  }
  try {
    return await work(client);
  } catch (error) {
    // PostgreSQL's own words name tables and SQL; a person gets ours (the code stays in the log line).
    const code = (error as { code?: string }).code;
    if (error instanceof StoreSetupError || error instanceof UsageError || !code) throw error;
    const hint = code === '42501' ? ' (status, report and close-day need the managers\' connection string)' : '';
    throw new StoreSetupError(`${describePgError(error)}${hint}`);
  } finally {
    await client.end();
  }
}

async function initCommand(flags: Flags, values: { terminal?: string[]; rotate?: string[] }, env: NodeJS.ProcessEnv, out: Out, logger: Logger): Promise<number> {
  const url = (flags.store as string | undefined) ?? env.POS_STORE_URL;
  if (!url) throw new UsageError('store init needs the store database administrator\'s URL: --store postgres://ADMIN:PASSWORD@HOST:5432/DATABASE');
  const terminals = values.terminal ?? [];
  const result = await withClient(url, (client) => initStore(client, url, { terminals, rotate: values.rotate, logger }));
  out(`store ${result.roles.database}: ${result.applied.length > 0 ? `applied migrations ${result.applied.join(', ')}` : 'schema up to date'}`);
  for (const t of result.terminals) {
    out(t.passwordIssued
      ? `terminal ${t.terminalId}: ${t.url}`
      : `terminal ${t.terminalId}: role ${t.role} already exists, password unchanged (--rotate ${t.terminalId} issues a new one)`);
  }
  out(result.manager.passwordIssued ? `managers: ${result.manager.url}` : `managers: role ${result.manager.role} already exists, password unchanged (--rotate manager issues a new one)`);
  if (result.terminals.some((t) => t.passwordIssued) || result.manager.passwordIssued) {
    out('keep these connection strings secret: each terminal uses its own (settings.json store.url without the password, the password in the app\'s settings or POS_STORE_PASSWORD)');
  }
  return 0;
}

/** `--hold`: at each checkpoint say where we are and wait for a line on stdin (the chaos test kills us there, or lets us go on). */
function holdCheckpoints(out: Out): PushCheckpoints & { close(): void } {
  const lines = createInterface({ input: process.stdin });
  const waiting: Array<() => void> = [];
  let ended = false;
  lines.on('line', () => waiting.shift()?.());
  lines.on('close', () => {
    ended = true;
    for (const go of waiting.splice(0)) go();
  });
  const hold = (where: string) => async (b: { fromSeq: number; toSeq: number }) => {
    out(`hold ${where} ${b.fromSeq} ${b.toSeq}`);
    if (!ended) await new Promise<void>((go) => waiting.push(go));
  };
  return { beforeCommit: hold('before-commit'), afterCommit: hold('after-commit'), close: () => lines.close() };
}

async function syncCommand(dataDir: string, flags: Flags, env: NodeJS.ProcessEnv, out: Out, logger: Logger): Promise<number> {
  const url = urlFor('terminal', flags, dataDir, env);
  const services = await openServices({ dataDir, logger, env, withGateway: false });
  const pool = openStorePool(url, logger, 1);
  const holds = flags.hold ? holdCheckpoints(out) : undefined;
  try {
    const batch = textFlag(flags, 'batch-size', false);
    if (batch !== undefined && !/^[1-9]\d{0,4}$/.test(batch)) throw new UsageError(`--batch-size must be a whole number of events from 1 to 99999 (got ${batch})`);
    let result: Awaited<ReturnType<typeof pushOutbox>>;
    try {
      result = await pushOutbox(services.journal, pool, { logger, batchSize: batch ? Number(batch) : undefined, checkpoints: holds });
    } catch (error) {
      if (error instanceof StoreSetupError) throw error;
      out(`not synced: ${describePgError(error)}; ${unsentEventCount(services.journal)} events wait in this terminal's outbox`);
      return 1;
    }
    if (result.outcome === 'quarantined') {
      out(`QUARANTINED: ${result.reason}`);
      return 4;
    }
    const staff = result.staffChanged > 0 ? `; ${result.staffChanged} staff records updated from the store's staff list` : '';
    out(`synced terminal ${services.settings.terminalId}: ${result.pushed} events sent, the store holds ${result.storeHead} of ${result.localHead}${staff}`);
    return 0;
  } finally {
    holds?.close();
    await pool.end();
    await services.close();
  }
}

function syncLine(t: TerminalSync): string {
  const state = t.quarantineReason ? `QUARANTINED: ${t.quarantineReason}` : t.behind > 0 ? `${t.behind} events behind` : t.lastSyncAt ? 'up to date' : 'never synced';
  return `terminal ${t.terminalId}: ${state}; ${t.storeSeq} events in the store; last sync ${t.lastSyncAt ?? 'never'}; ${t.paymentsChecking} payments checking, ${t.needsAction} need action`;
}

async function statusCommand(url: string, flags: Flags, out: Out): Promise<number> {
  return withClient(url, async (client) => {
    for (const t of await terminalSyncStates(client)) out(syncLine(t));
    if (!flags.verify) return 0;
    let bad = 0;
    for (const v of await verifyStoreChains(client)) {
      if (!v.ok) bad += 1;
      out(v.ok ? `chain ${v.terminalId}: ${v.events} events verified` : `chain ${v.terminalId}: BROKEN at event ${v.firstBrokenSeq}: ${v.reason}`);
    }
    return bad > 0 ? 1 : 0;
  });
}

function lines(label: string, rows: StoreLine[], out: Out): void {
  for (const r of rows) out(`  ${label} ${r.key}: net ${money(r.netCents, r.currency)} (${r.paymentCount} payments, ${r.refundCount} refunds)`);
}

async function reportCommand(url: string, day: string, flags: Flags, out: Out): Promise<number> {
  return withClient(url, async (client) => {
    const totals = await storeTotals(client, day);
    if (flags.json) {
      out(JSON.stringify(totals));
      return 0;
    }
    out(`store day ${day}, ${totals.terminals.length} terminals`);
    for (const c of totals.byCurrency) out(`total ${c.currency}: gross ${money(c.grossCents, c.currency)}, refunds ${money(c.refundCents, c.currency)}, net ${money(c.netCents, c.currency)}, ${c.paymentCount} payments, ${c.refundCount} refunds`);
    lines('terminal', totals.byTerminal, out);
    lines('channel', totals.byChannel, out);
    lines('tender', totals.byTender, out);
    lines('cashier', totals.byCashier, out);
    for (const s of totals.sales) out(`sales ${s.currency}: ${s.salesCount} paid, net sales ${money(s.netSalesCents, s.currency)}, cash rounding ${money(s.roundingCents, s.currency)}`);
    for (const x of totals.taxes) out(`  tax ${x.code}: ${money(x.collectedCents, x.currency)}`);
    for (const t of totals.terminals) out(syncLine(t));
    out(`needs action: ${totals.needsAction.length}`);
    return 0;
  });
}

function zLines(z: StoreZ, out: Out): void {
  for (const t of z.zs) out(`  terminal ${t.terminalId} Z ${t.zNumber}: expected cash ${money(t.expectedCashCents, t.cashCurrency)}, counted ${money(t.countedCashCents, t.cashCurrency)}, difference ${money(t.differenceCents, t.cashCurrency)}`);
  for (const id of z.withoutZ) out(`  terminal ${id}: no Z for ${z.storeDay}`);
  for (const t of z.terminals) out(`  ${syncLine(t)}`);
}

async function closeDayCommand(url: string, dataDir: string, day: string, flags: Flags, env: NodeJS.ProcessEnv, out: Out, logger: Logger): Promise<number> {
  const closedBy = textFlag(flags, 'by') as string;
  const reason = textFlag(flags, 'override', false);
  const approvedBy = textFlag(flags, 'approved-by', reason !== undefined);
  // The override is journaled on this data folder's journal (docs/store.md "Store day close").
  const services = reason ? await openServices({ dataDir, logger, env, withGateway: false }) : undefined;
  try {
    return await withClient(url, async (client) => {
      try {
        const z = await closeStoreDay(client, { storeDay: day, closedBy, override: reason ? { reason, approvedBy: approvedBy as string } : undefined, journal: services?.journal });
        out(`store Z for ${day}${z.overridden ? ` (OVERRIDDEN by ${approvedBy}: ${reason})` : ''}: ${z.zs.length} terminal Zs`);
        zLines(z, out);
        return 0;
      } catch (error) {
        if (!(error instanceof StoreCloseRefusedError)) throw error;
        out(`refused: ${error.problems.join('; ')}`);
        zLines(await storeDayReport(client, day), out);
        out('a manager may close anyway: --override REASON --approved-by NAME (the override is journaled)');
        return 3;
      }
    });
  } finally {
    await services?.close();
  }
}

/** `pos store staff add|list|disable` with the managers' connection (PostgreSQL refuses a terminal's). */
async function storeStaffCommand(url: string, action: string | undefined, flags: Flags, out: Out): Promise<number> {
  if (action !== 'add' && action !== 'list' && action !== 'disable') throw new UsageError('did you mean: store staff add, store staff list or store staff disable');
  return withClient(url, async (client) => {
    try {
      if (action === 'list') {
        for (const m of await listStoreStaff(client)) out(`${m.id}\t${m.name}\t${m.role}\t${m.active ? 'active' : 'disabled'}`);
        return 0;
      }
      const name = textFlag(flags, 'name') as string;
      if (action === 'disable') {
        const who = await disableStoreStaff(client, name);
        out(`disabled ${who.name} (${who.id}) in the store; each terminal disables them at its next sync`);
        return 0;
      }
      const role = textFlag(flags, 'role') as string;
      if (!isStaffRole(role)) throw new UsageError('--role must be cashier, supervisor or manager');
      const pin = textFlag(flags, 'pin') as string;
      if (!STAFF_PIN.test(pin) || pin === FACTORY_PIN) throw new UsageError(`--pin must be 4 to 8 digits, and not the factory PIN ${FACTORY_PIN}`);
      const added = await addStoreStaff(client, { name, role, pinHash: hashPin(pin), samePin: (stored) => pinMatches(pin, stored) });
      out(`added ${added.name} (${added.role}) to the store, staff id ${added.id}; each terminal adds them at its next sync`);
      return 0;
    } catch (error) {
      if (error instanceof StoreStaffError) throw new UsageError(error.message);
      throw error;
    }
  });
}

export async function runStoreCommand(argv: string[], out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv);
  const flags = values as Flags;
  const dataDir = (flags['data-dir'] as string | undefined) ?? defaultDataDir(env);
  const logger = createLogger('pos-store', consoleSink(env.POS_LOG_LEVEL === 'debug' ? 'debug' : 'warn'));
  const day = () => dayFlag(flags, 'date', storeDayOf(Date.now(), loadSettings(dataDir).storeTimeZone));
  switch (positionals[0]) {
    case 'init': return initCommand(flags, values, env, out, logger);
    case 'sync': return syncCommand(dataDir, flags, env, out, logger);
    case 'status': return statusCommand(urlFor('manager', flags, dataDir, env), flags, out);
    case 'report': return reportCommand(urlFor('manager', flags, dataDir, env), day(), flags, out);
    case 'close-day': return closeDayCommand(urlFor('manager', flags, dataDir, env), dataDir, day(), flags, env, out, logger);
    case 'staff': return storeStaffCommand(urlFor('manager', flags, dataDir, env), positionals[1], flags, out);
    default: throw new UsageError('did you mean: store init, store sync, store status, store report, store close-day or store staff');
  }
}
