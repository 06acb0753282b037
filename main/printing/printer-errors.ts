// Why a printer did not print, as one typed error (docs/style.md §6): `fault` is the print queue's word for it
// (preload/printer-options.ts PRINT_FAULTS), `code` the screens' (preload/error-codes.ts), which the cashier
// reads in the screen's language. A print fault never undoes a payment: the slip waits in the queue.
import type { PrintFault } from '../../preload/printer-options.js';

export type PrinterErrorCode = 'PRINTER_PAPER_OUT' | 'PRINTER_COVER_OPEN' | 'PRINTER_OFFLINE' | 'PRINTER_TIMEOUT' | 'PRINTER_NOT_CONFIGURED';

const CODES: Record<PrintFault, PrinterErrorCode> = {
  'paper-out': 'PRINTER_PAPER_OUT', 'cover-open': 'PRINTER_COVER_OPEN', offline: 'PRINTER_OFFLINE', timeout: 'PRINTER_TIMEOUT', 'not-configured': 'PRINTER_NOT_CONFIGURED',
};

export function printerErrorCode(fault: PrintFault): PrinterErrorCode {
  return CODES[fault];
}

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  constructor(readonly fault: PrintFault, message: string) {
    super(message);
    this.name = 'PrinterError';
    this.code = CODES[fault];
  }
}

export function asPrinterError(e: unknown): PrinterError {
  if (e instanceof PrinterError) return e;
  return new PrinterError('offline', e instanceof Error ? e.message : String(e));
}
