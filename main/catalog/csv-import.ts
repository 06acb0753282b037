// Imports products from a CSV with a header row: sku, gtin, name and either price (12.34) or price_cents, and
// optionally tax (standard, gst-only, zero-rated or exempt; empty or absent: standard; docs/register.md) and
// name_latin (the name in Latin letters, printed for a Chinese name on a printer without CJK; docs/printing.md).
// Good rows are added; every bad row is listed with its line and reason, and nothing bad is half-imported.
import type { Catalog } from './catalog.js';
import { CatalogError } from './errors.js';
import { parsePriceCents, parseTaxClass } from './product.js';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv.js';

export interface ImportRowError {
  line: number;
  sku?: string;
  code: string;
  message: string;
}

export interface ImportReport {
  imported: number;
  rejected: ImportRowError[];
}

const REQUIRED = ['sku', 'gtin', 'name'] as const;

function headerIndex(header: string[]): Map<string, number> | string {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing: string[] = REQUIRED.filter((name) => !index.has(name));
  if (!index.has('price') && !index.has('price_cents')) missing.push('price');
  return missing.length > 0 ? `header is missing: ${missing.join(', ')}` : index;
}

function priceOf(record: CsvRecord, index: Map<string, number>): number {
  const cents = index.get('price_cents');
  if (cents !== undefined) {
    const text = (record.fields[cents] ?? '').trim();
    if (!/^\d{1,11}$/.test(text)) throw new CatalogError('INVALID_PRICE', `price_cents "${text}" must be a whole number`);
    return Number(text);
  }
  return parsePriceCents(record.fields[index.get('price') ?? -1] ?? '');
}

function importRow(catalog: Catalog, record: CsvRecord, index: Map<string, number>, width: number): void {
  if (record.fields.length !== width) {
    throw new CatalogError('BAD_ROW', `expected ${width} columns, found ${record.fields.length} (a comma in a name needs quotes)`);
  }
  const field = (name: string) => record.fields[index.get(name) ?? -1] ?? '';
  catalog.add({ sku: field('sku'), gtin: field('gtin'), name: field('name'), priceCents: priceOf(record, index), taxClass: parseTaxClass(field('tax')), nameLatin: field('name_latin') });
}

export function importCatalogCsv(catalog: Catalog, text: string): ImportReport {
  const report: ImportReport = { imported: 0, rejected: [] };
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { imported: 0, rejected: [{ line: error.line, code: error.code, message: error.message }] };
  }
  const [header, ...rows] = records;
  if (!header) return { imported: 0, rejected: [{ line: 1, code: 'CSV_EMPTY', message: 'the file is empty' }] };
  const index = headerIndex(header.fields);
  if (typeof index === 'string') return { imported: 0, rejected: [{ line: header.line, code: 'CSV_HEADER', message: index }] };
  for (const record of rows) {
    try {
      importRow(catalog, record, index, header.fields.length);
      report.imported += 1;
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      const sku = (record.fields[index.get('sku') ?? -1] ?? '').trim();
      report.rejected.push({ line: record.line, ...(sku ? { sku } : {}), code: error.code, message: error.message });
    }
  }
  return report;
}
