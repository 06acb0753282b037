import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/shared/clock.js';
import { FramingError } from '../../main/scanners/errors.js';
import { ByteFramer, cleanFrameBytes, type Frame, type FrameTimer, type FramingMode } from '../../main/scanners/framing.js';

class ManualTimer implements FrameTimer {
  private pending: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  constructor(private readonly clock: ManualClock) {}
  set(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.push({ at: this.clock.now() + ms, fn, id });
    return id;
  }
  clear(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }
  advance(ms: number): void {
    this.clock.advance(ms);
    const due = this.pending.filter((p) => p.at <= this.clock.now());
    this.pending = this.pending.filter((p) => p.at > this.clock.now());
    for (const p of due) p.fn();
  }
}

function setup(mode: FramingMode, maxLength = 64, staleMs?: number) {
  const clock = new ManualClock();
  const timer = new ManualTimer(clock);
  const frames: Frame[] = [];
  const errors: FramingError[] = [];
  const framer = new ByteFramer({
    mode, maxLength, clock, timer, ...(staleMs ? { staleMs } : {}),
    onFrame: (f) => frames.push(f),
    onError: (e) => errors.push(e),
  });
  const push = (text: string | number[]) => framer.push(typeof text === 'string' ? Buffer.from(text, 'latin1') : text);
  return { clock, timer, frames, errors, push, framer };
}

const texts = (frames: Frame[]) => frames.map((f) => f.text);

describe('ByteFramer, suffix modes', () => {
  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['TAB', '\t'],
  ] as const)('%s: frames split writes and two codes in one write', (suffix, end) => {
    const { frames, push } = setup({ kind: 'suffix', suffix });
    push('1345678901');
    push(`23456789${end}4006381333931${end}96385`);
    expect(texts(frames)).toEqual(['134567890123456789', '4006381333931']);
    push(`074${end}`);
    expect(texts(frames)).toEqual(['134567890123456789', '4006381333931', '96385074']);
    expect(frames.every((f) => !f.noisy)).toBe(true);
  });

  it('tolerates a CRLF scanner on a CR framer (the LF is edge noise of the next frame)', () => {
    const { frames, push } = setup({ kind: 'suffix', suffix: 'CR' });
    push('4006381333931\r\n96385074\r\n');
    expect(texts(frames)).toEqual(['4006381333931', '96385074']);
    expect(frames.some((f) => f.noisy)).toBe(false);
  });

  it('strips noise around a code, but marks noise inside a code', () => {
    const { frames, push } = setup({ kind: 'suffix', suffix: 'CR' });
    push([0x00, 0xff, 0x1b, ...Buffer.from('4006381333931'), 0x07, 0x0d]);
    push([...Buffer.from('1345678'), 0x00, ...Buffer.from('90123456789'), 0x0d]);
    expect(frames.map((f) => [f.text, f.noisy])).toEqual([
      ['4006381333931', false],
      ['134567890123456789', true],
    ]);
  });

  it('drops an oversized frame whole, reports it once, and recovers at the next terminator', () => {
    const { frames, errors, push } = setup({ kind: 'suffix', suffix: 'CR' }, 32);
    push('9'.repeat(20));
    push(`${'9'.repeat(500)}134567890123456789\r`);
    expect(frames).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(FramingError);
    expect(errors[0]?.code).toBe('FRAME_OVERSIZED');
    push('4006381333931\r');
    expect(texts(frames)).toEqual(['4006381333931']);
  });

  it('ignores empty frames and drops a stale partial frame rather than gluing it to the next scan', () => {
    const { frames, push, clock } = setup({ kind: 'suffix', suffix: 'CR' }, 64, 500);
    push('\r\r\r');
    push('13456');
    clock.advance(2_000);
    push('4006381333931\r');
    expect(texts(frames)).toEqual(['4006381333931']);
  });

  it('records first byte and terminator times from the clock', () => {
    const { frames, push, clock } = setup({ kind: 'suffix', suffix: 'CR' });
    push('400638');
    clock.advance(7);
    push('1333931\r');
    const [frame] = frames;
    expect(frame && frame.receivedAt - frame.firstByteAt).toBe(7);
  });
});

describe('ByteFramer, inter-byte timeout mode', () => {
  it('ends a frame when the line goes quiet, not before', () => {
    const { frames, push, timer } = setup({ kind: 'timeout', gapMs: 50 });
    push('4006381');
    timer.advance(30);
    push('333931');
    timer.advance(49);
    expect(frames).toEqual([]);
    timer.advance(1);
    expect(texts(frames)).toEqual(['4006381333931']);
    push('96385074\r\n');
    timer.advance(50);
    expect(texts(frames)).toEqual(['4006381333931', '96385074']);
  });

  it('reset drops a partial frame and its pending timer', () => {
    const { frames, push, timer, framer } = setup({ kind: 'timeout', gapMs: 50 });
    push('4006381');
    framer.reset();
    timer.advance(100);
    expect(frames).toEqual([]);
  });
});

describe('cleanFrameBytes', () => {
  it('treats spaces inside a code as noise and only-noise as empty', () => {
    expect(cleanFrameBytes(Buffer.from(' 1234 5678 '))).toEqual({ text: '12345678', noisy: true });
    expect(cleanFrameBytes([0, 1, 2, 0x20])).toEqual({ text: '', noisy: false });
  });
});
