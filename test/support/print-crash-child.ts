// Child process for the print queue's kill -9 test (test/integration/printing-crash.test.ts): queues a sale's
// receipt in a real journal file and starts printing it to the parent's printer listener, which stalls; the parent
// SIGKILLs this process while the slip is on the wire. Nothing in memory survives, only the journal file.
import { PrintingService } from '../../main/app/printing-service.js';
import { parseSettings } from '../../main/config/load-settings.js';
import { openJournal } from '../../main/journal/database.js';
import { addLine, createSale } from '../../main/journal/sales.js';
import { systemClock } from '../../main/shared/clock.js';
import { createLogger, silentSink } from '../../main/shared/logger.js';

const [journalFile = '', printerUrl = ''] = process.argv.slice(2);
const journal = openJournal({ file: journalFile, clock: systemClock, terminalId: 'T1', timeZone: 'America/Toronto' });
const settings = parseSettings({ storeName: 'Crash Café', printer: { target: printerUrl, timeoutMs: 60_000 } }, 'settings.json');
const printing = new PrintingService({ journal, settings: () => settings, training: true, logger: createLogger('child', silentSink), every: () => () => undefined });
const sale = createSale(journal, { cashier: 'alice', currency: 'CAD' });
addLine(journal, sale.id, { sku: 'LATTE', name: 'Latte', unitPriceCents: 475, quantity: 1 });
const job = printing.enqueue({ kind: 'sale', saleId: sale.id, requestedBy: 'alice' });
process.stdout.write(`${JSON.stringify({ saleId: sale.id, jobId: job.id })}\n`);
// Keeps printing (the listener never answers) until the parent kills this process.
setInterval(() => undefined, 1_000);
