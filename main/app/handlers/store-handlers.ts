// The store channels (docs/store.md): this terminal's sync state, the Whole store totals, the store Z and its close,
// read with the managers' connection (settings.json store.managerUrl) when this terminal has one. Thin: the queries
// live in main/store. The screen gets a problem word, never a URL, a role or a PostgreSQL error.
import type pg from 'pg';
import type { Handlers } from '../dispatch.js';
import type { AppContext } from '../app-context.js';
import { storeDayOf } from '../../journal/store-day.js';
import { closeStoreDay, storeDayReport, type StoreZ } from '../../store/store-close.js';
import { StoreCloseRefusedError } from '../../store/store-errors.js';
import { storeTotals, type StoreLine, type TerminalSync } from '../../store/store-report.js';
import type { ErrorCode } from '../../../preload/error-codes.js';
import type { StoreSecretStore } from '../host-api.js';
import type { StoreLink } from '../store-link.js';

type StoreHandlers = Pick<Handlers, 'store:sync' | 'store:totals' | 'store:day' | 'store:closeDay' | 'store:connect'>;

/** A connection string the form cannot use; words for people, never the string itself. */
export class StoreConnectionError extends Error {
  readonly code = 'CONFIG_INVALID' satisfies ErrorCode;
}

/** Where the OS has no real secret store, the password is never written (docs/style.md §4). */
export class StoreSecretUnavailableError extends Error {
  readonly code = 'SECRET_STORE_UNAVAILABLE' satisfies ErrorCode;
  constructor() {
    super('This computer offers no secure key store, so the store database password was not saved. It is never stored in plain text.');
  }
}

/** `postgres://ROLE:PASSWORD@HOST:PORT/DB` as `pos store init` prints it: the URL for settings.json, and the password. */
function splitConnection(text: string, what: string): { url: string; password: string } {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw new StoreConnectionError(`the ${what} is not a connection string as pos store init prints it`);
  }
  if ((u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') || !u.username || !u.password || u.pathname.length < 2) {
    throw new StoreConnectionError(`the ${what} must be the whole connection string pos store init printed, password included`);
  }
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.href, password };
}
type Problem = 'not-configured' | 'no-manager-access' | 'unreachable' | 'refused';

const by = (caller: { staffId: string } | undefined): string => caller?.staffId ?? 'manager';
// No answer to a screen has a field called key (docs/style.md §4).
const line = ({ key, ...rest }: StoreLine) => ({ label: key, ...rest });
const terminal = (t: TerminalSync) => ({
  terminalId: t.terminalId, storeSeq: t.storeSeq, behind: t.behind, lastSyncAt: t.lastSyncAt, quarantined: t.quarantineReason !== null,
  quarantineReason: t.quarantineReason, paymentsChecking: t.paymentsChecking, refundsChecking: t.refundsChecking, needsAction: t.needsAction,
});
const zView = (z: StoreZ, closed: boolean) => ({
  storeDay: z.storeDay, terminals: z.terminals.map(terminal), withoutZ: z.withoutZ, problems: z.problems, closed, overridden: z.overridden,
  zs: z.zs.map((x) => ({ terminalId: x.terminalId, zNumber: x.zNumber, cashCurrency: x.cashCurrency, expectedCashCents: x.expectedCashCents, countedCashCents: x.countedCashCents, differenceCents: x.differenceCents })),
});

export function storeHandlers(ctx: AppContext, link: StoreLink, secrets?: StoreSecretStore): StoreHandlers {
  const { settings, journal } = ctx.services;
  const logger = ctx.logger.child('store');
  const today = () => storeDayOf(ctx.clock.now(), settings.storeTimeZone);
  /** The work's answer, or why there is none (logged with its code, shown as a word). */
  const asManager = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T | Problem> => {
    if (!link.configured && link.managerUrl() === undefined) return 'not-configured';
    try {
      return await link.withManager(work);
    } catch (error) {
      const code = (error as { code?: string }).code;
      logger.warn('store query failed', { code });
      return code === '42501' || code === '28P01' || code === '28000' ? 'refused' : 'unreachable';
    }
  };
  const isProblem = (v: unknown): v is Problem => typeof v === 'string';
  const emptyTotals = (storeDay: string, problem: Problem) => ({
    storeDay, problem, terminals: [], byTerminal: [], byChannel: [], byTender: [], byCashier: [], byCurrency: [], sales: [], taxes: [], needsAction: [],
  });
  return {
    'store:sync': () => {
      const s = link.status();
      return {
        configured: link.configured, managerAccess: link.managerUrl() !== undefined, unsent: s?.unsent ?? 0, lastSyncAt: s?.lastSyncAt ?? null,
        failing: (s?.failures ?? 0) > 0, quarantined: (s?.quarantineReason ?? null) !== null, secretStoreAvailable: secrets?.isAvailable() ?? false,
      };
    },
    // Kept like the merchant key: the URLs (no password) in settings.json, the passwords in the OS secret store only.
    // The link is built at start, so the new connection applies at the next start.
    'store:connect': (r) => {
      const terminalSide = splitConnection(r.connection, 'terminal\'s connection');
      const managerSide = r.managerConnection ? splitConnection(r.managerConnection, 'managers\' connection') : undefined;
      if (!secrets?.isAvailable()) throw new StoreSecretUnavailableError();
      secrets.write('terminal', terminalSide.password);
      if (managerSide) secrets.write('manager', managerSide.password);
      ctx.savedSettings.save({ ...ctx.savedSettings.get(), store: { url: terminalSide.url, ...(managerSide ? { managerUrl: managerSide.url } : {}) } });
      return { stored: true, restartNeeded: true };
    },
    'store:totals': async (r) => {
      const day = r.date ?? today();
      const t = await asManager((c) => storeTotals(c, day));
      if (isProblem(t)) return emptyTotals(day, t);
      return {
        storeDay: day, problem: null, terminals: t.terminals.map(terminal),
        byTerminal: t.byTerminal.map(line), byChannel: t.byChannel.map(line), byTender: t.byTender.map(line),
        byCashier: t.byCashier.map(line).map((l) => ({ ...l, label: ctx.staff.nameOf(l.label) })), byCurrency: t.byCurrency.map(line),
        sales: t.sales, taxes: t.taxes, needsAction: t.needsAction,
      };
    },
    'store:day': async (r) => {
      const day = r.date ?? today();
      const z = await asManager((c) => storeDayReport(c, day));
      return isProblem(z) ? { problem: z, report: null } : { problem: null, report: zView(z, z.closedBy !== null) };
    },
    'store:closeDay': async (r, _role, caller) => {
      const day = r.date ?? today();
      const who = by(caller);
      const z = await asManager(async (c) => {
        try {
          return zView(await closeStoreDay(c, { storeDay: day, closedBy: who, override: r.override ? { reason: r.override.reason, approvedBy: who } : undefined, journal }), true);
        } catch (error) {
          // Refused (something is behind or checking), or already closed: the screen shows the store Z as it stands.
          if (!(error instanceof StoreCloseRefusedError)) throw error;
          const now = await storeDayReport(c, day);
          return zView(now, now.closedBy !== null);
        }
      });
      return isProblem(z) ? { problem: z, report: null } : { problem: null, report: z };
    },
  };
}
