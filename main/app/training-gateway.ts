// Training mode: the built-in sandbox on 127.0.0.1, with its ledger in the app's data folder, so a training
// journal still reconciles after a restart. Its merchant id and key are minted once per data folder and kept
// beside the ledger: they are sandbox credentials and move no real money.
// One sandbox per data folder (docs/journal.md "Training"): the one that runs it holds training-sandbox.lock
// (pid + its URLs). A second process (`pos charge` beside a running app) uses that sandbox; a lock whose pid is
// dead is taken over; a live holder that does not answer is refused with a message. Only the holder writes the
// ledger, so two sandboxes never overwrite each other's training-ledger.json.
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { createControlClient, type ControlClient } from '../sandbox/control-client.js';
import { startSandbox } from '../sandbox/index.js';
import type { Logger } from '../shared/logger.js';

export const TRAINING_LEDGER_FILE = 'training-ledger.json';
export const TRAINING_MERCHANT_FILE = 'training-merchant.json';
export const TRAINING_LOCK_FILE = 'training-sandbox.lock';

/** What the app needs of the training gateway, whether this process runs it or another one does. */
export interface TrainingGateway {
  gatewayUrl: string;
  controlUrl: string;
  mchId: string;
  key: string;
  /** True when another process runs the sandbox and this one only uses it. */
  shared: boolean;
  /** The sandbox's control API (a trainer plays the customer). */
  control: ControlClient;
  close(): Promise<void>;
}

/** Another live process holds the training sandbox of this data folder, but it does not answer. */
export class TrainingSandboxBusyError extends Error {
  readonly code = 'TRAINING_SANDBOX_BUSY';
  constructor(readonly lockFile: string, readonly pid: number) {
    super(`${lockFile}: process ${pid} runs the training sandbox of this data folder, but its sandbox does not answer. Next step: close that POS (or wait for it to finish starting), then try again; if process ${pid} is not a POS, delete ${lockFile}`);
    this.name = 'TrainingSandboxBusyError';
  }
}

interface LockRecord { pid: number; gatewayUrl?: string; controlUrl?: string; startedAt: number }

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockRecord>;
    return typeof parsed.pid === 'number' ? (parsed as LockRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock only if nobody holds it (O_EXCL); true when this process now holds it. */
function claimLock(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeFileSync(fd, JSON.stringify({ pid: process.pid, startedAt: Date.now() } satisfies LockRecord));
  } finally {
    closeSync(fd);
  }
  return true;
}

function writeLock(file: string, record: LockRecord): void {
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(record), { mode: 0o600 });
  renameSync(`${file}.${process.pid}.tmp`, file);
}

function releaseLock(file: string): void {
  if (readLock(file)?.pid !== process.pid) return;
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1500) });
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long a second process waits for a holder that is still starting its sandbox. */
const STARTING_WAIT_MS = 5_000;

interface TrainingMerchant { mchId: string; key: string }

function loadOrMintMerchant(dataDir: string): TrainingMerchant {
  const file = join(dataDir, TRAINING_MERCHANT_FILE);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<TrainingMerchant>;
    if (typeof saved.mchId === 'string' && typeof saved.key === 'string') return { mchId: saved.mchId, key: saved.key };
  }
  const merchant = { mchId: `9${String(randomInt(10_000_000)).padStart(7, '0')}`, key: randomBytes(16).toString('hex').toUpperCase() };
  writeFileSync(`${file}.tmp`, JSON.stringify(merchant), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return merchant;
}

async function runSandbox(dataDir: string, lockFile: string, logger: Logger): Promise<TrainingGateway> {
  try {
    // Minted by the lock holder only, so two first starts cannot mint two merchants for one sandbox.
    const merchant = loadOrMintMerchant(dataDir);
    const sandbox = await startSandbox({ ...merchant, ledgerFile: join(dataDir, TRAINING_LEDGER_FILE), logger: logger.child('training-sandbox') });
    writeLock(lockFile, { pid: process.pid, gatewayUrl: sandbox.gatewayUrl, controlUrl: sandbox.controlUrl, startedAt: Date.now() });
    logger.info('training mode: built-in IOTPay sandbox', { gatewayUrl: sandbox.gatewayUrl, controlUrl: sandbox.controlUrl });
    return {
      gatewayUrl: sandbox.gatewayUrl, controlUrl: sandbox.controlUrl, mchId: sandbox.mchId, key: sandbox.key, shared: false, control: sandbox.control,
      async close() {
        await sandbox.close();
        releaseLock(lockFile);
      },
    };
  } catch (error) {
    releaseLock(lockFile);
    throw error;
  }
}

export async function startTrainingGateway(dataDir: string, logger: Logger): Promise<TrainingGateway> {
  const lockFile = join(dataDir, TRAINING_LOCK_FILE);
  const giveUpAt = Date.now() + STARTING_WAIT_MS;
  for (;;) {
    if (claimLock(lockFile)) return runSandbox(dataDir, lockFile, logger);
    const holder = readLock(lockFile);
    if (!holder || !pidAlive(holder.pid)) {
      // A crashed holder's lock (or one half-written): take it over.
      logger.warn('taking over a stale training-sandbox lock', { lockFile, pid: holder?.pid });
      try {
        unlinkSync(lockFile);
      } catch {
        // another process took it over first; the next claim tells
      }
      continue;
    }
    if (holder.gatewayUrl && holder.controlUrl && (await answers(holder.gatewayUrl))) {
      logger.info('training mode: using the sandbox another process runs for this data folder', { pid: holder.pid, gatewayUrl: holder.gatewayUrl });
      const merchant = loadOrMintMerchant(dataDir);
      return {
        gatewayUrl: holder.gatewayUrl, controlUrl: holder.controlUrl, mchId: merchant.mchId, key: merchant.key, shared: true,
        control: createControlClient(holder.controlUrl), close: async () => {},
      };
    }
    if (Date.now() > giveUpAt) throw new TrainingSandboxBusyError(lockFile, holder.pid);
    await sleep(100);
  }
}
