// Builds the app's services from its data folder: settings, journal, the gateway (training sandbox or live
// IOTPay), the IOTPay client and the payment engine. The Electron host, the browser host and the admin
// command line all start here, so they can never disagree about config.
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { chooseGateway, type GatewayOverrides, type MerchantKeySource } from '../config/gateway-choice.js';
import { ensureTerminalId, loadSettings, rememberedJournalId, rememberJournalId } from '../config/load-settings.js';
import type { Settings } from '../config/settings.js';
import type { Province } from '../shared/sales-tax.js';
import { createIotPayClient, readGatewayCheck, type IotPayClient } from '../iotpay/index.js';
import { journalIdOf, openJournal, type Journal } from '../journal/database.js';
import { PaymentEngine } from '../payments/engine.js';
import { DEFAULT_TIMINGS_EXTRA } from '../payments/payment-context.js';
import { realTimers, type Timers } from '../payments/timers.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { securePrivateDir } from '../shared/private-files.js';
import { explainStorageError, JournalMissingError } from '../shared/storage-faults.js';
import { checkClockAtStart, type ClockWarning } from './clock-watch.js';
import { startTrainingGateway, type TrainingGateway } from './training-gateway.js';

export const JOURNAL_FILE = 'journal.sqlite';

export interface Services {
  settings: Settings;
  journal: Journal;
  /** Absent when opened without a gateway (reports, export, journal verify). */
  engine?: PaymentEngine;
  client?: IotPayClient;
  training: boolean;
  sandbox?: TrainingGateway;
  /** The clock was behind the newest journal event at start (journaled; the screens show a banner). */
  clockWarning?: ClockWarning;
  close(): Promise<void>;
}

export interface OpenServicesOptions {
  dataDir: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  overrides?: GatewayOverrides;
  keys?: MerchantKeySource;
  /** Read-only commands need no gateway, and must not start a second training sandbox on the same ledger. */
  withGateway: boolean;
  /** `read` (report, export): nothing is written, not even settings; works on a read-only medium. Default `write`. */
  access?: 'read' | 'write';
  /** `pos journal init --i-understand`: start a new, empty journal where one disappeared. */
  initJournal?: boolean;
  clock?: Clock;
  timers?: Timers;
  /** `pos --province XX`: the store's province for this run only, as `--data-dir` sets the folder (never saved). */
  province?: Province;
}

/** The terminal's LAN address, sent as `clientIp` as IOTPay's POS samples do (docs/iotpay-api.md §3.2). */
function terminalIp(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return '127.0.0.1';
}

async function connect(options: OpenServicesOptions, settings: Settings): Promise<{ client: IotPayClient; training: boolean; sandbox?: TrainingGateway }> {
  const choice = chooseGateway(settings, options.overrides ?? {}, options.env ?? process.env, options.keys);
  const common = { clientIp: terminalIp(), device: settings.terminalId, logger: options.logger.child('iotpay') };
  if (choice.mode === 'live') {
    const g = choice.gateway;
    // The last `pos gateway check` of this data folder raises the signature rows it saw signed (signature-policy.ts).
    const gatewayCheck = readGatewayCheck(options.dataDir);
    const client = createIotPayClient({ ...common, mchId: g.mchId, key: choice.key, loginName: g.loginName, notifyUrl: g.notifyUrl, v1BaseUrl: g.v1BaseUrl, v3BaseUrl: g.v3BaseUrl, gatewayCheck });
    return { client, training: false };
  }
  const sandbox = await startTrainingGateway(options.dataDir, options.logger);
  const client = createIotPayClient({
    ...common, mchId: sandbox.mchId, key: sandbox.key, loginName: 'training',
    // The app learns outcomes by querying, not from notifications; a non-loopback URL makes the sandbox skip
    // its notify quietly instead of warning about a refused connection on every training payment.
    notifyUrl: 'http://training.invalid/iotpay/notify',
    v1BaseUrl: `${sandbox.gatewayUrl}/v1/`, v3BaseUrl: `${sandbox.gatewayUrl}/v3/`,
  });
  return { client, training: true, sandbox };
}

/**
 * A data folder that had a journal (settings.json remembers its id) and lost it is refused: a new empty journal would
 * hide every sale recorded so far and restart the order numbers. `journal init --i-understand` makes a new one.
 */
function refuseVanishedJournal(dataDir: string, file: string, settings: Settings, access: 'read' | 'write', init: boolean): void {
  if (existsSync(file)) return;
  if (access === 'read') throw new JournalMissingError(file, 'there is no journal file there, so there is nothing to read', 'check the data folder (--data-dir or POS_DATA_DIR)');
  if (rememberedJournalId(dataDir) === undefined || init) return;
  throw new JournalMissingError(
    file,
    `the journal is missing, but settings.json says terminal ${settings.terminalId} had one; it was not recreated, because a new empty journal would hide every sale recorded so far`,
    `restore journal.sqlite from a backup into ${dataDir}; or, to start over with an empty journal, run \`npm run pos -- journal init --i-understand --data-dir "${dataDir}"\``,
  );
}

function prepareDataFolder(dataDir: string): void {
  try {
    securePrivateDir(dataDir);
    ensureTerminalId(dataDir);
    // Again, now that settings.json marks the folder as ours (a desktop shell may have created it first, 0755).
    securePrivateDir(dataDir);
  } catch (error) {
    throw explainStorageError(error, join(dataDir, 'settings.json')) ?? error;
  }
}

export async function openServices(options: OpenServicesOptions): Promise<Services> {
  const access = options.access ?? 'write';
  const file = join(options.dataDir, JOURNAL_FILE);
  if (access === 'write') prepareDataFolder(options.dataDir);
  const withOverrides = (loaded: Settings): Settings => (options.province ? { ...loaded, province: options.province } : loaded);
  let settings = withOverrides(loadSettings(options.dataDir));
  const clock = options.clock ?? systemClock;
  const logger = options.logger.child('journal');
  try {
    refuseVanishedJournal(options.dataDir, file, settings, access, options.initJournal === true);
  } catch (error) {
    logger.error('journal refused', { fault: (error as { code?: string }).code, message: (error as Error).message });
    throw error;
  }
  const journal = openJournal({ file, clock, terminalId: settings.terminalId, timeZone: settings.storeTimeZone, logger, readOnly: access === 'read' });
  let clockWarning: ClockWarning | undefined;
  if (access === 'write') {
    try {
      const id = journalIdOf(journal);
      if (id) rememberJournalId(options.dataDir, id);
      settings = withOverrides(loadSettings(options.dataDir));
      clockWarning = checkClockAtStart(journal, clock, options.logger.child('clock'));
    } catch (error) {
      journal.close();
      throw explainStorageError(error, join(options.dataDir, 'settings.json')) ?? error;
    }
  }
  if (!options.withGateway) {
    return { settings, journal, training: settings.gateway.mode === 'training', clockWarning, close: async () => journal.close() };
  }
  let gateway: Awaited<ReturnType<typeof connect>>;
  try {
    gateway = await connect(options, settings);
  } catch (err) {
    journal.close();
    throw err;
  }
  const engine = new PaymentEngine({
    journal, client: gateway.client, clock, timers: options.timers ?? realTimers, logger: options.logger.child('payments'),
    timings: { ...settings.timers, ...DEFAULT_TIMINGS_EXTRA }, currency: settings.currency,
  });
  return {
    settings, journal, engine, client: gateway.client, training: gateway.training, sandbox: gateway.sandbox, clockWarning,
    async close() {
      await engine.stop();
      journal.close();
      await gateway.sandbox?.close();
    },
  };
}
