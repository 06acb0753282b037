// Text as GB18030 (GBK's two-byte part), for printers with a Chinese font in their CJK mode. Node can decode
// GB18030 (TextDecoder) but not encode it, so the table is built once by decoding every two-byte sequence.
let table: Map<string, [number, number]> | undefined;

function buildTable(): Map<string, [number, number]> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if ([...ch].length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
      } catch {
        // Not a character in GBK: that byte pair is simply not in the table.
      }
    }
  }
  return map;
}

/** The bytes of `s` in GB18030 (ASCII as itself), or null when a character is outside GBK's two-byte range. */
export function gb18030Bytes(s: string): number[] | null {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const pair = table.get(ch === '\u00a0' || ch === '\u202f' ? ' ' : ch);
    if (!pair) return null;
    out.push(...pair);
  }
  return out;
}
