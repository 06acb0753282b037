// `pos printer list | test | print --order N | print --last`, and the receipt of `pos charge` (docs/printing.md).
// `--printer tcp://HOST:PORT | serial:PATH[@BAUD] | usb:PATH` picks the printer for one run, as --data-dir picks the
// folder; without it the printer in settings.json is used. A slip that cannot print stays in the journal's print
// queue (the app prints it when the printer is back) and the command says why, exiting 1; the sale is untouched.
import { PrintingService } from '../app/printing-service.js';
import type { Services } from '../app/services.js';
import { findAttemptByMchOrderNo } from '../journal/attempt-queries.js';
import { getSale } from '../journal/sale-queries.js';
import { discoverPrinters } from '../printing/discovery.js';
import { describePrinterTarget, parsePrinterTarget, type PrinterTarget } from '../printing/printer-target.js';
import { asPrinterError } from '../printing/printer-errors.js';
import { receiptText } from '../receipts/receipt-text.js';
import { createLogger, silentSink } from '../shared/logger.js';
import { textFlag, UsageError, type Flags, type Out } from './cli-io.js';

export const PRINTER_USAGE = `printer list                              serial ports, USB printers (/dev/usb/lp*) and the printer in settings
  printer test [--printer P]                print the test page
  printer print (--order N | --last) [--printer P]
                                            reprint a sale's receipt (N: sale number or merchant order number), marked REPRINT
  printer print --z N [--printer P]         print Z report N as taken at its day close
                                            P: tcp://HOST:PORT | serial:PATH[@BAUD] | usb:PATH, for this run only`;

export function printerFlag(flags: Flags): PrinterTarget | undefined {
  const text = textFlag(flags, 'printer', false);
  if (text === undefined) return undefined;
  try {
    return parsePrinterTarget(text);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function printingFor(services: Services, flags: Flags): PrintingService {
  const logger = createLogger('printing', silentSink);
  const override = printerFlag(flags);
  return new PrintingService({ journal: services.journal, settings: () => services.settings, training: services.training, logger, every: () => () => undefined, ...(override ? { override } : {}) });
}

function faultLine(fault: string, where: string): string {
  return `not printed (${fault}) on ${where}: the slip stays in the print queue and prints when the printer is back; the sale is not affected`;
}

/** Queues one slip and prints it now; 0 printed, 1 still queued (the fault said). */
async function printNow(printing: PrintingService, job: Parameters<PrintingService['enqueue']>[0], out: Out): Promise<number> {
  const queued = printing.enqueue(job);
  await printing.queue.pump();
  const after = printing.job(queued.id);
  const where = printing.target() ? describePrinterTarget(printing.target() as PrinterTarget) : 'no printer';
  if (after.state === 'printed') {
    out(`printed on ${where}`);
    return 0;
  }
  out(faultLine(after.fault ?? 'offline', where));
  return 1;
}

function lastPaidSale(services: Services): number {
  const row = services.journal.statement(`SELECT id FROM sales WHERE status = 'paid' ORDER BY closed_at DESC, id DESC LIMIT 1`).get() as { id: number } | undefined;
  if (!row) throw new UsageError('no paid sale in this journal yet');
  return row.id;
}

function saleOf(services: Services, order: string): number {
  if (/^\d{1,12}$/.test(order)) {
    getSale(services.journal, Number(order));
    return Number(order);
  }
  const attempt = findAttemptByMchOrderNo(services.journal, order);
  if (!attempt) throw new UsageError(`no sale ${order} in this journal`);
  return attempt.saleId;
}

export async function printerCommand(services: Services, positionals: string[], flags: Flags, out: Out): Promise<number> {
  const [sub] = positionals;
  const printing = printingFor(services, flags);
  if (sub === 'list') {
    const found = await discoverPrinters();
    for (const s of found.serial) out(`serial:${s.path}@9600   ${s.label}`);
    for (const u of found.usb) out(`usb:${u.path}`);
    if (found.serial.length === 0 && found.usb.length === 0) out('no serial port or USB printer found (a network printer is tcp://HOST:9100)');
    const configured = services.settings.printer;
    out(configured ? `settings.json: ${configured.target}, ${configured.columns} columns, ${configured.codepage}, ${configured.language}${configured.cjk ? ', CJK' : ''}` : 'settings.json: no printer');
    return 0;
  }
  if (sub === 'test') {
    const where = printing.target();
    if (!where) throw new UsageError('no printer: give --printer tcp://HOST:PORT | serial:PATH[@BAUD] | usb:PATH, or choose one in Manager → Settings');
    try {
      await printing.printTestPage();
      out(`test page printed on ${describePrinterTarget(where)}`);
      return 0;
    } catch (error) {
      out(`test page not printed on ${describePrinterTarget(where)}: ${asPrinterError(error).fault} (${asPrinterError(error).message})`);
      return 1;
    }
  }
  if (sub === 'print' && flags.z !== undefined) {
    const z = textFlag(flags, 'z') as string;
    if (!/^\d{1,9}$/.test(z)) throw new UsageError(`--z must be a Z number (got ${z})`);
    const job = { kind: 'z-report' as const, zNumber: Number(z), refundId: null, saleId: null, reprint: false };
    out(receiptText(printing.documentOf(job), printing.format().columns));
    return printNow(printing, { kind: 'z-report', zNumber: Number(z), requestedBy: textFlag(flags, 'by', false) ?? 'admin-cli' }, out);
  }
  if (sub === 'print') {
    const order = textFlag(flags, 'order', false);
    if ((order === undefined) === (flags.last !== true)) throw new UsageError('give --order N or --last');
    const saleId = order !== undefined ? saleOf(services, order) : lastPaidSale(services);
    out(receiptText(printing.documentOf({ kind: 'sale', saleId, refundId: null, zNumber: null, reprint: true }), printing.format().columns));
    return printNow(printing, { kind: 'sale', saleId, reprint: true, requestedBy: textFlag(flags, 'by', false) ?? 'admin-cli' }, out);
  }
  throw new UsageError('did you mean: printer list, printer test, printer print --order N, printer print --last');
}

/**
 * After `pos close-day --printer P`: Z `zNumber` printed there. The Z is final whatever the printer says, so a fault
 * only says so (the slip stays queued in the journal, as any); nothing prints without --printer.
 */
export async function printClosedZ(services: Services, flags: Flags, out: Out, zNumber: number, requestedBy: string): Promise<void> {
  if (!printerFlag(flags)) return;
  const printing = printingFor(services, flags);
  await printNow(printing, { kind: 'z-report', zNumber, requestedBy }, (line) => out(`Z ${zNumber} ${line}`));
}

/**
 * After `pos charge`: the receipt as text, always (the same layout the printer prints); with --printer, the drawer
 * opens for a cash tender and the receipt prints. A print fault changes nothing about the payment or its exit code.
 */
export async function chargeReceipt(services: Services, flags: Flags, out: Out, saleId: number): Promise<void> {
  const printing = printingFor(services, flags);
  const { sale, attempts } = getSale(services.journal, saleId);
  if (sale.status !== 'paid') return;
  out(receiptText(printing.documentOf({ kind: 'sale', saleId, refundId: null, zNumber: null, reprint: false }), printing.format().columns));
  if (!printerFlag(flags)) return;
  if (attempts.some((a) => a.tender === 'cash' && a.state === 'succeeded')) {
    const opening = await printing.openDrawer({ openedBy: sale.cashier, approvedBy: null, reason: 'cash-sale', saleId });
    out(opening.result === 'sent' ? 'drawer opened' : `drawer not opened: ${opening.result}`);
  }
  await printNow(printing, { kind: 'sale', saleId, requestedBy: sale.cashier }, out);
}
