import { describe, expect, it } from 'vitest';
import { Catalog } from '../../main/catalog/catalog.js';
import { importCatalogCsv } from '../../main/catalog/csv-import.js';
import { parseCsv } from '../../main/catalog/csv.js';

describe('CSV parsing', () => {
  it('handles quotes, doubled quotes, embedded newlines, CRLF and a BOM', () => {
    const records = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
    ]);
  });
});

describe('catalog CSV import', () => {
  it('imports good rows and reports every bad row with its line and reason', () => {
    const csv = [
      'sku,gtin,name,price',
      'CHOC-70,4006381333931,Dark chocolate,3.49',
      'COLA-355,036000291452,"Cola, can",1.25',
      'BAD-GTIN,4006381333932,Wrong check digit,1.00',
      'BAD-PRICE,96385074,Cheap,1.999',
      'DUP,4006381333931,Same GTIN again,2.00',
      'SHORT,96385074',
      'PAY,134567890123456789,A payment code,1.00',
      'NEG,96385074,Refund me,-2',
      'OK-8,96385074,EAN-8 item,0.5',
    ].join('\n');
    const catalog = new Catalog();
    const report = importCatalogCsv(catalog, csv);
    expect(report.imported).toBe(3);
    expect(report.rejected.map((r) => [r.line, r.sku, r.code])).toEqual([
      [4, 'BAD-GTIN', 'INVALID_GTIN'],
      [5, 'BAD-PRICE', 'INVALID_PRICE'],
      [6, 'DUP', 'DUPLICATE_GTIN'],
      [7, 'SHORT', 'BAD_ROW'],
      [8, 'PAY', 'INVALID_GTIN'],
      [9, 'NEG', 'INVALID_PRICE'],
    ]);
    expect(catalog.findByGtin('96385074')?.priceCents).toBe(50);
    expect(catalog.findBySku('COLA-355')?.name).toBe('Cola, can');
  });

  it('accepts price_cents, and reports a bad header or an unterminated quote instead of importing', () => {
    const catalog = new Catalog();
    expect(importCatalogCsv(catalog, 'SKU,GTIN,Name,Price_Cents\nA,96385074,Thing,250\nB,4006381333931,Other,2.50\n')).toEqual({
      imported: 1,
      rejected: [{ line: 3, sku: 'B', code: 'INVALID_PRICE', message: 'price_cents "2.50" must be a whole number' }],
    });
    expect(importCatalogCsv(catalog, 'sku,name\nA,B\n').rejected).toEqual([{ line: 1, code: 'CSV_HEADER', message: 'header is missing: gtin, price' }]);
    expect(importCatalogCsv(catalog, '').rejected[0]?.code).toBe('CSV_EMPTY');
    expect(importCatalogCsv(catalog, 'sku,gtin,name,price\n"A,96385074,x,1\n').rejected[0]?.code).toBe('CSV_SYNTAX');
    expect(catalog.size).toBe(1);
  });
});

describe('catalog CSV name_latin (docs/printing.md: what a printer without CJK prints for a Chinese name)', () => {
  it('imports an optional transliteration, refuses a bad one as a typed row refusal, and finds products by it', () => {
    const csv = [
      'sku,gtin,name,price,name_latin',
      'LONGJING,4006381333931,龙井茶,5.50,Longjing cha',
      'PLAIN,96385074,Croissant,3.75,',
      'TONES,036000291452,乌龙茶,3.25,Wūlóng chá',
      'HANZI,012345678905,菊花茶,3.00,菊花茶',
    ].join('\n');
    const catalog = new Catalog();
    const report = importCatalogCsv(catalog, csv);
    expect(report.imported).toBe(2);
    expect(report.rejected.map((r) => [r.line, r.sku, r.code])).toEqual([[4, 'TONES', 'INVALID_NAME_LATIN'], [5, 'HANZI', 'INVALID_NAME_LATIN']]);
    expect(catalog.findBySku('LONGJING')?.nameLatin).toBe('Longjing cha');
    expect(catalog.findBySku('PLAIN')).not.toHaveProperty('nameLatin');
    expect(catalog.searchByName('longjing').map((p) => p.sku)).toEqual(['LONGJING']);
  });
});
