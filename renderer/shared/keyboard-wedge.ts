// Detects a keyboard-wedge scanner among ordinary typing. A scanner "types" a whole code with a few ms
// between keys and ends with Enter or Tab; a person, however fast, leaves tens of ms between most keys.
// Characters come from KeyboardEvent.code (the physical key = the HID usage the scanner sent), not from
// `key`, so an AZERTY till still reads "1" where the scanner pressed the "1" key (where `key` would be "&").
// It never calls preventDefault on a character: what a person types always reaches the field. Only the
// terminator of a burst that qualifies as a scan is consumed, so Enter does not also submit a form.
// Pure TypeScript: the React layer adapts DOM events to WedgeKeyEvent.

export interface WedgeKeyEvent {
  /** KeyboardEvent.code, e.g. "Digit1", "KeyA", "Enter". */
  code: string;
  /** KeyboardEvent.key; kept for diagnostics only, never used to decode. */
  key: string;
  /** KeyboardEvent.timeStamp in ms. */
  timeStamp: number;
  shiftKey: boolean;
  repeat?: boolean;
  /** The event's target is an input, textarea or contenteditable. */
  targetIsEditable: boolean;
}

export interface WedgeOptions {
  /** Largest gap between keys of one scan. Scanners send 1–10 ms; people rarely go under 30 ms twice running. */
  maxInterKeyGapMs: number;
  /** Shortest code accepted; 8 = EAN-8, the shortest product code. */
  minLength: number;
  maxLength: number;
  /** KeyboardEvent.code values that end a scan. */
  terminators: string[];
}

export const defaultWedgeOptions: WedgeOptions = {
  maxInterKeyGapMs: 25,
  minLength: 8,
  maxLength: 128,
  terminators: ['Enter', 'NumpadEnter', 'Tab'],
};

export interface WedgeScan {
  text: string;
  firstKeyAt: number;
  terminatorAt: number;
  maxGapMs: number;
  /** How many of the code's characters went into an editable field; the UI removes them from it. */
  charsTypedIntoField: number;
}

export interface WedgeDecision {
  /** True only for the terminator of a detected scan: the caller calls preventDefault(). */
  consume: boolean;
}

const MODIFIERS = new Set(['ShiftLeft', 'ShiftRight', 'ControlLeft', 'ControlRight', 'AltLeft', 'AltRight', 'MetaLeft', 'MetaRight', 'CapsLock']);
const PUNCTUATION: Record<string, string> = { Minus: '-', Period: '.', Slash: '/', Equal: '=', Comma: ',', Semicolon: ';', NumpadDecimal: '.', NumpadSubtract: '-', NumpadAdd: '+', NumpadMultiply: '*', NumpadDivide: '/' };

/** The character a US-configured scanner meant, from the physical key; undefined for non-character keys. */
export function characterForCode(code: string, shiftKey: boolean): string | undefined {
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  // Digits ignore Shift: an AZERTY-configured scanner presses Shift+"1" to type 1.
  if (digit?.[1]) return digit[1];
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter?.[1]) return shiftKey ? letter[1] : letter[1].toLowerCase();
  return PUNCTUATION[code];
}

export class KeyboardWedge {
  private buffer = '';
  private firstAt = 0;
  private lastAt = 0;
  private maxGap = 0;
  private intoField = 0;

  constructor(
    private readonly onScan: (scan: WedgeScan) => void,
    private readonly options: WedgeOptions = defaultWedgeOptions,
  ) {}

  handleKeyDown(event: WedgeKeyEvent): WedgeDecision {
    if (MODIFIERS.has(event.code)) return { consume: false };
    if (this.options.terminators.includes(event.code)) return { consume: this.finish(event.timeStamp) };
    const ch = event.repeat ? undefined : characterForCode(event.code, event.shiftKey);
    // Arrows, Backspace, a held key…: a person is editing, so whatever was gathered is not a scan.
    if (ch === undefined) {
      this.reset();
      return { consume: false };
    }
    this.append(ch, event);
    return { consume: false };
  }

  /** A burst is under way; search-as-you-type can wait for it rather than search a half-scanned code. */
  isBurstInProgress(now: number): boolean {
    return this.buffer.length > 0 && now - this.lastAt <= this.options.maxInterKeyGapMs;
  }

  reset(): void {
    this.buffer = '';
    this.maxGap = 0;
    this.intoField = 0;
  }

  private append(ch: string, event: WedgeKeyEvent): void {
    const gap = event.timeStamp - this.lastAt;
    if (this.buffer.length > 0 && gap > this.options.maxInterKeyGapMs) this.reset();
    if (this.buffer.length === 0) this.firstAt = event.timeStamp;
    else this.maxGap = Math.max(this.maxGap, gap);
    this.buffer += ch;
    if (event.targetIsEditable) this.intoField += 1;
    this.lastAt = event.timeStamp;
    if (this.buffer.length > this.options.maxLength) this.reset();
  }

  private finish(at: number): boolean {
    const qualifies =
      this.buffer.length >= this.options.minLength && at - this.lastAt <= this.options.maxInterKeyGapMs;
    const scan: WedgeScan = { text: this.buffer, firstKeyAt: this.firstAt, terminatorAt: at, maxGapMs: this.maxGap, charsTypedIntoField: this.intoField };
    this.reset();
    if (qualifies) this.onScan(scan);
    return qualifies;
  }
}
