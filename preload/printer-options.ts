// What a receipt printer can be set to, declared once: settings.json's schema (main/config/settings.ts), the
// manager's printer setup screen and `pos printer` all offer these lists. Pure data, no imports.

/** Paper widths as columns of Font A: 80 mm paper prints 48 columns, 58 mm prints 32. */
export const PAPER_COLUMNS = [48, 32] as const;
export type PaperColumns = (typeof PAPER_COLUMNS)[number];

/**
 * Single-byte code pages a receipt may print in (ESC t). cp863 is IBM's Canadian-French page; cp858 is cp850 with
 * the euro sign; all of them carry é è ê à ç ô û « ». The encoder maps each to the printer's ESC t number.
 */
export const PRINTER_CODEPAGES = ['cp858', 'cp850', 'cp863', 'cp437', 'windows1252', 'iso8859-15'] as const;
export type PrinterCodepage = (typeof PRINTER_CODEPAGES)[number];

/** The printer's command language: ESC/POS (Epson and most others) or StarPRNT (Star printers in Star mode). */
export const PRINTER_LANGUAGES = ['esc-pos', 'star-prnt'] as const;
export type PrinterLanguage = (typeof PRINTER_LANGUAGES)[number];

export const PRINTER_KINDS = ['tcp', 'serial', 'usb'] as const;
export type PrinterKind = (typeof PRINTER_KINDS)[number];

/** Why the printer did not print a slip, as codes the screens word (PRINTER_* in error-codes.ts). */
export const PRINT_FAULTS = ['paper-out', 'cover-open', 'offline', 'timeout', 'not-configured'] as const;
export type PrintFault = (typeof PRINT_FAULTS)[number];
