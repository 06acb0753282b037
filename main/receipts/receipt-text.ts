// A receipt document laid out in fixed columns: 48 for 80 mm paper, 32 for 58 mm (preload/printer-options.ts).
// The printer prints these lines (escpos-encode.ts), `pos charge` writes them to the terminal, and the screen shows
// them. A CJK character takes two columns on the printer as in a terminal, so widths are counted that way.
import type { ReceiptDocument, ReceiptRow, RowRole } from './receipt-document.js';

export interface TextLine {
  kind: 'text' | 'code';
  /** The line, padded to the paper's width (a code line holds the code's value, centred). */
  text: string;
  bold: boolean;
  tall: boolean;
  role: RowRole | 'rule' | 'code';
  /** A code line's symbology and value, for the printer. */
  code?: { symbology: 'code128' | 'qr'; value: string };
  /** A tax line's code (GST, QST…), for the screen's test ids. */
  taxCode?: string;
  /** The two halves of a pair's first line, for the screen (the amount stays its own element). */
  left?: string;
  right?: string;
}

/** East Asian wide and fullwidth characters print two columns wide. */
export function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0x2e80 && codePoint <= 0xa4cf) || (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) || (codePoint >= 0xfe30 && codePoint <= 0xfe4f) || (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) || (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

/** Cuts `s` into pieces at most `width` columns wide, at spaces where it can. */
export function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (displayWidth(rest) > width) {
    let cut = 0;
    let w = 0;
    let lastSpace = -1;
    const chars = [...rest];
    for (let i = 0; i < chars.length; i += 1) {
      const cw = isWide(chars[i]?.codePointAt(0) ?? 0) ? 2 : 1;
      if (w + cw > width) break;
      w += cw;
      cut = i + 1;
      if (chars[i] === ' ') lastSpace = i;
    }
    const at = lastSpace > 0 ? lastSpace : cut;
    out.push(chars.slice(0, at).join('').trimEnd());
    rest = chars.slice(at).join('').trimStart();
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}

const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
const centre = (s: string, width: number) => padEnd(' '.repeat(Math.max(0, Math.floor((width - displayWidth(s)) / 2))) + s, width);

function pairLines(left: string, right: string, columns: number): string[] {
  const room = columns - displayWidth(right) - 1;
  const [first = '', ...more] = wrap(left, Math.max(8, room));
  const lines = [`${padEnd(first, columns - displayWidth(right))}${right}`];
  for (const piece of more.flatMap((m) => wrap(m, columns - 2))) lines.push(padEnd(`  ${piece}`, columns));
  return lines;
}

/** `printable`: whether the printer can print this text; a pair that it cannot print uses its fallback. */
export function rowLines(row: ReceiptRow, columns: number, printable: (s: string) => boolean = () => true): TextLine[] {
  switch (row.kind) {
    case 'rule':
      return [{ kind: 'text', text: (row.style === 'double' ? '=' : '-').repeat(columns), bold: false, tall: false, role: 'rule' }];
    case 'code':
      return [{ kind: 'code', text: centre(row.value, columns), bold: false, tall: false, role: 'code', code: { symbology: row.symbology, value: row.value } }];
    case 'text':
      return wrap(row.text, columns).map((piece) => ({ kind: 'text', text: row.align === 'center' ? centre(piece, columns) : padEnd(piece, columns), bold: row.bold === true, tall: row.tall === true, role: row.role }));
    case 'pair': {
      const left = !printable(row.left) && row.fallback !== undefined ? row.fallback : row.left;
      return pairLines(left, row.right, columns).map((t, i) => ({
        kind: 'text', text: t, bold: row.bold === true, tall: false, role: row.role,
        ...(row.taxCode ? { taxCode: row.taxCode } : {}), ...(i === 0 ? { left, right: row.right } : {}),
      }));
    }
  }
}

export function layoutLines(doc: ReceiptDocument, columns: number, printable?: (s: string) => boolean): TextLine[] {
  return doc.rows.flatMap((row) => rowLines(row, columns, printable));
}

/** The receipt as plain text, one line per printed line (the CLI's `pos charge` and `pos printer print`). */
export function receiptText(doc: ReceiptDocument, columns: number): string {
  return layoutLines(doc, columns).map((l) => (l.kind === 'code' ? centre(`|${l.code?.value ?? ''}|`, columns) : l.text).trimEnd()).join('\n');
}
