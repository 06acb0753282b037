// Builds the app's services from its data folder: settings, journal, the gateway (training sandbox or live
// IOTPay), the IOTPay client and the payment engine. The Electron host, the browser host and the admin
// command line all start here, so they can never disagree about config.
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { chooseGateway, type GatewayOverrides, type MerchantKeySource } from '../config/gateway-choice.js';
import { ensureTerminalId, loadSettings } from '../config/load-settings.js';
import type { Settings } from '../config/settings.js';
import { createIotPayClient, type IotPayClient } from '../iotpay/index.js';
import { openJournal, type Journal } from '../journal/database.js';
import { PaymentEngine } from '../payments/engine.js';
import { DEFAULT_TIMINGS_EXTRA } from '../payments/payment-context.js';
import { realTimers, type Timers } from '../payments/timers.js';
import type { SandboxHandle } from '../sandbox/index.js';
import { systemClock, type Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { startTrainingGateway } from './training-gateway.js';

export const JOURNAL_FILE = 'journal.sqlite';

export interface Services {
  settings: Settings;
  journal: Journal;
  /** Absent when opened without a gateway (reports, export, journal verify). */
  engine?: PaymentEngine;
  client?: IotPayClient;
  training: boolean;
  sandbox?: SandboxHandle;
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
  clock?: Clock;
  timers?: Timers;
}

/** The terminal's LAN address, sent as `clientIp` as IOTPay's POS samples do (docs/iotpay-api.md §3.2). */
function terminalIp(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return '127.0.0.1';
}

async function connect(options: OpenServicesOptions, settings: Settings): Promise<{ client: IotPayClient; training: boolean; sandbox?: SandboxHandle }> {
  const choice = chooseGateway(settings, options.overrides ?? {}, options.env ?? process.env, options.keys);
  const common = { clientIp: terminalIp(), device: settings.terminalId, logger: options.logger.child('iotpay') };
  if (choice.mode === 'live') {
    const g = choice.gateway;
    const client = createIotPayClient({ ...common, mchId: g.mchId, key: choice.key, loginName: g.loginName, notifyUrl: g.notifyUrl, v1BaseUrl: g.v1BaseUrl, v3BaseUrl: g.v3BaseUrl, acceptUnsignedCardResponses: g.acceptUnsignedCardResponses });
    return { client, training: false };
  }
  const sandbox = await startTrainingGateway(options.dataDir, options.logger);
  const client = createIotPayClient({
    ...common, mchId: sandbox.mchId, key: sandbox.key, loginName: 'training',
    // The app learns outcomes by querying, not from notifications; a non-loopback URL makes the sandbox skip
    // its notify quietly instead of warning about a refused connection on every training payment.
    notifyUrl: 'http://training.invalid/iotpay/notify',
    v1BaseUrl: `${sandbox.gatewayUrl}/v1/`, v3BaseUrl: `${sandbox.gatewayUrl}/v3/`,
    // The sandbox signs every v3 response, so training never accepts an unsigned one.
    acceptUnsignedCardResponses: false,
  });
  return { client, training: true, sandbox };
}

export async function openServices(options: OpenServicesOptions): Promise<Services> {
  ensureTerminalId(options.dataDir);
  const settings = loadSettings(options.dataDir);
  const clock = options.clock ?? systemClock;
  const journal = openJournal({ file: join(options.dataDir, JOURNAL_FILE), clock, terminalId: settings.terminalId, timeZone: settings.storeTimeZone, logger: options.logger.child('journal') });
  if (!options.withGateway) {
    return { settings, journal, training: settings.gateway.mode === 'training', close: async () => journal.close() };
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
    settings, journal, engine, client: gateway.client, training: gateway.training, sandbox: gateway.sandbox,
    async close() {
      await engine.stop();
      journal.close();
      await gateway.sandbox?.close();
    },
  };
}
