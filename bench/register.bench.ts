// Register benchmark: adding one line to a 200-line Quebec sale (GST + QST), with the subtotal, both taxes and the
// total recomputed from every line and journaled in the same durable write (main/journal/sales.ts refreshTotal,
// docs/register.md). Also the tax arithmetic alone on those lines. Prints `name: value unit`; asserts nothing.
import { join } from 'node:path';
import { taxSetupFor } from '../main/checkout/tax-table.js';
import { openJournal } from '../main/journal/database.js';
import { getSale } from '../main/journal/sale-queries.js';
import { addLine, createSale, removeLine } from '../main/journal/sales.js';
import { ManualClock } from '../main/shared/clock.js';
import { computeSaleTax, TAX_CLASSES } from '../main/shared/sales-tax.js';
import { makeTempDir } from '../test/support/temp-dir.js';

const LINES = 200;
const ADDS = Number(process.env.BENCH_REGISTER_ADDS ?? 500);

const print = (name: string, value: number, unit: string, digits = 2) => console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const dir = makeTempDir('pos-bench-register-');
try {
  const journal = openJournal({ file: join(dir.path, 'journal.sqlite'), clock: new ManualClock(), terminalId: 'BENCH1', timeZone: 'America/Toronto' });
  const sale = createSale(journal, { cashier: 'ann', currency: 'CAD', tax: taxSetupFor('QC', '2026-11-22', false) });
  for (let i = 1; i <= LINES; i += 1) {
    addLine(journal, sale.id, { sku: `SKU${i}`, name: `Item ${i}`, unitPriceCents: 99 + ((i * 137) % 4000), quantity: 1 + (i % 3), taxClass: TAX_CLASSES[i % TAX_CLASSES.length] });
  }
  const times: number[] = [];
  for (let i = 0; i < ADDS; i += 1) {
    const start = process.hrtime.bigint();
    const lineNo = addLine(journal, sale.id, { sku: 'EXTRA', name: 'One more', unitPriceCents: 1199 + i, quantity: 1 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    removeLine(journal, sale.id, lineNo); // back to 200 lines, not timed
  }
  times.sort((a, b) => a - b);
  print(`register add a line to a ${LINES}-line taxed sale, durable (p50)`, percentile(times, 50), 'ms');
  print(`register add a line to a ${LINES}-line taxed sale, durable (p99)`, percentile(times, 99), 'ms');

  const { lines, taxes } = getSale(journal, sale.id);
  const compute: number[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const start = process.hrtime.bigint();
    computeSaleTax(lines, taxes, i % 2 === 0);
    compute.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  compute.sort((a, b) => a - b);
  print(`register tax arithmetic alone on ${LINES} lines (p50)`, percentile(compute, 50), 'ms', 4);
  print(`register tax arithmetic alone on ${LINES} lines (p99)`, percentile(compute, 99), 'ms', 4);
  journal.close();
} finally {
  dir.remove();
}
