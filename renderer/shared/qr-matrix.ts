// A payment QR as one SVG path: crisp at any size (no canvas scaling blur), error correction M as wallets
// expect, and a 4-module quiet zone (ISO/IEC 18004 §6.3.8) so phone cameras find it on a busy screen.
import { create } from 'qrcode';

export const QUIET_ZONE = 4;

export interface QrPath {
  /** Modules across, quiet zone included: the SVG viewBox side. */
  side: number;
  /** Dark modules, merged into horizontal runs. */
  path: string;
}

export function qrPath(text: string): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { side: size + QUIET_ZONE * 2, path: parts.join('') };
}
