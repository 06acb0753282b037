import { describe, expect, it } from 'vitest';
import { Catalog } from '../../main/catalog/catalog.js';
import { CatalogError } from '../../main/catalog/errors.js';
import { parsePriceCents } from '../../main/catalog/product.js';
import { classifyRawScan } from '../../main/scanners/router.js';

function sample(): Catalog {
  const catalog = new Catalog();
  catalog.add({ sku: 'CHOC-70', gtin: '4006381333931', name: 'Dark chocolate 70%', priceCents: 349 });
  catalog.add({ sku: 'COLA-355', gtin: '036000291452', name: 'Cola can 355 ml', priceCents: 125 });
  catalog.add({ sku: 'CREME-1', gtin: '96385074', name: 'Crème brûlée', priceCents: 550 });
  return catalog;
}

describe('catalog', () => {
  it('finds a product by a classified product scan, whatever GTIN length it was printed in', () => {
    const catalog = sample();
    const scan = classifyRawScan({ text: '0036000291452', source: 'serial', deviceId: 'x', firstByteAt: 0, receivedAt: 0, noisy: false }, 0);
    if (scan.kind !== 'product') throw new Error(`expected a product scan, got ${scan.kind}`);
    expect(catalog.findByScan(scan)?.sku).toBe('COLA-355');
    expect(catalog.findByGtin('036000291452')?.priceCents).toBe(125);
    expect(catalog.findByGtin('4006381333932')).toBeUndefined();
    expect(catalog.findBySku('CREME-1')?.gtin).toBe('00000096385074');
  });

  it('searches by name, case- and accent-insensitive, every word must match', () => {
    const catalog = sample();
    expect(catalog.searchByName('creme').map((p) => p.sku)).toEqual(['CREME-1']);
    expect(catalog.searchByName('CAN cola').map((p) => p.sku)).toEqual(['COLA-355']);
    expect(catalog.searchByName('choc 80')).toEqual([]);
    expect(catalog.searchByName('   ')).toEqual([]);
    expect(catalog.searchByName('c', 1)).toHaveLength(1);
  });

  it('refuses to search for a wallet payment code, even typed with spaces', () => {
    const catalog = new Catalog();
    catalog.add({ sku: 'ODD', gtin: '4006381333931', name: 'Item 134567890123456789', priceCents: 1 });
    expect(catalog.searchByName('134567890123456789')).toEqual([]);
    expect(catalog.searchByName('1345 6789 0123 4567 89')).toEqual([]);
    expect(catalog.searchByName('item').map((p) => p.sku)).toEqual(['ODD']);
  });

  it('rejects bad fields and duplicates with stable codes', () => {
    const catalog = sample();
    const attempt = (input: Parameters<Catalog['add']>[0]) => {
      try {
        catalog.add(input);
        return 'added';
      } catch (error) {
        return error instanceof CatalogError ? error.code : 'other';
      }
    };
    const ok = { sku: 'NEW', gtin: '10012345678902', name: 'Case of 12', priceCents: 1200 };
    expect(attempt({ ...ok, gtin: '10012345678903' })).toBe('INVALID_GTIN');
    expect(attempt({ ...ok, gtin: '134567890123456789' })).toBe('INVALID_GTIN');
    expect(attempt({ ...ok, sku: 'has space' })).toBe('INVALID_SKU');
    expect(attempt({ ...ok, name: ' ' })).toBe('INVALID_NAME');
    expect(attempt({ ...ok, priceCents: 12.5 })).toBe('INVALID_PRICE');
    expect(attempt({ ...ok, priceCents: -1 })).toBe('INVALID_PRICE');
    expect(attempt({ ...ok, sku: 'CHOC-70' })).toBe('DUPLICATE_SKU');
    expect(attempt({ ...ok, gtin: '0036000291452' })).toBe('DUPLICATE_GTIN');
    expect(attempt(ok)).toBe('added');
    expect(catalog.size).toBe(4);
  });

  it('parses prices as cents without floating point', () => {
    expect(parsePriceCents('12.34')).toBe(1234);
    expect(parsePriceCents('0.1')).toBe(10);
    expect(parsePriceCents('7')).toBe(700);
    for (const bad of ['1.005', '-1', '1,50', '$3', '', '1e3']) expect(() => parsePriceCents(bad), bad).toThrow(CatalogError);
  });
});
