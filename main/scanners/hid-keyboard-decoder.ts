// Decodes boot-protocol keyboard reports from a scanner in keyboard-emulation mode, by HID usage ID
// (HID Usage Tables, Keyboard/Keypad page 0x07). Reading usage IDs, not OS key events, makes the result
// independent of the keyboard layout the till's OS is set to: usage 0x1E is the "1" key on US and AZERTY.
// Output is ASCII bytes for the shared framer; Enter becomes CR and Tab becomes TAB.

const SHIFT_BITS = 0x02 | 0x20; // left and right shift in the modifier byte
const ROLLOVER_ERROR = 0x01;
/** Stands in for a key we cannot map, so the framer marks the frame noisy instead of silently dropping it. */
export const UNMAPPED_KEY = 0x1a;

// [unshifted, shifted] for the punctuation usages 0x2C–0x38 on a US-configured scanner.
const PUNCTUATION: Record<number, [string, string]> = {
  0x2c: [' ', ' '], 0x2d: ['-', '_'], 0x2e: ['=', '+'], 0x2f: ['[', '{'], 0x30: [']', '}'], 0x31: ['\\', '|'],
  0x33: [';', ':'], 0x34: ["'", '"'], 0x35: ['`', '~'], 0x36: [',', '<'], 0x37: ['.', '>'], 0x38: ['/', '?'],
};
const KEYPAD: Record<number, string> = { 0x54: '/', 0x55: '*', 0x56: '-', 0x57: '+', 0x62: '0', 0x63: '.' };

export interface KeyboardReportLayout {
  /** Set when the device numbers its reports; that byte is skipped. */
  reportId?: number;
  /**
   * Scanners set to an AZERTY layout press Shift for digits. Digit keys are decoded as digits either way,
   * so a layout mismatch between scanner and till cannot turn "1" into "!" or "&".
   */
  digitsIgnoreShift: boolean;
}

export const defaultKeyboardLayout: KeyboardReportLayout = { digitsIgnoreShift: true };

export function usageToByte(usage: number, shifted: boolean, layout = defaultKeyboardLayout): number {
  if (usage >= 0x04 && usage <= 0x1d) return (shifted ? 0x41 : 0x61) + usage - 0x04;
  if (usage >= 0x1e && usage <= 0x27) {
    if (shifted && !layout.digitsIgnoreShift) return UNMAPPED_KEY;
    return usage === 0x27 ? 0x30 : 0x31 + usage - 0x1e;
  }
  if (usage >= 0x59 && usage <= 0x61) return 0x31 + usage - 0x59;
  if (usage === 0x28 || usage === 0x58) return 0x0d;
  if (usage === 0x2b) return 0x09;
  const punctuation = PUNCTUATION[usage];
  if (punctuation) return punctuation[shifted ? 1 : 0].charCodeAt(0);
  const keypad = KEYPAD[usage];
  return keypad ? keypad.charCodeAt(0) : UNMAPPED_KEY;
}

export class HidKeyboardDecoder {
  private held = new Set<number>();

  constructor(private readonly layout: KeyboardReportLayout = defaultKeyboardLayout) {}

  /** Bytes for the keys newly pressed in this report; a key held across reports counts once. */
  push(report: ArrayLike<number>): number[] {
    const offset = this.layout.reportId !== undefined && report[0] === this.layout.reportId ? 1 : 0;
    if (report.length < offset + 3) return [];
    const shifted = ((report[offset] ?? 0) & SHIFT_BITS) !== 0;
    const now = new Set<number>();
    const out: number[] = [];
    for (let i = offset + 2; i < Math.min(report.length, offset + 8); i += 1) {
      const usage = report[i] ?? 0;
      if (usage === 0) continue;
      // Phantom state: the device lost track of keys; keep the previous state rather than guess.
      if (usage === ROLLOVER_ERROR) return [];
      now.add(usage);
      if (!this.held.has(usage)) out.push(usageToByte(usage, shifted, this.layout));
    }
    this.held = now;
    return out;
  }

  reset(): void {
    this.held.clear();
  }
}
