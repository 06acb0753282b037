// One training sandbox per data folder (docs/journal.md "Training"). Before this, `pos charge` on the data folder of a
// running training app started a second sandbox, and the two overwrote training-ledger.json: an order one of them
// took was gone from the ledger. Now the second process uses the running sandbox (training-sandbox.lock: pid + URLs),
// a stale lock of a dead process is taken over, and a live holder that does not answer is refused with a message.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startTrainingGateway, TRAINING_LEDGER_FILE, TRAINING_LOCK_FILE, TrainingSandboxBusyError } from '../../main/app/training-gateway.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { composedAppPerTest, until } from '../support/composed-app.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { tempDirsPerTest } from '../support/temp-dir.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const logger = createLogger('t', silentSink);
const dataDir = tempDirsPerTest('training-lock-');
const app = composedAppPerTest('training-lock-app-');
const children: Array<ReturnType<typeof spawn>> = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function pos(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(tsx, ['main/cli/pos.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, TRAINING_LOCK_FILE), 'utf8')) as { pid: number; gatewayUrl: string; controlUrl: string };
const ledgerOrders = (dir: string) => (JSON.parse(readFileSync(join(dir, TRAINING_LEDGER_FILE), 'utf8')) as { orders: Array<{ mchOrderNo: string }> }).orders.map((o) => o.mchOrderNo);

describe('one training sandbox per data folder', () => {
  it('pos charge beside a running training app uses its sandbox; the ledger keeps both orders', async () => {
    await app.start();
    const lock = lockOf(app.dataDir);
    expect(lock).toMatchObject({ pid: process.pid, gatewayUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });

    const charged = await pos(['charge', '--amount', '700', '--scan', walletCode('WX', '01'), '--data-dir', app.dataDir]);
    expect(charged.code, charged.out).toBe(0);
    const theirs = /(\S+) WX_MICROPAY 7\.00 CAD: succeeded/.exec(charged.out)![1]!;

    await app.call('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
    const mine = await app.call('cashier', 'payment:chargeByScan', { code: walletCode('ALIPAY', '01') });
    const mchOrderNo = (mine.value as { mchOrderNo: string }).mchOrderNo;
    await until(() => existsSync(join(app.dataDir, TRAINING_LEDGER_FILE)) && ledgerOrders(app.dataDir).includes(mchOrderNo), 'the app order in the ledger');
    expect(ledgerOrders(app.dataDir)).toEqual(expect.arrayContaining([theirs, mchOrderNo]));
    expect(lockOf(app.dataDir).gatewayUrl).toBe(lock.gatewayUrl);
  });

  it('a second start in the same process shares the sandbox; closing the sharer leaves it running; the holder removes the lock', async () => {
    const dir = dataDir();
    const first = await startTrainingGateway(dir, logger);
    const second = await startTrainingGateway(dir, logger);
    expect([first.shared, second.shared]).toEqual([false, true]);
    expect(second.gatewayUrl).toBe(first.gatewayUrl);
    expect(second.mchId).toBe(first.mchId);
    await second.close();
    expect((await fetch(`${first.gatewayUrl}/`)).status).toBe(404);
    await first.close();
    expect(existsSync(join(dir, TRAINING_LOCK_FILE))).toBe(false);
  });

  it('takes over the stale lock of a dead process', async () => {
    const dir = dataDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = dead.pid!;
    await new Promise((r) => dead.once('exit', r));
    writeFileSync(join(dir, TRAINING_LOCK_FILE), JSON.stringify({ pid, gatewayUrl: 'http://127.0.0.1:9', controlUrl: 'http://127.0.0.1:9', startedAt: 1 }));
    const gateway = await startTrainingGateway(dir, logger);
    try {
      expect(gateway.shared).toBe(false);
      expect(lockOf(dir).pid).toBe(process.pid);
    } finally {
      await gateway.close();
    }
  });

  it('refuses, with a message, a live holder whose sandbox does not answer', async () => {
    const dir = dataDir();
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    children.push(alive);
    writeFileSync(join(dir, TRAINING_LOCK_FILE), JSON.stringify({ pid: alive.pid, gatewayUrl: 'http://127.0.0.1:9', controlUrl: 'http://127.0.0.1:9', startedAt: 1 }));
    const refused = await startTrainingGateway(dir, logger).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TrainingSandboxBusyError);
    expect((refused as Error).message).toContain(`process ${alive.pid} runs the training sandbox of this data folder, but its sandbox does not answer. Next step:`);
  }, 20_000);
});
