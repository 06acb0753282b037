// A laid-out receipt as printer bytes, through @point-of-sale/receipt-printer-encoder (ESC/POS or StarPRNT; we do
// not hand-roll the command set, docs/printing.md "Why this encoder"). The layout is ours (receipt-text.ts), so the
// screen, the CLI and the paper agree line for line; the encoder turns each line into the printer's commands: the
// code page (ESC t), bold, tall text, the CODE 128 barcode centred, the drawer pulse and the cut.
//
// Characters: text is printed in the printer's chosen code page. A character the page lacks is never sent as
// garbage: a few have plain look-alikes (− → -, no-break spaces → space); a Chinese line prints in the printer's CJK
// mode (FS &, GB18030 bytes, FS .) when the printer has one (settings `cjk`), and otherwise the line prints its
// fallback (a sale line's SKU), or, having none, without the characters the printer cannot print.
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import type { PaperColumns, PrinterCodepage, PrinterLanguage } from '../../preload/printer-options.js';
import type { ReceiptDocument } from './receipt-document.js';
import { layoutLines, type TextLine } from './receipt-text.js';
import { gb18030Bytes } from './gb18030.js';

export interface PrinterFormat {
  columns: PaperColumns;
  codepage: PrinterCodepage;
  language: PrinterLanguage;
  /** The printer has a GB18030 font and a CJK mode (FS &): Chinese prints as Chinese. */
  cjk: boolean;
}

/** Plain look-alikes for what the screens print and small code pages lack. */
const LOOK_ALIKES: Record<string, string> = { '\u2212': '-', '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2013': '-', '\u2014': '-', '\u2019': "'", '\u00d7': 'x', '\u00b7': '-', '\u2026': '...' };

const ALWAYS = new Set(['\u00a0', '\u202f', '\u2009', '\u2212']);

const printableSets = new Map<string, Set<number>>();

function printableSet(codepage: PrinterCodepage): Set<number> {
  let set = printableSets.get(codepage);
  if (!set) {
    set = new Set(CodepageEncoder.getCodepoints(codepage, true).filter((c) => c >= 0x20));
    printableSets.set(codepage, set);
  }
  return set;
}

/** The text with look-alikes for characters the code page lacks (only those: é stays é where the page has it). */
export function normalise(s: string, codepage: PrinterCodepage): string {
  const set = printableSet(codepage);
  let out = '';
  // Spaces of every kind print as a space: a code page's 0xFF no-break space prints as a box on some printers.
  for (const ch of s) out += ALWAYS.has(ch) ? (LOOK_ALIKES[ch] as string) : set.has(ch.codePointAt(0) ?? 0) ? ch : (LOOK_ALIKES[ch] ?? ch);
  return out;
}

export function printableIn(s: string, codepage: PrinterCodepage): boolean {
  const set = printableSet(codepage);
  for (const ch of normalise(s, codepage)) if (!set.has(ch.codePointAt(0) ?? 0)) return false;
  return true;
}

function isCjkPrintable(s: string): boolean {
  return gb18030Bytes(s) !== null;
}

function newEncoder(format: PrinterFormat): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({ language: format.language, columns: format.columns, feedBeforeCut: 4, newline: '\n' });
}

function textLine(enc: ReceiptPrinterEncoder, line: TextLine, format: PrinterFormat): void {
  const text = line.text.trimEnd();
  if (line.bold) enc.bold(true);
  if (line.tall) enc.size(1, 2);
  if (printableIn(text, format.codepage)) {
    enc.line(normalise(text, format.codepage));
  } else if (format.cjk && format.language === 'esc-pos' && isCjkPrintable(text)) {
    // The encoder has no CJK mode: the one place we send our own bytes, framed by the printer's Kanji mode commands.
    enc.raw([0x1c, 0x26, ...(gb18030Bytes(text) ?? []), 0x1c, 0x2e, 0x0a]);
  } else {
    const set = printableSet(format.codepage);
    enc.line([...normalise(text, format.codepage)].filter((ch) => set.has(ch.codePointAt(0) ?? 0)).join(''));
  }
  if (line.tall) enc.size(1, 1);
  if (line.bold) enc.bold(false);
}

/**
 * The whole slip: initialise, the code page, (the drawer pulse first, so the drawer opens while the receipt
 * prints), every line, the barcode, then feed and cut last.
 */
export function encodeDocument(doc: ReceiptDocument, format: PrinterFormat, options: { kickDrawer?: boolean } = {}): Uint8Array {
  const canPrint = (s: string) => printableIn(s, format.codepage) || (format.cjk && format.language === 'esc-pos' && isCjkPrintable(s));
  const enc = newEncoder(format).initialize().codepage(format.codepage);
  if (options.kickDrawer) enc.pulse(0, 100, 500);
  for (const line of layoutLines(doc, format.columns, canPrint)) {
    if (line.kind === 'code' && line.code) {
      enc.align('center');
      if (line.code.symbology === 'qr') enc.qrcode(line.code.value, { model: 2, size: 6, errorlevel: 'm' });
      else enc.barcode(line.code.value, 'code128', { height: 60, width: 2, text: 'below' });
      enc.align('left');
    } else {
      textLine(enc, line, format);
    }
  }
  return enc.cut('partial').encode();
}

/** The drawer alone (a manager's "open drawer"): initialise and pulse pin 2, nothing printed, no cut. */
export function encodeDrawerKick(format: PrinterFormat): Uint8Array {
  return newEncoder(format).initialize().pulse(0, 100, 500).encode();
}
