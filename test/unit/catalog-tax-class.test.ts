// A product's tax class comes from the catalog CSV's optional `tax` column (docs/register.md "Sales tax").
import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../main/app/demo-catalog.js';
import { Catalog } from '../../main/catalog/catalog.js';
import { importCatalogCsv } from '../../main/catalog/csv-import.js';

describe('the tax column', () => {
  it('takes standard, gst-only, zero-rated and exempt in any case; empty or absent is standard; anything else refuses the row', () => {
    const catalog = new Catalog();
    const report = importCatalogCsv(catalog, [
      'sku,gtin,name,price,tax',
      'CHOC,4006381333931,Dark chocolate,3.49,standard',
      'BOOK,036000291452,Picture book,12.00,GST-only',
      'MILK,96385074,Milk 1 L,2.89, zero-rated ',
      'STAMP,0012345678905,Stamp,1.00,exempt',
      'COLA,00012345600012,Cola,1.25,',
      'WINE,4012345678901,Wine,15.00,luxury',
    ].join('\n'));
    expect(report.imported).toBe(5);
    expect(report.rejected).toEqual([expect.objectContaining({ line: 7, sku: 'WINE', code: 'INVALID_TAX_CLASS' })]);
    expect(['CHOC', 'BOOK', 'MILK', 'STAMP', 'COLA'].map((sku) => catalog.findBySku(sku)?.taxClass)).toEqual(['standard', 'gst-only', 'zero-rated', 'exempt', 'standard']);
  });

  it('a CSV without the column is all standard', () => {
    const catalog = new Catalog();
    expect(importCatalogCsv(catalog, 'sku,gtin,name,price\nTEA,96385074,Tea,3').imported).toBe(1);
    expect(catalog.findBySku('TEA')?.taxClass).toBe('standard');
  });

  it('the demo catalog has zero-rated basic groceries', () => {
    const catalog = new Catalog();
    for (const p of demoProducts()) catalog.add(p);
    expect(catalog.all().filter((p) => p.taxClass === 'zero-rated').map((p) => p.sku)).toEqual(['MILK', 'RICE']);
    expect(catalog.findBySku('LATTE')?.taxClass).toBe('standard');
  });
});
