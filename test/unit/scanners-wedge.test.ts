// Synthetic key timing traces for the renderer's keyboard-wedge detector.
import { describe, expect, it } from 'vitest';
import { characterForCode, KeyboardWedge, type WedgeKeyEvent, type WedgeScan } from '../../renderer/shared/keyboard-wedge.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What a US-configured scanner's keys produce as `key` on each OS layout. `code` is the same on both.
const FRENCH_DIGIT_KEY: Record<string, string> = { '1': '&', '2': 'é', '3': '"', '4': "'", '5': '(', '6': '-', '7': 'è', '8': '_', '9': 'ç', '0': 'à' };

function codeFor(ch: string): string {
  if (/[0-9]/.test(ch)) return `Digit${ch}`;
  if (ch === '\r') return 'Enter';
  return `Key${ch.toUpperCase()}`;
}

function trace(text: string, gaps: (i: number) => number, options: { layout?: 'us' | 'fr'; editable?: boolean; start?: number } = {}): WedgeKeyEvent[] {
  let t = options.start ?? 1_000;
  return [...text].map((ch, i) => {
    t += i === 0 ? 0 : gaps(i);
    const key = ch === '\r' ? 'Enter' : options.layout === 'fr' ? (FRENCH_DIGIT_KEY[ch] ?? ch) : ch;
    return { code: codeFor(ch), key, timeStamp: t, shiftKey: false, targetIsEditable: options.editable ?? false };
  });
}

function run(events: WedgeKeyEvent[]) {
  const scans: WedgeScan[] = [];
  const wedge = new KeyboardWedge((s) => scans.push(s));
  const consumed = events.map((e) => wedge.handleKeyDown(e).consume);
  return { scans, consumed };
}

describe('keyboard wedge', () => {
  it('detects a scanner burst (2–8 ms per key) and consumes only its Enter', () => {
    const random = mulberry32(7);
    const { scans, consumed } = run(trace('134567890123456789\r', () => 2 + random() * 6));
    expect(scans.map((s) => s.text)).toEqual(['134567890123456789']);
    expect(consumed.filter(Boolean)).toHaveLength(1);
    expect(consumed.at(-1)).toBe(true);
  });

  it('reads the same code on a US and a French (AZERTY) layout, because it decodes `code`, not `key`', () => {
    const us = run(trace('4006381333931\r', () => 4, { layout: 'us' }));
    const fr = run(trace('4006381333931\r', () => 4, { layout: 'fr' }));
    expect(fr.scans.map((s) => s.text)).toEqual(['4006381333931']);
    expect(fr.scans.map((s) => s.text)).toEqual(us.scans.map((s) => s.text));
    // An AZERTY-configured scanner presses Shift for digits; the digit still comes through.
    expect(characterForCode('Digit1', true)).toBe('1');
    expect(characterForCode('KeyQ', false)).toBe('q');
    expect(characterForCode('KeyQ', true)).toBe('Q');
    expect(characterForCode('ArrowLeft', false)).toBeUndefined();
  });

  it('never triggers on fast human typing, 1,000 seeded traces of 60–140 wpm with rollover bursts', () => {
    const random = mulberry32(42);
    let triggered = 0;
    for (let n = 0; n < 1_000; n += 1) {
      const text = `${Array.from({ length: 8 + Math.floor(random() * 16) }, () => String(Math.floor(random() * 10))).join('')}\r`;
      // Mostly 35–200 ms between keys, with one key in four "rolled" 8–30 ms after the previous one.
      const { scans, consumed } = run(trace(text, () => (random() < 0.25 ? 8 + random() * 22 : 35 + random() * 165), { editable: true }));
      triggered += scans.length + consumed.filter(Boolean).length;
    }
    expect(triggered).toBe(0);
  });

  it('never eats what a person types into a field; a scan into a field reports how many chars landed there', () => {
    const typed = run(trace('hello world\r'.replace(' ', ''), () => 90, { editable: true }));
    expect(typed.consumed.every((c) => !c)).toBe(true);
    const scanned = run(trace('96385074\r', () => 3, { editable: true }));
    expect(scanned.consumed.slice(0, -1).every((c) => !c)).toBe(true);
    expect(scanned.scans[0]).toMatchObject({ text: '96385074', charsTypedIntoField: 8 });
  });

  it('honours min length, a slow terminator, a pause mid-code and editing keys', () => {
    expect(run(trace('1234567\r', () => 3)).scans).toEqual([]); // 7 < minLength 8
    const slowEnter = trace('96385074\r', () => 3);
    slowEnter[8]!.timeStamp += 200;
    expect(run(slowEnter).scans).toEqual([]);
    const paused = trace('96385074\r', (i) => (i === 4 ? 300 : 3));
    expect(run(paused).scans).toEqual([]);
    const edited = trace('4006381333931\r', () => 3);
    edited.splice(9, 0, { code: 'Backspace', key: 'Backspace', timeStamp: edited[8]!.timeStamp + 1, shiftKey: false, targetIsEditable: true });
    expect(run(edited).scans).toEqual([]);
  });

  it('ignores modifier keys inside a burst and reports timing', () => {
    const events = trace('96385074\r', () => 4);
    events.splice(3, 0, { code: 'ShiftLeft', key: 'Shift', timeStamp: events[2]!.timeStamp + 1, shiftKey: true, targetIsEditable: false });
    const { scans } = run(events);
    expect(scans).toEqual([{ text: '96385074', firstKeyAt: 1_000, terminatorAt: 1_032, maxGapMs: 4, charsTypedIntoField: 0 }]);
  });
});
