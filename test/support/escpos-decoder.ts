// Decodes the ESC/POS bytes a test printer captured into what a person would find on the paper: printed lines
// with their style, and the commands in order (init, code page, alignment, bold, size, barcode, QR, raster image,
// drawer pulse, cut, status requests). Written apart from the encoder, from Epson's ESC/POS command reference, so a
// mistake in the encoder is not repeated here; the code pages' French letters are this file's own table.

/** The French letters of each code page we offer, byte → character (IBM and Windows code charts). */
const FRENCH: Record<number, Record<number, string>> = {
  // ESC t 0: PC437
  0: { 0x80: 'Ç', 0x81: 'ü', 0x82: 'é', 0x83: 'â', 0x84: 'ä', 0x85: 'à', 0x87: 'ç', 0x88: 'ê', 0x89: 'ë', 0x8a: 'è', 0x8b: 'ï', 0x8c: 'î', 0x90: 'É', 0x93: 'ô', 0x96: 'û', 0x97: 'ù', 0xae: '«', 0xaf: '»', 0xfa: '·' },
  // ESC t 2: PC850
  2: { 0x80: 'Ç', 0x81: 'ü', 0x82: 'é', 0x83: 'â', 0x84: 'ä', 0x85: 'à', 0x87: 'ç', 0x88: 'ê', 0x89: 'ë', 0x8a: 'è', 0x8b: 'ï', 0x8c: 'î', 0x90: 'É', 0x93: 'ô', 0x96: 'û', 0x97: 'ù', 0xb7: 'À', 0xd2: 'Ê', 0xd4: 'È', 0xae: '«', 0xaf: '»', 0x9e: '×', 0xfa: '·' },
  // ESC t 4: PC863 (Canadian-French)
  4: { 0x80: 'Ç', 0x81: 'ü', 0x82: 'é', 0x83: 'â', 0x84: 'Â', 0x85: 'à', 0x87: 'ç', 0x88: 'ê', 0x89: 'ë', 0x8a: 'è', 0x8b: 'ï', 0x8c: 'î', 0x8e: 'À', 0x90: 'É', 0x91: 'È', 0x92: 'Ê', 0x93: 'ô', 0x96: 'û', 0x97: 'ù', 0xae: '«', 0xaf: '»', 0xfa: '·' },
  // ESC t 16: WPC1252
  16: { 0xc0: 'À', 0xc7: 'Ç', 0xc8: 'È', 0xc9: 'É', 0xca: 'Ê', 0xe0: 'à', 0xe2: 'â', 0xe7: 'ç', 0xe8: 'è', 0xe9: 'é', 0xea: 'ê', 0xeb: 'ë', 0xee: 'î', 0xef: 'ï', 0xf4: 'ô', 0xf9: 'ù', 0xfb: 'û', 0xfc: 'ü', 0xd7: '×', 0xb7: '·' },
  // ESC t 19: PC858 (PC850 with €)
  19: { 0x80: 'Ç', 0x81: 'ü', 0x82: 'é', 0x83: 'â', 0x84: 'ä', 0x85: 'à', 0x87: 'ç', 0x88: 'ê', 0x89: 'ë', 0x8a: 'è', 0x8b: 'ï', 0x8c: 'î', 0x90: 'É', 0x93: 'ô', 0x96: 'û', 0x97: 'ù', 0xb7: 'À', 0xd2: 'Ê', 0xd4: 'È', 0xae: '«', 0xaf: '»', 0x9e: '×', 0xfa: '·', 0xd5: '€' },
};

export type Command =
  | { op: 'init' }
  | { op: 'codepage'; n: number }
  | { op: 'align'; value: 'left' | 'center' | 'right' }
  | { op: 'bold'; on: boolean }
  | { op: 'size'; width: number; height: number }
  | { op: 'font'; n: number }
  | { op: 'underline'; n: number }
  | { op: 'cjk'; on: boolean }
  | { op: 'barcode'; symbology: number; data: string }
  | { op: 'barcode-setting'; what: 'height' | 'width' | 'hri'; n: number }
  | { op: 'qr'; data: string }
  | { op: 'qr-setting'; fn: number }
  | { op: 'raster'; widthBytes: number; height: number }
  | { op: 'pulse'; pin: number; onMs: number; offMs: number }
  | { op: 'cut'; partial: boolean }
  | { op: 'feed'; lines: number }
  | { op: 'status'; n: number }
  | { op: 'line'; text: string; bold: boolean; align: 'left' | 'center' | 'right'; height: number; codepage: number }
  | { op: 'unknown'; byte: number };

export interface Decoded {
  commands: Command[];
  /** The printed lines' text, in order. */
  lines: string[];
  /** Characters in a line that the code page in force has no entry for in this decoder (they printed as something else). */
  undecodable: number;
}

const ALIGN = ['left', 'center', 'right'] as const;

export function decodeEscPos(input: Uint8Array): Decoded {
  const b = input;
  const commands: Command[] = [];
  const lines: string[] = [];
  let i = 0;
  let text: number[] = [];
  let bold = false;
  let align: 'left' | 'center' | 'right' = 'left';
  let height = 1;
  let codepage = 0;
  let cjk = false;
  let undecodable = 0;
  const decodeText = (bytes: number[]): string => {
    if (cjk) return new TextDecoder('gb18030').decode(Uint8Array.from(bytes));
    return bytes.map((c) => {
      if (c < 0x80) return String.fromCharCode(c);
      const ch = FRENCH[codepage]?.[c];
      if (ch === undefined) undecodable += 1;
      return ch ?? '\uFFFD';
    }).join('');
  };
  let chunk = '';
  /** Bytes so far, decoded in the mode they were sent in (CJK mode switches mid-line). */
  const settle = () => {
    chunk += decodeText(text);
    text = [];
  };
  const flush = () => {
    settle();
    const line = chunk;
    chunk = '';
    commands.push({ op: 'line', text: line, bold, align, height, codepage });
    lines.push(line);
    text = [];
  };
  const u8 = (k: number) => b[i + k] ?? 0;
  while (i < b.length) {
    const c = u8(0);
    if (c === 0x0a) {
      flush();
      i += 1;
    } else if (c === 0x0d) {
      i += 1;
    } else if (c === 0x1b) {
      const n = u8(1);
      if (n === 0x40) { commands.push({ op: 'init' }); bold = false; align = 'left'; height = 1; codepage = 0; i += 2; }
      else if (n === 0x74) { codepage = u8(2); commands.push({ op: 'codepage', n: codepage }); i += 3; }
      else if (n === 0x61) { align = ALIGN[u8(2) % 48] ?? 'left'; commands.push({ op: 'align', value: align }); i += 3; }
      else if (n === 0x45) { bold = u8(2) === 1; commands.push({ op: 'bold', on: bold }); i += 3; }
      else if (n === 0x4d) { commands.push({ op: 'font', n: u8(2) }); i += 3; }
      else if (n === 0x2d) { commands.push({ op: 'underline', n: u8(2) }); i += 3; }
      else if (n === 0x70) { commands.push({ op: 'pulse', pin: u8(2) === 0 || u8(2) === 48 ? 2 : 5, onMs: u8(3) * 2, offMs: u8(4) * 2 }); i += 5; }
      else if (n === 0x64) { commands.push({ op: 'feed', lines: u8(2) }); i += 3; }
      else if (n === 0x32 || n === 0x33) { i += n === 0x33 ? 3 : 2; }
      else { commands.push({ op: 'unknown', byte: n }); i += 2; }
    } else if (c === 0x1d) {
      const n = u8(1);
      if (n === 0x21) { const v = u8(2); height = (v & 0x0f) + 1; commands.push({ op: 'size', width: (v >> 4) + 1, height }); i += 3; }
      else if (n === 0x68) { commands.push({ op: 'barcode-setting', what: 'height', n: u8(2) }); i += 3; }
      else if (n === 0x77) { commands.push({ op: 'barcode-setting', what: 'width', n: u8(2) }); i += 3; }
      else if (n === 0x48) { commands.push({ op: 'barcode-setting', what: 'hri', n: u8(2) }); i += 3; }
      else if (n === 0x6b) {
        const m = u8(2);
        const len = u8(3);
        let data = String.fromCharCode(...b.slice(i + 4, i + 4 + len));
        // CODE 128 data starts with its code set: {A, {B or {C.
        if (m === 73) data = data.replace(/^\{[ABC]/, '');
        commands.push({ op: 'barcode', symbology: m, data });
        i += 4 + len;
      } else if (n === 0x28 && u8(2) === 0x6b) {
        const len = u8(3) + u8(4) * 256;
        const cn = u8(5);
        const fn = u8(6);
        if (cn === 0x31 && fn === 0x50) commands.push({ op: 'qr', data: String.fromCharCode(...b.slice(i + 8, i + 5 + len)) });
        else commands.push({ op: 'qr-setting', fn });
        i += 5 + len;
      } else if (n === 0x76 && u8(2) === 0x30) {
        const widthBytes = u8(4) + u8(5) * 256;
        const rows = u8(6) + u8(7) * 256;
        commands.push({ op: 'raster', widthBytes, height: rows });
        i += 8 + widthBytes * rows;
      } else if (n === 0x56) {
        const m = u8(2);
        commands.push({ op: 'cut', partial: m === 1 || m === 49 || m === 66 });
        i += m >= 65 ? 4 : 3;
      } else { commands.push({ op: 'unknown', byte: n }); i += 2; }
    } else if (c === 0x1c) {
      const n = u8(1);
      settle();
      if (n === 0x26) { cjk = true; commands.push({ op: 'cjk', on: true }); }
      else if (n === 0x2e) { cjk = false; commands.push({ op: 'cjk', on: false }); }
      else commands.push({ op: 'unknown', byte: n });
      i += 2;
    } else if (c === 0x10 && u8(1) === 0x04) {
      commands.push({ op: 'status', n: u8(2) });
      i += 3;
    } else {
      text.push(c);
      i += 1;
    }
  }
  if (text.length > 0 || chunk.length > 0) flush();
  return { commands, lines, undecodable };
}

/** The index of the first command matching `op`, or -1. */
export function indexOfOp(d: Decoded, op: Command['op']): number {
  return d.commands.findIndex((c) => c.op === op);
}

/** The printed lines with trailing spaces trimmed and blank feed lines left out. */
export function printedText(d: Decoded): string[] {
  return d.lines.map((l) => l.trimEnd()).filter((l) => l.length > 0);
}
