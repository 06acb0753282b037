// A Chinese name on a printer without a CJK mode prints as its transliteration from the catalog (`name_latin`),
// and only without one as its SKU: never as '?' or garbage (issue 10, docs/printing.md "Characters"). The bytes are
// decoded by the decoder written apart from the encoder (test/support/escpos-decoder.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../preload/contract.js';
import { demoProducts } from '../../main/app/demo-catalog.js';
import { PrintingService } from '../../main/app/printing-service.js';
import { Catalog } from '../../main/catalog/catalog.js';
import { loadCatalog, runCatalogCommand } from '../../main/cli/catalog-commands.js';
import { parseSettings } from '../../main/config/load-settings.js';
import { openJournal } from '../../main/journal/database.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { encodeDocument, type PrinterFormat } from '../../main/receipts/escpos-encode.js';
import { refundSlip, saleReceipt, type SlipSale, type StoreFacts } from '../../main/receipts/receipt-document.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';
import { makeTempDir } from '../support/temp-dir.js';

const STORE: StoreFacts = { name: 'Café Noël', address: '', terminalId: 'T1', gstNumber: null, qstNumber: null, timeZone: 'America/Toronto', training: false };
const AT = Date.UTC(2026, 10, 23, 15, 30);
const PLAIN: PrinterFormat = { columns: 48, codepage: 'cp858', language: 'esc-pos', cjk: false };
const QUESTION_MARK = 0x3f;

function sale(lines: SlipSale['lines'], refunds: SaleView['refunds'] = []): SlipSale {
  return {
    id: 42, status: 'paid', currency: 'CAD', cashier: 'alice', subtotalCents: 875, pricesIncludeTax: false, totalCents: 875, paidCents: 875, dueCents: 0, heldCents: 0,
    holdingAttemptId: null, overpaidCents: 0, changeCents: 0, roundingCents: 0, cashDueCents: 0, createdAt: AT, taxes: [], lines,
    attempts: [{ id: 1, saleId: 42, tender: 'cash', channel: 'CASH', amountCents: 875, currency: 'CAD', state: 'succeeded', needsAction: false, phase: 'paid', reason: null,
      released: false, mchOrderNo: 'X', codeLast4: null, failureCode: null, failureMessage: null, cashTenderedCents: 875, changeCents: 0, roundingCents: 0, createdAt: AT }],
    refunds,
  } as unknown as SlipSale;
}

const line = (lineNo: number, sku: string, name: string, cents: number, nameLatin?: string) =>
  ({ lineNo, sku, name, unitPriceCents: cents, quantity: 1, lineTotalCents: cents, taxClass: 'standard', discountCents: 0, lineDiscount: null, catalogPriceCents: null, ...(nameLatin ? { nameLatin } : {}) }) as unknown as SlipSale['lines'][number];

describe('a Chinese name on a printer without CJK', () => {
  it('prints the catalog transliteration, falls back to the SKU only without one, and never sends a ?', () => {
    const doc = saleReceipt(STORE, sale([line(1, 'LONGJING', '龙井茶', 550, 'Longjing cha'), line(2, 'TEA-01', '乌龙茶', 325)]), { locale: 'en-CA', printedAt: AT });
    const bytes = encodeDocument(doc, PLAIN);
    const d = decodeEscPos(bytes);
    const text = printedText(d);
    expect(text.some((l) => /^1 × Longjing cha +\$5\.50$/.test(l))).toBe(true);
    expect(text.some((l) => /^1 × TEA-01 +\$3\.25$/.test(l))).toBe(true);
    expect(text.join('\n')).not.toMatch(/[龙井茶乌]/u);
    expect(bytes.includes(QUESTION_MARK)).toBe(false);
    expect(d.undecodable).toBe(0);
    expect(d.commands.some((c) => c.op === 'cjk' && c.on)).toBe(false);
  });

  it('still prints the Chinese name itself on a CJK printer', () => {
    const doc = saleReceipt(STORE, sale([line(1, 'LONGJING', '龙井茶', 550, 'Longjing cha')]), { locale: 'en-CA', printedAt: AT });
    const text = printedText(decodeEscPos(encodeDocument(doc, { ...PLAIN, cjk: true })));
    expect(text.some((l) => /^1 × 龙井茶 +\$5\.50$/.test(l))).toBe(true);
    expect(text.join('\n')).not.toContain('Longjing');
  });

  it('prints the transliteration on a refund slip\'s returned lines too', () => {
    const refund = { id: 7, attemptId: 1, amountCents: 550, state: 'succeeded', reason: 'damaged', createdAt: AT, lines: [{ lineNo: 1, quantity: 1, amountCents: 550 }], credit: null };
    const doc = refundSlip(STORE, sale([line(1, 'LONGJING', '龙井茶', 550, 'Longjing cha')], [refund] as unknown as SaleView['refunds']), 7, { locale: 'en-CA', printedAt: AT });
    const bytes = encodeDocument(doc, PLAIN);
    expect(printedText(decodeEscPos(bytes)).some((l) => /^ {2}1 × Longjing cha +\$5\.50$/.test(l))).toBe(true);
    expect(bytes.includes(QUESTION_MARK)).toBe(false);
  });
});

describe('the printing service looks the SKU up in the catalog when it prints', () => {
  const dir = makeTempDir();
  afterEach(() => dir.remove());

  it('gives the receipt the catalog transliteration, and the SKU for a product deleted from the catalog', () => {
    const journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
    try {
      const catalog = new Catalog();
      for (const p of demoProducts()) catalog.add(p);
      expect(catalog.findBySku('LONGJING')).toMatchObject({ name: '龙井茶', nameLatin: 'Longjing cha' });
      const s = createSale(journal, { cashier: 'alice', currency: 'CAD' });
      addLine(journal, s.id, { sku: 'LONGJING', name: '龙井茶', unitPriceCents: 550, quantity: 1 });
      addLine(journal, s.id, { sku: 'GONE-01', name: '菊花茶', unitPriceCents: 300, quantity: 1 });
      const settings = parseSettings({ storeName: 'Café Noël' }, 'settings.json');
      const printing = new PrintingService({
        journal, settings: () => settings, training: false, logger: createLogger('t', silentSink), every: () => () => undefined,
        latinNameOf: (sku) => catalog.findBySku(sku)?.nameLatin,
      });
      const bytes = encodeDocument(printing.documentOf({ kind: 'sale', saleId: s.id, refundId: null, zNumber: null, reprint: false }), PLAIN);
      const text = printedText(decodeEscPos(bytes));
      expect(text.some((l) => /^1 × Longjing cha +\$5\.50$/.test(l))).toBe(true);
      expect(text.some((l) => /^1 × GONE-01 +\$3\.00$/.test(l))).toBe(true);
      expect(bytes.includes(QUESTION_MARK)).toBe(false);
    } finally {
      journal.close();
    }
  });
});

describe('pos catalog import takes name_latin', () => {
  const dir = makeTempDir();
  afterEach(() => dir.remove());

  it('keeps the transliteration in catalog.csv through later imports, and refuses a bad one with its line', () => {
    const first = join(dir.path, 'first.csv');
    writeFileSync(first, 'sku,gtin,name,price,name_latin\nLONGJING,4006381333931,龙井茶,5.50,Longjing cha\nTONES,96385074,乌龙茶,3.25,Wūlóng chá\n');
    const out: string[] = [];
    expect(runCatalogCommand(['import', first, '--data-dir', dir.path], (l) => out.push(l))).toBe(1);
    expect(out.join('\n')).toMatch(/line 3 \(sku TONES\): INVALID_NAME_LATIN/);
    const second = join(dir.path, 'second.csv');
    writeFileSync(second, 'sku,gtin,name,price\nCROISSANT,036000291452,Croissant,3.75\n');
    expect(runCatalogCommand(['import', second, '--data-dir', dir.path], () => undefined)).toBe(0);
    expect(readFileSync(join(dir.path, 'catalog.csv'), 'utf8').split(/\r?\n/)[0]).toBe('sku,gtin,name,price,name_latin');
    const { catalog } = loadCatalog(dir.path);
    expect(catalog.findBySku('LONGJING')?.nameLatin).toBe('Longjing cha');
    expect(catalog.findBySku('CROISSANT')?.nameLatin).toBeUndefined();
  });
});
