// In-memory product catalog: lookup by scanned GTIN and search by name. In memory because the till loads the
// whole list at start-up (thousands of rows) and every lookup must be instant; persistence is the journal's job.
import { looksLikePaymentCode, defaultClassifierRules, type ClassifierRules } from '../scanners/classifier.js';
import { normaliseGtin } from '../scanners/gs1.js';
import type { ProductScan } from '../scanners/scan-types.js';
import { CatalogError } from './errors.js';
import { toProduct, type Product, type ProductInput } from './product.js';

/** Case- and accent-insensitive form, so "creme" finds "Crème brûlée". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export class Catalog {
  private readonly bySku = new Map<string, Product>();
  private readonly byGtin = new Map<string, Product>();
  private readonly folded = new Map<string, string>();

  constructor(private readonly rules: ClassifierRules = defaultClassifierRules) {}

  /** Validates and adds; throws CatalogError on a bad field or a duplicate SKU/GTIN. */
  add(input: ProductInput): Product {
    const product = toProduct(input);
    if (this.bySku.has(product.sku)) throw new CatalogError('DUPLICATE_SKU', `SKU ${product.sku} is already in the catalog`);
    const other = this.byGtin.get(product.gtin);
    if (other) throw new CatalogError('DUPLICATE_GTIN', `GTIN ${product.gtin} already belongs to SKU ${other.sku}`);
    this.bySku.set(product.sku, product);
    this.byGtin.set(product.gtin, product);
    this.folded.set(product.sku, foldForSearch(`${product.name} ${product.sku}${product.nameLatin ? ` ${product.nameLatin}` : ''}`));
    return product;
  }

  /** Takes only a classified product scan: the type system keeps payment scans away from the catalog. */
  findByScan(scan: ProductScan): Product | undefined {
    return this.byGtin.get(scan.gtin);
  }

  findByGtin(gtin: string): Product | undefined {
    const normal = normaliseGtin(gtin);
    return normal ? this.byGtin.get(normal.gtin) : undefined;
  }

  findBySku(sku: string): Product | undefined {
    return this.bySku.get(sku);
  }

  /**
   * Every word must appear in the name or SKU. A query that is a wallet payment code (a code scanned or
   * pasted into the search box) returns nothing and is not kept anywhere: it must never become a search.
   */
  searchByName(query: string, limit = 50): Product[] {
    if (looksLikePaymentCode(query.replace(/[\s-]/g, ''), this.rules)) return [];
    const words = foldForSearch(query).split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) return [];
    const hits: Product[] = [];
    for (const [sku, text] of this.folded) {
      const product = this.bySku.get(sku);
      if (product && words.every((w) => text.includes(w))) hits.push(product);
    }
    const first = words[0] ?? '';
    const rank = (p: Product) => (foldForSearch(p.name).startsWith(first) ? 0 : 1);
    return hits.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).slice(0, limit);
  }

  /** What the till's search box finds: the product whose barcode (GTIN) this is, then name and SKU matches. */
  search(query: string, limit = 50): Product[] {
    const digits = query.replace(/[\s-]/g, '');
    const byCode = /^\d{8,14}$/.test(digits) ? this.findByGtin(digits) : undefined;
    const byName = this.searchByName(query, limit).filter((p) => p !== byCode);
    return (byCode ? [byCode, ...byName] : byName).slice(0, limit);
  }

  get size(): number {
    return this.bySku.size;
  }

  all(): Product[] {
    return [...this.bySku.values()];
  }
}
