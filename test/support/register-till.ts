// A till on the real engine and journal with a small taxed catalog: a standard, a gst-only and a zero-rated
// product, for the register tests (docs/register.md).
import { Catalog } from '../../main/catalog/catalog.js';
import { taxSetupFor } from '../../main/checkout/tax-table.js';
import { Till } from '../../main/checkout/till.js';
import type { Province } from '../../main/shared/sales-tax.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';
import type { EngineRig } from './engine-fixtures.js';

export const REGISTER_PRODUCTS = [
  { sku: 'POUTINE', gtin: '4006381333931', name: 'Poutine', priceCents: 1199 },
  { sku: 'BOOK', gtin: '036000291452', name: 'Picture book', priceCents: 1500, taxClass: 'gst-only' as const },
  { sku: 'MILK', gtin: '96385074', name: 'Milk 1 L', priceCents: 289, taxClass: 'zero-rated' as const },
];

export function registerTill(r: EngineRig, province: Province, pricesIncludeTax = false): Till {
  const catalog = new Catalog();
  for (const p of REGISTER_PRODUCTS) catalog.add(p);
  return new Till({
    journal: r.journal, engine: r.engine, catalog, currency: 'CAD', cashier: () => 'alice', logger: createLogger('till', silentSink),
    onEvent: () => undefined, approve: () => 'manager', tax: () => taxSetupFor(province, '2026-11-22', pricesIncludeTax),
  });
}
