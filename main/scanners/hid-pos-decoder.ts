// Decodes "HID POS" scanner reports (USB HID Point of Sale Usage Tables v1.02, usage page 0x8C, Scanned
// Data Report). Unlike keyboard emulation the code arrives as bytes, so no keyboard layout is involved.
// Default layout (Honeywell/Zebra "HID POS"): [reportId 0x02][length][3-byte AIM symbology][data…]…[flags],
// with bit 0 of the last byte set when the code continues in the next report.

export interface HidPosLayout {
  reportId: number;
  lengthIndex: number;
  symbologyIndex: number;
  dataIndex: number;
  /** Index of the flags byte; negative counts from the end of the report. */
  continuationIndex: number;
  continuationMask: number;
}

export const defaultHidPosLayout: HidPosLayout = {
  reportId: 0x02,
  lengthIndex: 1,
  symbologyIndex: 2,
  dataIndex: 5,
  continuationIndex: -1,
  continuationMask: 0x01,
};

export type HidPosResult =
  | { kind: 'code'; bytes: number[]; symbology: string }
  | { kind: 'partial' }
  | { kind: 'ignored' }
  | { kind: 'malformed'; reason: string };

export class HidPosDecoder {
  private pending: number[] = [];

  constructor(
    private readonly maxLength = 512,
    private readonly layout: HidPosLayout = defaultHidPosLayout,
  ) {}

  push(report: ArrayLike<number>): HidPosResult {
    const l = this.layout;
    // Other report ids (status, settings) share the interface; they carry no scanned data.
    if (report.length === 0 || report[0] !== l.reportId) return { kind: 'ignored' };
    const flagsAt = l.continuationIndex < 0 ? report.length + l.continuationIndex : l.continuationIndex;
    const length = report[l.lengthIndex] ?? 0;
    const capacity = Math.max(0, Math.min(report.length, flagsAt) - l.dataIndex);
    if (report.length <= l.dataIndex || length > capacity) return this.malformed(`length ${length} exceeds ${capacity}`);
    for (let i = 0; i < length; i += 1) this.pending.push(report[l.dataIndex + i] ?? 0);
    if (this.pending.length > this.maxLength) return this.malformed(`code longer than ${this.maxLength} bytes`);
    if (((report[flagsAt] ?? 0) & l.continuationMask) !== 0) return { kind: 'partial' };
    const bytes = this.pending;
    this.pending = [];
    return { kind: 'code', bytes, symbology: symbologyOf(report, l.symbologyIndex) };
  }

  reset(): void {
    this.pending = [];
  }

  private malformed(reason: string): HidPosResult {
    // Drop the whole message: a half-kept code could be a different, valid code.
    this.pending = [];
    return { kind: 'malformed', reason };
  }
}

function symbologyOf(report: ArrayLike<number>, at: number): string {
  let out = '';
  for (let i = at; i < at + 3; i += 1) {
    const byte = report[i] ?? 0;
    if (byte >= 0x21 && byte <= 0x7e) out += String.fromCharCode(byte);
  }
  return out;
}
