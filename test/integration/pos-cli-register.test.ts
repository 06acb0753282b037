// The register on the admin command line, on a real data folder in training mode (docs/register.md): `pos charge
// --item SKU[:QTY] ...` rings up catalog items as the till does (taxed for the store's province, the same product
// twice on one line), pays by cash with 5¢ rounding and prints the change; `--province XX` sets the province for one
// run; `pos catalog import` takes the `tax` column and `pos report` shows each tax.
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/app/services.js';
import { runPos } from '../../main/cli/pos.js';
import { parkSale } from '../../main/journal/sale-parking.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { SETTINGS_FILE } from '../../main/config/load-settings.js';
import { PROVINCES } from '../../main/shared/sales-tax.js';
import { PROVINCE_CODES } from '../../preload/provinces.js';
import { walletCode } from '../support/sandbox-fixtures.js';
import { posCliPerTest } from '../support/pos-cli-rig.js';

const { dataDir, pos } = posCliPerTest('pos-cli-register-');

/** The payment's line (`<mchOrderNo> <channel> <amount>: <state> …`), wherever the receipt text around it goes. */
function attemptLine(run: { lines: string[] }): string | undefined {
  return run.lines.find((l) => /^\S+ [A-Z_]+ \d+\.\d{2} [A-Z]{3}: /.test(l));
}

function journal<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dir, 'journal.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('pos charge --item', () => {
  it('rings up catalog items taxed for Ontario, pays cash rounded to 5¢, prints the sale and the change', async () => {
    const dir = dataDir();
    // Latte $4.95 × 2 (the same SKU twice is one line of 2) + croissant $3.75 = $13.65; HST 13% 177.45 → 177; $15.42.
    const run = await pos('charge', '--item', 'LATTE', '--item', 'CROISSANT', '--item', 'LATTE', '--cash', '2000', '--data-dir', dir);
    expect(run.code, run.lines.join('\n')).toBe(0);
    expect(run.lines[0]).toContain('TRAINING MODE');
    expect(run.lines[1]).toBe('sale 1: subtotal 13.65 CAD, HST 13% 1.77 CAD, total 15.42 CAD (ON)');
    // $15.42 is $15.40 in cash: $20.00 handed over, $4.60 back.
    expect(attemptLine(run)).toMatch(/CASH 15\.40 CAD: succeeded change 4\.60 CAD$/);
    journal(dir, (db) => {
      expect(db.prepare('SELECT sku, quantity, line_total_cents, tax_class FROM sale_lines ORDER BY line_no').all()).toEqual([
        { sku: 'LATTE', quantity: 2, line_total_cents: 990, tax_class: 'standard' },
        { sku: 'CROISSANT', quantity: 1, line_total_cents: 375, tax_class: 'standard' },
      ]);
      expect(db.prepare('SELECT status, subtotal_cents, total_cents, tax_province FROM sales').get()).toEqual({ status: 'paid', subtotal_cents: 1365, total_cents: 1542, tax_province: 'ON' });
      expect(db.prepare('SELECT amount_cents, rounding_cents, cash_tendered_cents, change_cents FROM attempts').get()).toEqual({ amount_cents: 1540, rounding_cents: -2, cash_tendered_cents: 2000, change_cents: 460 });
    });
    expect((await pos('journal', 'verify', '--data-dir', dir)).code).toBe(0);
  });

  it('SKU:QTY, by wallet scan; --cash alone pays exactly; --amount keeps working (untaxed), with --cash CENTS', async () => {
    const dir = dataDir();
    const scan = await pos('charge', '--item', 'BAO:3', '--scan', walletCode('WX', '01'), '--data-dir', dir);
    // 3 × $4.50 = $13.50 + HST 1.755 → 1.76 = $15.26, to the cent by wallet.
    expect(scan.lines[1]).toBe('sale 1: subtotal 13.50 CAD, HST 13% 1.76 CAD, total 15.26 CAD (ON)');
    expect(attemptLine(scan)).toMatch(/WX_MICROPAY 15\.26 CAD: succeeded$/);
    const exact = await pos('charge', '--item', 'COOKIE', '--cash', '--data-dir', dir);
    // $1.50 + 0.195 → 0.20 = $1.70: exactly.
    expect(attemptLine(exact)).toMatch(/CASH 1\.70 CAD: succeeded change 0\.00 CAD$/);
    const amount = await pos('charge', '--amount', '500', '--cash', '1000', '--data-dir', dir);
    expect(amount.code).toBe(0);
    expect(attemptLine(amount)).toMatch(/CASH 5\.00 CAD: succeeded change 5\.00 CAD$/);
    expect(attemptLine(await pos('charge', '--amount', '500', '--cash', '--tendered', '2000', '--data-dir', dir))).toContain('change 15.00 CAD');
    journal(dir, (db) => expect(db.prepare('SELECT id, tax_province FROM sales ORDER BY id').all()).toEqual([
      { id: 1, tax_province: 'ON' }, { id: 2, tax_province: 'ON' }, { id: 3, tax_province: null }, { id: 4, tax_province: null },
    ]));
  });

  it('refuses what it cannot ring up, before any sale: unknown SKU, bad quantity, items and an amount, no tender', async () => {
    const dir = dataDir();
    for (const argv of [
      ['--item', 'NOPE', '--cash'], ['--item', 'LATTE:0', '--cash'], ['--item', 'LATTE:1000', '--cash'], ['--item', 'LATTE:x', '--cash'],
      ['--item', 'LATTE', '--amount', '100', '--cash'], ['--item', 'LATTE'], ['--cash'], ['--item', 'LATTE', '--cash', '12.50'],
    ]) {
      const run = await pos('charge', ...argv, '--data-dir', dir);
      expect(run.code, argv.join(' ')).toBe(2);
    }
    expect((await pos('charge', '--item', 'NOPE', '--cash', '--data-dir', dir)).lines.at(-1)).toMatch(/no product NOPE in the training demo products/);
    journal(dir, (db) => expect(db.prepare(`SELECT count(*) FROM sales WHERE status <> 'open' OR total_cents > 0`).pluck().get()).toBe(0));
  });
});

describe('--province XX', () => {
  it('taxes one run for another province without saving it; a bad code is a usage error', async () => {
    const dir = dataDir();
    // Quebec: latte $4.95, GST 5% 0.2475 → 0.25, QST 9.975% 0.4937… → 0.49; $5.69, $5.70 in cash.
    const qc = await pos('charge', '--item', 'LATTE', '--cash', '1000', '--province', 'QC', '--data-dir', dir);
    expect(qc.lines[1]).toBe('sale 1: subtotal 4.95 CAD, GST 5% 0.25 CAD, QST 9.975% 0.49 CAD, total 5.69 CAD (QC)');
    expect(attemptLine(qc)).toMatch(/CASH 5\.70 CAD: succeeded change 4\.30 CAD$/);
    // Not saved: the next run is Ontario again.
    expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8')).province ?? 'ON').toBe('ON');
    expect((await pos('charge', '--item', 'LATTE', '--cash', '--data-dir', dir)).lines[1]).toContain('HST 13% 0.64 CAD, total 5.59 CAD (ON)');
    // Alberta: GST only.
    expect((await pos('charge', '--item', 'LATTE', '--cash', '--province', 'AB', '--data-dir', dir)).lines[1]).toBe('sale 3: subtotal 4.95 CAD, GST 5% 0.25 CAD, total 5.20 CAD (AB)');
    for (const bad of ['XX', 'on', 'ONT', '']) {
      const run = await pos('report', '--province', bad, '--data-dir', dir);
      expect(run.code, bad).toBe(2);
      expect(run.lines.at(-1)).toMatch(/--province must be a two-letter province or territory code/);
    }
  });

  it('the contract and the screens choose from the same 13 codes as the tax table', () => {
    expect([...PROVINCE_CODES]).toEqual([...PROVINCES]);
  });
});

describe('pos catalog import takes the tax column; pos report shows each tax', () => {
  it('a gst-only book in Ontario is GST 5%, a zero-rated item owes nothing; the report has HST and GST', async () => {
    const dir = dataDir();
    const csv = join(dir, 'shop.csv');
    writeFileSync(csv, 'sku,gtin,name,price,tax\nPOUTINE,4006381333931,Poutine,11.99,standard\nBOOK,036000291452,Picture book,15.00,GST-ONLY\nMILK,96385074,Milk 1 L,2.89,zero-rated\n');
    expect((await runPos(['catalog', 'import', csv, '--data-dir', dir], () => undefined, {}))).toBe(0);
    const run = await pos('charge', '--item', 'POUTINE', '--item', 'BOOK', '--item', 'MILK', '--cash', '5000', '--data-dir', dir);
    // Poutine HST 13% 155.87 → 156; the book GST 5% 75; milk nothing. 11.99 + 15.00 + 2.89 = 29.88; + 2.31 = 32.19.
    expect(run.lines[1]).toBe('sale 1: subtotal 29.88 CAD, HST 13% 1.56 CAD, GST 5% 0.75 CAD, total 32.19 CAD (ON)');
    expect(attemptLine(run)).toMatch(/CASH 32\.20 CAD: succeeded change 17\.80 CAD$/);
    journal(dir, (db) => expect(db.prepare('SELECT sku, tax_class FROM sale_lines ORDER BY line_no').all()).toEqual([
      { sku: 'POUTINE', tax_class: 'standard' }, { sku: 'BOOK', tax_class: 'gst-only' }, { sku: 'MILK', tax_class: 'zero-rated' },
    ]));
    const report = await pos('report', '--data-dir', dir);
    const sales = report.lines.find((l) => l.startsWith('sales CAD:'));
    expect(sales, report.lines.join('\n')).toMatch(/^sales CAD: 1 paid, net sales 29\.88 CAD.*, tax 2\.31 CAD \[GST 0\.75 CAD, HST 1\.56 CAD\], refunded tax 0\.00 CAD, cash rounding 0\.01 CAD$/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'sku,gtin,name,price,tax\nTEA,,Tea,2.00,luxury\n');
    expect(await runPos(['catalog', 'import', bad, '--data-dir', dir], () => undefined, {})).toBe(1);
  });
});

describe('pos close-day lists the sales left parked', () => {
  it('prints each parked sale (number, cashier, amount) as not counted; the Z counts only what was paid', async () => {
    const dir = dataDir();
    expect((await pos('charge', '--item', 'COOKIE', '--cash', '--data-dir', dir)).code).toBe(0);
    const services = await openServices({ dataDir: dir, logger: createLogger('t', silentSink), withGateway: false });
    const held = createSale(services.journal, { cashier: 'alice', currency: 'CAD' });
    addLine(services.journal, held.id, { sku: 'TEA', name: 'Tea', unitPriceCents: 500, quantity: 1 });
    parkSale(services.journal, held.id, 'alice');
    await services.close();
    const z = await pos('close-day', '--counted-cash', '170', '--data-dir', dir);
    expect(z.code).toBe(0);
    expect(z.lines[1]).toMatch(/1 sales paid, 0 voided/);
    expect(z.lines).toContain(`  parked: sale ${held.id}, alice, 5.00 CAD (not counted)`);
  });
});
