// `pos catalog import FILE.csv [--replace]` and `pos catalog search TEXT`: the shop's own products. They live in
// catalog.csv in the data folder, the file the app loads at start-up (main/app/compose.ts, CATALOG_FILE), so an
// import here is what the till sells after its next start. The rows go through the app's own importer
// (importCatalogCsv): good rows are imported, each bad row is refused and listed with its line and reason.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOG_FILE } from '../app/compose.js';
import { demoProducts } from '../app/demo-catalog.js';
import { Catalog } from '../catalog/catalog.js';
import { importCatalogCsv, type ImportReport, type ImportRowError } from '../catalog/csv-import.js';
import type { Product } from '../catalog/product.js';
import { defaultDataDir } from '../config/data-dir.js';
import { loadSettings } from '../config/load-settings.js';
import { csvRecord } from '../reports/csv-format.js';
import { looksLikePaymentCode } from '../scanners/classifier.js';
import { maskCode } from '../shared/logger.js';
import { UsageError, type Out } from './cli-io.js';

export const CATALOG_USAGE = `  catalog import FILE.csv [--replace]       add FILE's products (sku,gtin,name,price or price_cents) to the
                                            data folder's catalog.csv; good rows are imported even when others
                                            are refused, each refused row is listed with its line and reason,
                                            and the exit code is 1 if any row was refused. --replace: FILE's good
                                            rows become the whole catalog. The app loads it at its next start.
  catalog search TEXT                       products whose name or SKU contains every word of TEXT`;

/** The catalog file cannot be read or written; the message names the file. */
export class CatalogFileError extends Error {
  readonly code = 'CATALOG_FILE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogFileError';
  }
}

const OPTIONS = { 'data-dir': { type: 'string' }, replace: { type: 'boolean' } } as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** A wallet code pasted into a CSV cell must not reach the terminal whole (docs/style.md §11): keep its last 4. */
function maskPaymentCodes(text: string): string {
  return text.replace(/\d{9,64}/g, (digits) => (looksLikePaymentCode(digits) ? maskCode(digits) : digits));
}

function priceText(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CatalogFileError(`cannot read ${what} ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** Writes beside the target and renames over it, so a crash never leaves the till a half-written catalog. */
function saveCatalog(file: string, products: readonly Product[]): void {
  // The tax column (docs/register.md) only when a product is not `standard`, so an all-standard catalog keeps its shape.
  const taxed = products.some((p) => p.taxClass !== 'standard');
  // name_latin (docs/printing.md) likewise only when a product has one.
  const latin = products.some((p) => p.nameLatin !== undefined);
  const text = csvRecord(['sku', 'gtin', 'name', 'price', ...(taxed ? ['tax'] : []), ...(latin ? ['name_latin'] : [])])
    + products.map((p) => csvRecord([p.sku, p.gtin, p.name, priceText(p.priceCents), ...(taxed ? [p.taxClass] : []), ...(latin ? [p.nameLatin ?? ''] : [])])).join('');
  try {
    if (existsSync(file)) copyFileSync(file, `${file}.bak`);
    writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  } catch (err) {
    throw new CatalogFileError(`cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

function rowLine(prefix: string, row: ImportRowError): string {
  return maskPaymentCodes(`${prefix}line ${row.line}${row.sku ? ` (sku ${row.sku})` : ''}: ${row.code} ${row.message}`);
}

function importCommand(dataDir: string, positionals: string[], replace: boolean, out: Out): number {
  const [source, ...extra] = positionals;
  if (!source || extra.length > 0) throw new UsageError('catalog import takes one file: catalog import FILE.csv');
  const target = join(dataDir, CATALOG_FILE);
  const catalog = new Catalog();
  if (!replace && existsSync(target)) {
    // The current catalog as the app loads it: rows the app already refuses stay out (and stay in catalog.csv.bak).
    const current = importCatalogCsv(catalog, readText(target, 'the current catalog'));
    if (current.rejected.length > 0) out(`note: the current ${CATALOG_FILE} has ${current.rejected.length} refused row(s) the app already skips; they are not carried over (kept in ${CATALOG_FILE}.bak)`);
  }
  const report: ImportReport = importCatalogCsv(catalog, readText(resolve(source), 'import file'));
  if (report.imported > 0) {
    saveCatalog(target, catalog.all());
    out(`imported ${report.imported} product(s) from ${source} into ${target}${replace ? ' (replacing it)' : ''}; catalog now has ${catalog.size} product(s)`);
  } else {
    out(`imported 0 products from ${source}; ${target} unchanged`);
  }
  if (report.rejected.length === 0) return 0;
  out(`refused ${report.rejected.length} row(s)${report.imported > 0 ? ' (the good rows above were still imported)' : '; nothing was changed'}:`);
  for (const row of report.rejected) out(rowLine('  ', row));
  return 1;
}

/** The catalog exactly as compose.ts builds it: catalog.csv when present, else the demo products in training. */
export function loadCatalog(dataDir: string): { catalog: Catalog; source: string } {
  const catalog = new Catalog();
  const file = join(dataDir, CATALOG_FILE);
  if (existsSync(file)) {
    importCatalogCsv(catalog, readText(file, 'the catalog'));
    return { catalog, source: file };
  }
  if (loadSettings(dataDir).gateway.mode === 'training') {
    for (const product of demoProducts()) catalog.add(product);
    return { catalog, source: `the training demo products (no ${CATALOG_FILE} in ${dataDir})` };
  }
  return { catalog, source: `nothing: no ${CATALOG_FILE} in ${dataDir}` };
}

function searchCommand(dataDir: string, positionals: string[], out: Out): number {
  const query = positionals.join(' ').trim();
  if (query === '') throw new UsageError('catalog search needs some text: catalog search TEXT');
  const { catalog, source } = loadCatalog(dataDir);
  const hits = catalog.searchByName(query);
  out(`catalog: ${source} (${catalog.size} products)`);
  for (const p of hits) out(`${p.sku.padEnd(14)} ${p.gtin} ${priceText(p.priceCents).padStart(9)}  ${p.name}`);
  // The query is not echoed: it may be a wallet code scanned into the wrong place, and that is never searched.
  out(hits.length === 0 ? 'no products match' : `${hits.length} product(s) match`);
  return 0;
}

export function runCatalogCommand(argv: string[], out: Out, env: NodeJS.ProcessEnv = process.env): number {
  const { values, positionals } = parse(argv);
  const [sub, ...rest] = positionals;
  const dataDir = values['data-dir'] ?? defaultDataDir(env);
  if (values.replace && sub !== 'import') throw new UsageError('--replace goes with catalog import');
  if (sub === 'import') return importCommand(dataDir, rest, values.replace === true, out);
  if (sub === 'search') return searchCommand(dataDir, rest, out);
  throw new UsageError(`unknown catalog command '${sub ?? ''}': catalog import FILE.csv | catalog search TEXT`);
}
