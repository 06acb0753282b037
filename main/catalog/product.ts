// A sellable item. Money is integer cents (docs/architecture.md §4); the GTIN is kept as GTIN-14 so a product
// printed as UPC-A and scanned as EAN-13 (a leading 0) is the same row.
import { normaliseGtin } from '../scanners/gs1.js';
import { isTaxClass, TAX_CLASSES, type TaxClass } from '../shared/sales-tax.js';
import { CatalogError } from './errors.js';

export interface Product {
  sku: string;
  /** GTIN-14, zero-padded. */
  gtin: string;
  name: string;
  priceCents: number;
  /** What it owes in sales tax (docs/register.md); the catalog CSV's `tax` column, `standard` when absent. */
  taxClass: TaxClass;
  /**
   * The name in Latin letters (the catalog CSV's `name_latin`, e.g. 龙井茶 → "Longjing cha"): what a receipt prints
   * for a Chinese name on a printer without a CJK mode (docs/printing.md). Absent: the SKU prints there.
   */
  nameLatin?: string;
}

export interface ProductInput {
  sku: string;
  gtin: string;
  name: string;
  priceCents: number;
  taxClass?: TaxClass;
  nameLatin?: string;
}

const MAX_PRICE_CENTS = 100_000_000; // 1,000,000.00: far above any till item; catches a misplaced decimal point

/** Validates and normalises; throws CatalogError naming the first bad field. */
export function toProduct(input: ProductInput): Product {
  const sku = input.sku.trim();
  if (!/^[\w.\-/]{1,40}$/.test(sku)) throw new CatalogError('INVALID_SKU', `SKU "${sku}" must be 1–40 letters, digits, . - _ /`);
  const gtin = normaliseGtin(input.gtin.trim());
  if (!gtin) throw new CatalogError('INVALID_GTIN', `GTIN "${input.gtin}" is not a valid EAN-8, UPC-A, EAN-13 or GTIN-14 (length or check digit)`);
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw new CatalogError('INVALID_NAME', 'name must be 1–200 characters');
  if (!Number.isSafeInteger(input.priceCents) || input.priceCents < 0 || input.priceCents > MAX_PRICE_CENTS) {
    throw new CatalogError('INVALID_PRICE', `price ${input.priceCents} cents is not a whole amount from 0 to ${MAX_PRICE_CENTS}`);
  }
  const taxClass = input.taxClass ?? 'standard';
  if (!isTaxClass(taxClass)) throw new CatalogError('INVALID_TAX_CLASS', `tax class "${String(taxClass)}" must be one of ${TAX_CLASSES.join(', ')}`);
  const nameLatin = parseNameLatin(input.nameLatin ?? '');
  return { sku, gtin: gtin.gtin, name, priceCents: input.priceCents, taxClass, ...(nameLatin ? { nameLatin } : {}) };
}

/**
 * The CSV's `name_latin` cell: empty (none), or 1–200 printable ASCII characters, which every receipt code page
 * prints as they are. Tone marks (ā) or Chinese in it are refused: they would need the CJK mode it stands in for.
 */
export function parseNameLatin(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (value.length > 200 || !/^[\x20-\x7e]+$/.test(value)) {
    throw new CatalogError('INVALID_NAME_LATIN', `name_latin "${value.slice(0, 40)}" must be 1–200 plain Latin letters, digits, spaces or punctuation (no accents, tone marks or Chinese)`);
  }
  return value;
}

/** The CSV's `tax` cell: standard, gst-only, zero-rated or exempt, any case; empty means standard. */
export function parseTaxClass(text: string): TaxClass {
  const value = text.trim().toLowerCase();
  if (value === '') return 'standard';
  if (!isTaxClass(value)) throw new CatalogError('INVALID_TAX_CLASS', `tax "${text.trim()}" must be one of ${TAX_CLASSES.join(', ')} (or empty for standard)`);
  return value;
}

/** "12.34" → 1234 by string arithmetic, never `amount * 100` (docs/style.md, anti-patterns: float money). */
export function parsePriceCents(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match?.[1]) throw new CatalogError('INVALID_PRICE', `price "${text}" must look like 12 or 12.34`);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(fraction);
}
