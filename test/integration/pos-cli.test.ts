// The admin command line on a real data folder: training gateway by default, or --gateway flags.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/app/services.js';
import { runPos } from '../../main/cli/pos.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { startSandbox } from '../../main/sandbox/index.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { tempDirsPerTest } from '../support/temp-dir.js';

const dataDir = tempDirsPerTest('pos-cli-');

async function pos(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runPos(argv, (l) => lines.push(l), {}).catch((err: unknown) => {
    lines.push(String((err as Error).message));
    return (err as { code?: string }).code === 'USAGE' ? 2 : 1;
  });
  return { code, lines };
}

describe('npm run pos', () => {
  it('charges in training mode, refunds, reports, exports and closes the day', async () => {
    const dir = dataDir();
    const scan = await pos('charge', '--amount', '1250', '--scan', walletCode('WX', '01'), '--data-dir', dir);
    expect(scan.code).toBe(0);
    expect(scan.lines[0]).toContain('TRAINING MODE');
    const mchOrderNo = scan.lines[1]!.split(' ')[0]!;
    expect(scan.lines[1]).toMatch(/WX_MICROPAY 12\.50 CAD: succeeded/);
    expect((await pos('charge', '--amount', '500', '--cash', '--tendered', '2000', '--data-dir', dir)).lines[1]).toContain('change 15.00 CAD');
    expect((await pos('charge', '--amount', '999', '--scan', walletCode('ALIPAY', '04'), '--data-dir', dir)).code).toBe(1);
    const refund = await pos('refund', '--order', mchOrderNo, '--amount', '250', '--data-dir', dir);
    expect(refund).toMatchObject({ code: 0 });
    expect(refund.lines[1]).toMatch(/refund of 2\.50 CAD on .*: succeeded/);
    const report = await pos('report', '--json', '--data-dir', dir);
    const totals = JSON.parse(report.lines[0]!) as { byCurrency: Array<{ grossCents: number; refundCents: number; netCents: number }> };
    expect(totals.byCurrency[0]).toMatchObject({ grossCents: 1750, refundCents: 250, netCents: 1500 });
    const day = JSON.parse(report.lines[0]!).storeDay as string;
    const csv = await pos('export', '--from', day, '--to', day, '--out', join(dir, 'x.csv'), '--data-dir', dir);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'x.csv'), 'utf8').split('\n').filter(Boolean)).toHaveLength(1 + 3 + 1);
    const z = await pos('close-day', '--date', day, '--counted-cash', '400', '--data-dir', dir);
    expect(z.lines[0]).toMatch(/^Z 1 .*expected cash 5\.00 CAD, counted 4\.00 CAD, difference -1\.00 CAD/);
    expect((await pos('reconcile', '--data-dir', dir)).code).toBe(0);
  });

  it('journal verify reports the first broken link of a tampered journal', async () => {
    const dir = dataDir();
    await pos('charge', '--amount', '100', '--cash', '--data-dir', dir);
    expect((await pos('journal', 'verify', '--data-dir', dir)).lines[0]).toMatch(/journal ok: \d+ events/);
    const db = new Database(join(dir, 'journal.sqlite'));
    const triggers = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'events'`).all() as Array<{ name: string }>;
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    db.prepare(`UPDATE events SET payload = replace(payload, '100', '1') WHERE seq = 3`).run();
    db.close();
    const verdict = await pos('journal', 'verify', '--data-dir', dir);
    expect(verdict.code).toBe(1);
    expect(verdict.lines[0]).toMatch(/journal BROKEN at event 3/);
  });

  it('--gateway --mch-id --key points at any IOTPay-compatible endpoint', async () => {
    const sandbox = await startSandbox();
    try {
      const dir = dataDir();
      const run = await pos('charge', '--amount', '700', '--scan', walletCode('UPI', '01'), '--gateway', sandbox.gatewayUrl, '--mch-id', sandbox.mchId, '--key', sandbox.key, '--data-dir', dir);
      expect(run.code).toBe(0);
      expect(run.lines.join('\n')).not.toContain('TRAINING');
      expect(sandbox.ledger.snapshot().orders).toHaveLength(1);
      const wrongKey = await pos('charge', '--amount', '700', '--scan', walletCode('UPI', '01'), '--gateway', sandbox.gatewayUrl, '--mch-id', sandbox.mchId, '--key', 'WRONG', '--data-dir', dir);
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.lines.at(-1)).toContain('SIGNATURE_REJECTED');
    } finally {
      await sandbox.close();
    }
  });

  it('bad input is a usage error, not a crash', async () => {
    const dir = dataDir();
    for (const argv of [['charge', '--amount', '12.50', '--cash'], ['charge', '--amount', '100'], ['report', '--date', 'yesterday'], ['bogus'], ['charge', '--nope'], ['refund', '--order', 'NOPE', '--amount', '1']]) {
      const run = await pos(...argv, '--data-dir', dir);
      expect(run.code, argv.join(' ')).toBe(2);
    }
  });

  it('the training ledger lives in the data folder: a training journal reconciles after a restart', async () => {
    const dir = dataDir();
    const logger = createLogger('t', silentSink);
    const first = await openServices({ dataDir: dir, logger, env: {}, withGateway: true });
    const sale = createSale(first.journal, { cashier: 'alice', currency: 'CAD' });
    addLine(first.journal, sale.id, { sku: 'A', name: 'A', unitPriceCents: 800, quantity: 1 });
    const charging = first.engine!.chargeByQr({ saleId: sale.id, channel: 'WX_NATIVE', cashier: 'alice' });
    await new Promise((r) => setTimeout(r, 200));
    first.engine!.cancel(getSale(first.journal, sale.id).attempts[0]!.id);
    const expired = await charging;
    expect(expired.state).toBe('expired');
    await first.close();

    const second = await openServices({ dataDir: dir, logger, env: {}, withGateway: true });
    try {
      expect(second.sandbox!.mchId).toBe(first.sandbox!.mchId);
      await second.sandbox!.control.payQr({ payOrderId: expired.payOrderId! });
      await second.engine!.reconcile();
      expect(getSale(second.journal, sale.id).attempts[0]).toMatchObject({ state: 'succeeded', needsAction: true });
    } finally {
      await second.close();
    }
  });
});
