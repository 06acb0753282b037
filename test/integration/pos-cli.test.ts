// The admin command line on a real data folder: training gateway by default, or --gateway flags.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CATALOG_FILE } from '../../main/app/compose.js';
import { openServices } from '../../main/app/services.js';
import { Catalog } from '../../main/catalog/catalog.js';
import { importCatalogCsv } from '../../main/catalog/csv-import.js';
import { CatalogFileError } from '../../main/cli/catalog-commands.js';
import { runPos } from '../../main/cli/pos.js';
import { getSale } from '../../main/journal/sale-queries.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { SETTINGS_FILE } from '../../main/config/load-settings.js';
import { createControlClient } from '../../main/sandbox/control-client.js';
import { startSandbox } from '../../main/sandbox/index.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { openPtyPair } from '../support/pty-pair.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { requireTool } from '../support/system-tools.js';
import { posCliPerTest } from '../support/pos-cli-rig.js';

const { dataDir, pos } = posCliPerTest('pos-cli-');

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
    // The till "restarts" mid-QR: the wait ends, the attempt stays in flight in the journal.
    await first.close();
    const left = await charging;
    expect(left.state).toBe('pending');

    const second = await openServices({ dataDir: dir, logger, env: {}, withGateway: true });
    try {
      expect(second.sandbox!.mchId).toBe(first.sandbox!.mchId);
      await second.sandbox!.control.payQr({ payOrderId: left.payOrderId! });
      await second.engine!.reconcile();
      // Nobody waited for it after the restart, but the sale still owed it: it pays the sale.
      expect(getSale(second.journal, sale.id).attempts[0]).toMatchObject({ state: 'succeeded', needsAction: false });
      expect(getSale(second.journal, sale.id).sale.status).toBe('paid');
    } finally {
      await second.close();
    }
  });
});

describe('npm run pos: waiting, closing and verifying', () => {
  it('charge --qr prints the QR, waits while the customer pays, and prints the final state', async () => {
    const dir = dataDir();
    const lines: string[] = [];
    let paying: Promise<unknown> | undefined;
    const code = await runPos(['charge', '--amount', '880', '--qr', 'ALIPAY_QR', '--data-dir', dir], (line) => {
      lines.push(line);
      const training = /curl -X POST (\S+)\/control\/qr\/pay -d '\{"codeUrl":"([^"]+)"\}'/.exec(line);
      if (training) paying = createControlClient(training[1]!).payQr({ codeUrl: training[2]! });
    }, {});
    await paying;
    expect(code).toBe(0);
    expect(lines.find((l) => l.startsWith('show this QR'))).toBeDefined();
    // The final state, then the receipt as text (docs/printing.md).
    expect(lines.find((l) => l.includes('ALIPAY_QR 8.80 CAD:'))).toMatch(/ALIPAY_QR 8\.80 CAD: succeeded$/);
    expect(lines.at(-1)).toContain('TRAINING - NOT A VALID RECEIPT');
  });

  it('an unpaid QR is not final when it expires, and time alone never fails it: still open, exit 3', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ timers: { qrExpiryMs: 10_000, qrBackgroundMs: 0, qrPollMs: 500 } }));
    const run = await pos('charge', '--amount', '300', '--qr', 'WX_NATIVE', '--wait', '3', '--data-dir', dir);
    expect(run.lines.some((l) => /^expired: asking IOTPay until it is final/.test(l))).toBe(true);
    expect(run.lines.at(-1)).toMatch(/WX_NATIVE 3\.00 CAD: expired/);
    expect(run.code).toBe(3);
  }, 30_000);

  it('close-day needs the counted cash (an immutable Z must not record a forgotten count as zero); 0 is a count', async () => {
    const dir = dataDir();
    await pos('charge', '--amount', '500', '--cash', '--data-dir', dir);
    expect((await pos('close-day', '--data-dir', dir)).code).toBe(2);
    expect((await pos('report', '--json', '--data-dir', dir)).code).toBe(0);
    const z = await pos('close-day', '--counted-cash', '0', '--data-dir', dir);
    expect(z.code).toBe(0);
    expect(z.lines[0]).toMatch(/expected cash 5\.00 CAD, counted 0\.00 CAD, difference -5\.00 CAD/);
  });

  it('journal verify reads without writing: no journal is created, and an existing one keeps its bytes', async () => {
    const dir = dataDir();
    expect(await pos('journal', 'verify', '--data-dir', dir)).toMatchObject({ code: 1, lines: [expect.stringMatching(/^no journal at /)] });
    expect(existsSync(join(dir, 'journal.sqlite'))).toBe(false);
    await pos('charge', '--amount', '100', '--cash', '--data-dir', dir);
    const before = readFileSync(join(dir, 'journal.sqlite'));
    expect((await pos('journal', 'verify', '--data-dir', dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'journal.sqlite')).equals(before)).toBe(true);
  });

  it('POS_DATA_DIR chooses the data folder when --data-dir is absent', async () => {
    const dir = dataDir();
    const lines: string[] = [];
    expect(await runPos(['charge', '--amount', '250', '--cash'], (l) => lines.push(l), { POS_DATA_DIR: dir })).toBe(0);
    expect(existsSync(join(dir, 'journal.sqlite'))).toBe(true);
    const report = await pos('report', '--json', '--data-dir', dir);
    expect(JSON.parse(report.lines[0]!)).toMatchObject({ byCurrency: [{ grossCents: 250 }] });
  });
});

describe('npm run pos -- catalog', () => {
  const CSV = [
    'sku,gtin,name,price',
    'PEN,4006381333931,"Pen, blue",1.50',
    'BAD-GTIN,123,Bad gtin,2',
    'BAD-PRICE,036000291452,Milk,abc',
    'TEA,96385074,Green tea,3.25',
    'PASTED,134567890123456789,Wallet code in the GTIN column,1',
    'PEN,012345678905,Same SKU again,1',
    '',
  ].join('\n');

  function writeCsv(dir: string, name: string, text: string): string {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  }

  it('imports the good rows into the data folder catalog.csv and lists each bad row with its line and reason', async () => {
    const dir = dataDir();
    const run = await pos('catalog', 'import', writeCsv(dir, 'in.csv', CSV), '--data-dir', dir);
    expect(run.code).toBe(1);
    expect(run.lines[0]).toBe(`imported 2 product(s) from ${join(dir, 'in.csv')} into ${join(dir, CATALOG_FILE)}; catalog now has 2 product(s)`);
    expect(run.lines[1]).toBe('refused 4 row(s) (the good rows above were still imported):');
    expect(run.lines.slice(2).map((l) => l.replace(/^ {2}(line \d+)( \(sku [^)]+\))?: (\w+) .*$/, '$1 $3'))).toEqual([
      'line 3 INVALID_GTIN', 'line 4 INVALID_PRICE', 'line 6 INVALID_GTIN', 'line 7 DUPLICATE_SKU',
    ]);
    expect(run.lines.join('\n')).not.toContain('134567890123456789');
    expect(run.lines[4]).toContain('**************6789');
    // What the app loads at start-up, read the way compose.ts reads it.
    const loaded = new Catalog();
    expect(importCatalogCsv(loaded, readFileSync(join(dir, CATALOG_FILE), 'utf8'))).toEqual({ imported: 2, rejected: [] });
    expect(loaded.all().map((p) => [p.sku, p.gtin, p.name, p.priceCents])).toEqual([
      ['PEN', '04006381333931', 'Pen, blue', 150],
      ['TEA', '00000096385074', 'Green tea', 325],
    ]);
    const search = await pos('catalog', 'search', 'blue', '--data-dir', dir);
    expect(search.code).toBe(0);
    expect(search.lines.filter((l) => l.startsWith('PEN'))).toEqual(['PEN            04006381333931      1.50  Pen, blue']);
    expect(search.lines.at(-1)).toBe('1 product(s) match');
  });

  it('a clean file exits 0; a second import adds to the catalog; --replace replaces it', async () => {
    const dir = dataDir();
    const first = await pos('catalog', 'import', writeCsv(dir, 'a.csv', 'sku,gtin,name,price_cents\nPEN,4006381333931,Pen,150\n'), '--data-dir', dir);
    expect(first).toMatchObject({ code: 0, lines: [expect.stringContaining('catalog now has 1 product(s)')] });
    const second = await pos('catalog', 'import', writeCsv(dir, 'b.csv', 'sku,gtin,name,price\nTEA,96385074,Tea,3\n'), '--data-dir', dir);
    expect(second).toMatchObject({ code: 0, lines: [expect.stringContaining('catalog now has 2 product(s)')] });
    const replaced = await pos('catalog', 'import', join(dir, 'b.csv'), '--replace', '--data-dir', dir);
    expect(replaced).toMatchObject({ code: 0, lines: [expect.stringMatching(/\(replacing it\); catalog now has 1 product\(s\)$/)] });
    expect(readFileSync(join(dir, CATALOG_FILE), 'utf8')).toBe('sku,gtin,name,price\r\nTEA,00000096385074,Tea,3.00\r\n');
    expect(readFileSync(join(dir, `${CATALOG_FILE}.bak`), 'utf8')).toContain('PEN');
  });

  it('a file with no usable rows changes nothing and exits 1', async () => {
    const dir = dataDir();
    const run = await pos('catalog', 'import', writeCsv(dir, 'in.csv', 'sku,name\nPEN,Pen\n'), '--data-dir', dir);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `imported 0 products from ${join(dir, 'in.csv')}; ${join(dir, CATALOG_FILE)} unchanged`,
      'refused 1 row(s); nothing was changed:',
      '  line 1: CSV_HEADER header is missing: gtin, price',
    ]);
    expect(existsSync(join(dir, CATALOG_FILE))).toBe(false);
  });

  it('search: the training demo products without catalog.csv; a wallet code is neither searched nor echoed', async () => {
    const dir = dataDir();
    const coffee = await pos('catalog', 'search', 'coffee', '--data-dir', dir);
    expect(coffee.code).toBe(0);
    expect(coffee.lines[0]).toMatch(/^catalog: the training demo products/);
    expect(coffee.lines.slice(1, -1).map((l) => l.split(/\s+/)[0])).toEqual(['COFFEE-L', 'COFFEE-S']);
    const code = walletCode('WX', '01');
    const wallet = await pos('catalog', 'search', code, '--data-dir', dir);
    expect(wallet.lines.at(-1)).toBe('no products match');
    expect(wallet.lines.join('\n')).not.toContain(code);
  });

  it('bad catalog commands are usage errors; an unreadable file is a typed error', async () => {
    const dir = dataDir();
    for (const argv of [['catalog'], ['catalog', 'import'], ['catalog', 'bogus'], ['catalog', 'search'], ['catalog', 'search', 'x', '--replace'], ['catalog', 'import', 'a.csv', 'b.csv']]) {
      expect((await pos(...argv, '--data-dir', dir)).code, argv.join(' ')).toBe(2);
    }
    const missing = await pos('catalog', 'import', join(dir, 'nope.csv'), '--data-dir', dir);
    expect(missing.code).toBe(1);
    expect(missing.lines[0]).toMatch(/^cannot read import file .*nope\.csv/);
    await expect(runPos(['catalog', 'import', join(dir, 'nope.csv'), '--data-dir', dir], () => undefined, {})).rejects.toBeInstanceOf(CatalogFileError);
  });
});

describe('npm run pos -- scanners', () => {
  it('scanners list exits 0 with one line per candidate, or a clear "no candidate scanners" line', async () => {
    const run = await pos('scanners', 'list');
    expect(run.code).toBe(0);
    const candidates = run.lines.filter((l) => /^(serial|hid-pos|hid-keyboard) +\S/.test(l));
    const none = run.lines.filter((l) => l === 'no candidate scanners found');
    expect(candidates.length > 0 ? none : candidates).toEqual([]);
    expect(candidates.length + none.length).toBeGreaterThan(0);
    for (const line of run.lines) expect(line).toMatch(/^((serial|hid-pos|hid-keyboard) +\S.*|no candidate scanners found|problem [A-Z_]+: .+)$/);
  });

  const hasSocat = requireTool('socat', 'scanners watch reads a real pty pair');

  it.skipIf(!hasSocat)('scanners watch --serial over a socat pty prints one masked line per scan, then stops after --count 1', async () => {
    const pty = await openPtyPair(dataDir());
    try {
      const lines: string[] = [];
      const done = runPos(['scanners', 'watch', '--serial', pty.device, '--count', '1'], (l) => lines.push(l), {});
      await vi.waitFor(() => expect(lines).toContain('status open'), { timeout: 5_000 });
      const code = walletCode('WX', '01');
      await appendFile(pty.scanner, `${code}\r`);
      expect(await done).toBe(0);
      const scans = lines.filter((l) => l.startsWith('serial:'));
      expect(scans).toHaveLength(1);
      expect(scans[0]).toMatch(new RegExp(`^serial:\\S+ttyA payment WX_MICROPAY \\*{14}${code.slice(-4)} scan=\\d+\\.\\dms latency=\\d+\\.\\d{3}ms$`));
      expect(lines.at(-1)).toMatch(/^summary scans=1 /);
      expect(lines.join('\n')).not.toContain(code);
    } finally {
      await pty.close();
    }
  });
});
