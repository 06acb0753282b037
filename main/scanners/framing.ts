// Pure byte-stream framer shared by serial and keyboard-style HID. Scanners end each code with a suffix the
// installer chose (CR, LF, CRLF or Tab), or with nothing, in which case a silent gap ends the code.
// Nothing here touches a device or the real clock, so it can be fuzzed with any byte stream.
import type { Clock } from '../shared/clock.js';
import { FramingError } from './errors.js';

export type FrameSuffix = 'CR' | 'LF' | 'CRLF' | 'TAB';

export type FramingMode = { kind: 'suffix'; suffix: FrameSuffix } | { kind: 'timeout'; gapMs: number };

/** setTimeout by injection, so the inter-byte-timeout mode is testable with a manual clock. */
export interface FrameTimer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realFrameTimer: FrameTimer = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Frame {
  text: string;
  noisy: boolean;
  firstByteAt: number;
  receivedAt: number;
}

export interface FramerOptions {
  mode: FramingMode;
  /** Raw bytes allowed before the terminator; longer frames are dropped whole and reported. */
  maxLength: number;
  clock: Clock;
  timer?: FrameTimer;
  /** Suffix mode: a partial frame older than this is dropped, so line noise is never glued onto the next scan. */
  staleMs?: number;
  onFrame(frame: Frame): void;
  onError(error: FramingError): void;
}

// CRLF ends on LF; the CR before it is stripped as edge noise. A CR-configured framer likewise strips the
// LF of a scanner that actually sends CRLF, so a suffix mismatch costs nothing.
const TERMINATOR: Record<FrameSuffix, number> = { CR: 0x0d, LF: 0x0a, CRLF: 0x0a, TAB: 0x09 };

const isPrintable = (byte: number): boolean => byte >= 0x21 && byte <= 0x7e;

/** Drops non-printables and spaces; reports whether any sat *inside* the code rather than around it. */
export function cleanFrameBytes(bytes: ArrayLike<number>): { text: string; noisy: boolean } {
  let first = -1;
  let last = -1;
  for (let i = 0; i < bytes.length; i += 1) {
    if (isPrintable(bytes[i] ?? 0)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { text: '', noisy: false };
  let text = '';
  let noisy = false;
  for (let i = first; i <= last; i += 1) {
    const byte = bytes[i] ?? 0;
    if (isPrintable(byte)) text += String.fromCharCode(byte);
    else noisy = true;
  }
  return { text, noisy };
}

export class ByteFramer {
  private buffer: number[] = [];
  private firstByteAt = 0;
  private lastByteAt = 0;
  private discarding = false;
  private timerHandle: unknown;
  private readonly timer: FrameTimer;

  constructor(private readonly options: FramerOptions) {
    this.timer = options.timer ?? realFrameTimer;
  }

  push(chunk: ArrayLike<number>): void {
    const now = this.options.clock.now();
    this.dropIfStale(now);
    const terminator = this.options.mode.kind === 'suffix' ? TERMINATOR[this.options.mode.suffix] : -1;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i] ?? 0;
      if (byte === terminator) this.endFrame(now);
      else this.append(byte, now);
    }
    this.lastByteAt = now;
    if (this.options.mode.kind === 'timeout') this.armGapTimer(this.options.mode.gapMs);
  }

  /** Drops any partial frame, e.g. when the port closes mid-code. */
  reset(): void {
    if (this.timerHandle !== undefined) this.timer.clear(this.timerHandle);
    this.timerHandle = undefined;
    this.buffer = [];
    this.discarding = false;
  }

  private append(byte: number, now: number): void {
    if (this.discarding) return;
    if (this.buffer.length === 0) this.firstByteAt = now;
    this.buffer.push(byte);
    if (this.buffer.length > this.options.maxLength) {
      this.discarding = true;
      this.options.onError(new FramingError(this.buffer.length, this.options.maxLength));
      this.buffer = [];
    }
  }

  private endFrame(now: number): void {
    const bytes = this.buffer;
    const wasDiscarding = this.discarding;
    this.buffer = [];
    this.discarding = false;
    if (wasDiscarding || bytes.length === 0) return;
    const { text, noisy } = cleanFrameBytes(bytes);
    if (text.length === 0) return;
    this.options.onFrame({ text, noisy, firstByteAt: this.firstByteAt, receivedAt: now });
  }

  private dropIfStale(now: number): void {
    const staleMs = this.options.staleMs;
    if (staleMs === undefined || this.options.mode.kind !== 'suffix') return;
    if ((this.buffer.length > 0 || this.discarding) && now - this.lastByteAt > staleMs) {
      this.buffer = [];
      this.discarding = false;
    }
  }

  private armGapTimer(gapMs: number): void {
    if (this.timerHandle !== undefined) this.timer.clear(this.timerHandle);
    this.timerHandle = this.timer.set(() => {
      this.timerHandle = undefined;
      this.endFrame(this.options.clock.now());
    }, gapMs);
  }
}
