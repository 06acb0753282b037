// The IOTPay sandbox (docs/sandbox.md): a loopback gateway that speaks IOTPay's v1 and v3 wire, plus a
// control API. This file only composes the parts and owns their lifetime.
import { randomBytes, randomInt } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../shared/clock.js';
import { createLogger, silentSink, type Logger } from '../shared/logger.js';
import { createControlClient, type ControlClient } from './control-client.js';
import { createControlServer } from './control-server.js';
import { Faults, type FaultRates, type InjectedFault, type RatedFault } from './faults.js';
import type { GatewayContext } from './gateway-context.js';
import { createGatewayServer } from './gateway-server.js';
import { Ledger, type OrderLookup } from './ledger.js';
import type { LedgerSnapshot, V1Order, V3Purchase } from './ledger-records.js';
import type { Merchant } from './merchant.js';
import { createNotifier } from './notify.js';
import { PendingTimers } from './pending-timers.js';
import { checkShapes, type AnswerShapes } from './shapes.js';

export interface SandboxOptions {
  mchId?: string;
  key?: string;
  port?: number;
  controlPort?: number;
  /** Persist the ledger as JSON (atomic write: tmp + rename) after each change; loaded at start. */
  ledgerFile?: string;
  clock?: Clock;
  passwordMs?: number;
  slowResponseMs?: number;
  faults?: { rates?: Partial<Record<RatedFault, number>>; latencyMs?: number };
  /** The documented or observed answer shapes to use this run (shapes.ts); default: signed, status 1, object payParams. */
  shapes?: Partial<AnswerShapes>;
  /** How long a refund answered "in progress" (refundStatus 0 or 1) takes to succeed; default 3 s. */
  refundSettleMs?: number;
  seed?: number;
  logger?: Logger;
}

/** Read access to the sandbox's ground truth, for tests. Statuses are resolved at the current clock. */
export interface SandboxLedger {
  snapshot(): LedgerSnapshot;
  v1Order(lookup: OrderLookup): V1Order | undefined;
  v3Order(lookup: OrderLookup): V3Purchase | undefined;
}

export interface SandboxFaults {
  setRates(rates: FaultRates, latencyMs?: number): void;
  injectNext(fault: InjectedFault): void;
  current(): ReturnType<Faults['current']>;
}

export interface SandboxHandle {
  /** `http://127.0.0.1:PORT`; v1 at `/v1/`, v3 at `/v3/`, card SDK at `/cc/`. */
  gatewayUrl: string;
  controlUrl: string;
  mchId: string;
  key: string;
  /** The fault PRNG seed, so a chaos run can be repeated. */
  seed: number;
  ledger: SandboxLedger;
  faults: SandboxFaults;
  control: ControlClient;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the sandbox holds test money and must never be reachable from the network.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function handleFor(ledger: Ledger, faults: Faults): Pick<SandboxHandle, 'ledger' | 'faults'> {
  return {
    ledger: {
      snapshot: () => ledger.snapshot(),
      v1Order: (lookup) => structuredClone(ledger.v1Order(lookup)),
      v3Order: (lookup) => structuredClone(ledger.v3Purchase(lookup)),
    },
    faults: { setRates: (r, l) => faults.setRates(r, l), injectNext: (f) => faults.inject(f), current: () => faults.current() },
  };
}

function merchantFrom(options: SandboxOptions): Merchant {
  return {
    mchId: options.mchId ?? `1000${String(randomInt(10_000)).padStart(4, '0')}`,
    key: options.key ?? randomBytes(16).toString('hex').toUpperCase(),
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const merchant = merchantFrom(options);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger('sandbox', silentSink);
  const seed = options.seed ?? randomInt(2 ** 31);
  const ledger = new Ledger(clock, options.ledgerFile);
  const timers = new PendingTimers();
  const faults = new Faults(seed);
  faults.setRates(options.faults?.rates ?? {}, options.faults?.latencyMs ?? 0);
  const notifier = createNotifier({ merchant, ledger, timers, logger: logger.child('notify') });
  let gatewayUrl = '';
  const passwordMs = options.passwordMs ?? 6000;
  const shapes = checkShapes(options.shapes);
  const ctx: GatewayContext = {
    merchant, ledger, clock, notifier, logger, passwordMs, gatewayUrl: () => gatewayUrl, shapes, refundSettleMs: options.refundSettleMs ?? 3000,
  };
  const gateway = createGatewayServer({ ctx, faults, timers, slowResponseMs: options.slowResponseMs ?? 40_000 });
  const control = createControlServer({ ctx, faults });
  const close = async () => {
    timers.cancelAll();
    notifier.close();
    await Promise.all([shut(gateway), shut(control)]);
  };
  try {
    gatewayUrl = await listen(gateway, options.port ?? 0);
    const controlUrl = await listen(control, options.controlPort ?? 0);
    logger.info('listening', { gatewayUrl, controlUrl, mchId: merchant.mchId });
    const parts = handleFor(ledger, faults);
    return { gatewayUrl, controlUrl, ...merchant, seed, close, ...parts, control: createControlClient(controlUrl) };
  } catch (error) {
    await close();
    throw error;
  }
}

export type { ControlClient } from './control-client.js';
export { maskLedgerCode } from './control-server.js';
export { DEFAULT_SHAPES, parseShapeSpec, type AnswerShapes } from './shapes.js';
export type { FaultKind, FaultRates, InjectedFault, RatedFault } from './faults.js';
export type { LedgerSnapshot, V1Order, V1Refund, V3Purchase, V3Refund, CardRecord } from './ledger-records.js';
