// ESC/POS real-time status (DLE EOT n, Epson's ESC/POS reference): the printer answers one byte at once, even
// while its buffer is full or it is offline. n=1 printer status: bit 3 offline, bit 2 the drawer kick connector's
// pin 3 (the drawer's open switch). n=2 offline cause: bit 2 cover open, bit 5 stopped at paper end, bit 6 error.
// n=4 roll paper sensor: bits 5-6 paper end (bits 2-3 near end, which still prints). Bits 1 and 4 are always set,
// bit 0 and 7 always clear, so an answer that breaks that is not a status byte.
import type { PrintFault } from '../../preload/printer-options.js';

export const DLE_EOT = (n: 1 | 2 | 4): number[] => [0x10, 0x04, n];

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  /** The drawer's switch as the printer reads it on pin 3: high means open for the usual drawers. */
  drawerOpen: boolean;
}

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export function parseStatus(printer: number, cause: number, paper: number): PrinterStatus {
  return {
    online: (printer & 0x08) === 0,
    drawerOpen: (printer & 0x04) !== 0,
    coverOpen: (cause & 0x04) !== 0,
    paperOut: (cause & 0x20) !== 0 || (paper & 0x60) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
  };
}

/** The fault that keeps this printer from printing now, or null when it can print. */
export function faultOf(status: PrinterStatus): PrintFault | null {
  if (status.coverOpen) return 'cover-open';
  if (status.paperOut) return 'paper-out';
  if (!status.online) return 'offline';
  return null;
}
