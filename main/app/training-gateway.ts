// Training mode: the built-in sandbox on 127.0.0.1, with its ledger in the app's data folder, so a training
// journal still reconciles after a restart. Its merchant id and key are minted once per data folder and kept
// beside the ledger: they are sandbox credentials and move no real money.
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle } from '../sandbox/index.js';
import type { Logger } from '../shared/logger.js';

export const TRAINING_LEDGER_FILE = 'training-ledger.json';
export const TRAINING_MERCHANT_FILE = 'training-merchant.json';

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

export async function startTrainingGateway(dataDir: string, logger: Logger): Promise<SandboxHandle> {
  const merchant = loadOrMintMerchant(dataDir);
  const sandbox = await startSandbox({ ...merchant, ledgerFile: join(dataDir, TRAINING_LEDGER_FILE), logger: logger.child('training-sandbox') });
  logger.info('training mode: built-in IOTPay sandbox', { gatewayUrl: sandbox.gatewayUrl, controlUrl: sandbox.controlUrl });
  return sandbox;
}
