// The test decoder itself (test/support/escpos-decoder.ts) against bytes written by hand from the ESC/POS reference,
// so a decoder mistake cannot hide an encoder one; and a raster image from the encoder, decoded to its size.
import ImageData from '@canvas/image-data';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, printedText } from '../support/escpos-decoder.js';

const bytes = (...parts: Array<number[] | string>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('the ESC/POS test decoder', () => {
  it('reads init, code page, alignment, bold, size, text in the code page, barcode, QR, pulse, cut and status', () => {
    const d = decodeEscPos(bytes(
      [0x1b, 0x40], [0x1b, 0x74, 4], [0x1b, 0x61, 1], [0x1b, 0x45, 1], [0x1d, 0x21, 0x01], 'Caf', [0x82], '\n',
      [0x1d, 0x21, 0x00], [0x1b, 0x45, 0], [0x1b, 0x61, 0], 'Total 1,00 $\n',
      [0x1d, 0x6b, 73, 8], '{BRT1-42', [0x1d, 0x28, 0x6b, 9, 0, 0x31, 0x50, 0x30], 'RT1-42',
      [0x1b, 0x70, 0, 50, 250], [0x1d, 0x56, 1], [0x10, 0x04, 2],
    ));
    expect(d.commands.map((c) => c.op)).toEqual(['init', 'codepage', 'align', 'bold', 'size', 'line', 'size', 'bold', 'align', 'line', 'barcode', 'qr', 'pulse', 'cut', 'status']);
    expect(d.commands[5]).toEqual({ op: 'line', text: 'Café', bold: true, align: 'center', height: 2, codepage: 4 });
    expect(d.commands[10]).toEqual({ op: 'barcode', symbology: 73, data: 'RT1-42' });
    expect(d.commands[11]).toEqual({ op: 'qr', data: 'RT1-42' });
    expect(d.commands[12]).toEqual({ op: 'pulse', pin: 2, onMs: 100, offMs: 500 });
    expect(d.commands[13]).toEqual({ op: 'cut', partial: true });
    expect(printedText(d)).toEqual(['Café', 'Total 1,00 $']);
    expect(d.undecodable).toBe(0);
  });

  it('reads CJK mode as GB18030 and counts bytes it has no letter for', () => {
    const d = decodeEscPos(bytes('1 x ', [0x1c, 0x26, 0xc1, 0xfa, 0xbe, 0xae, 0x1c, 0x2e], ' ok\n', [0x1b, 0x74, 2], [0xfe], '\n'));
    expect(d.lines[0]).toBe('1 x 龙井 ok');
    expect(d.undecodable).toBe(1);
  });

  it('reads a raster image (GS v 0) to its size and skips its data', () => {
    const image = new ImageData(new Uint8ClampedArray(16 * 8 * 4).fill(0), 16, 8);
    const encoded = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 48, imageMode: 'raster' }).initialize().image(image, 16, 8, 'threshold').line('after').encode();
    const d = decodeEscPos(encoded);
    expect(d.commands.find((c) => c.op === 'raster')).toEqual({ op: 'raster', widthBytes: 2, height: 8 });
    expect(printedText(d)).toContain('after');
  });
});
