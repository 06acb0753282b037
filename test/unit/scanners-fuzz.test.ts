// 10,000 seeded random byte streams through framer → router. Properties: nothing throws, and a payment is
// only ever emitted for a clean, whole frame that is a valid wallet code by the docs/iotpay-api.md §7.1 regexes.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/shared/clock.js';
import { createLogger } from '../../main/shared/logger.js';
import { ByteFramer, type FrameSuffix, type FrameTimer, type FramingMode } from '../../main/scanners/framing.js';
import { ReplayGuard } from '../../main/scanners/replay-guard.js';
import { createScanRouter } from '../../main/scanners/router.js';
import type { PaymentScan } from '../../main/scanners/scan-types.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WALLET_REGEX: Record<PaymentScan['wallet'], RegExp> = {
  WX_MICROPAY: /^1[0-5]\d{16}$/,
  ALIPAY_MICROPAY: /^(2[5-9]|30)\d{14,22}$/,
  UPI_MICROPAY: /^62\d{17}$/,
};
const TERMINATOR: Record<FrameSuffix, number> = { CR: 0x0d, LF: 0x0a, CRLF: 0x0a, TAB: 0x09 };
const SEEDS = ['134567890123456789', '289431869362714645', '6226123456789012345', '4006381333931', '96385074'];

function pieces(random: () => number, terminator: number): number[] {
  const digits = (n: number) => Array.from({ length: n }, () => 0x30 + Math.floor(random() * 10));
  const roll = random();
  if (roll < 0.3) return Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256));
  if (roll < 0.5) {
    const code = [...Buffer.from(SEEDS[Math.floor(random() * SEEDS.length)] ?? '')];
    return random() < 0.5 ? code : [terminator, ...code, terminator];
  }
  if (roll < 0.7) return digits(1 + Math.floor(random() * 30));
  if (roll < 0.85) return [[0x0d, 0x0a, 0x09][Math.floor(random() * 3)] ?? 0x0d];
  // A valid code with one byte corrupted: must never become a payment unless the corruption kept it valid.
  const code = [...Buffer.from(SEEDS[Math.floor(random() * 3)] ?? '')];
  code[Math.floor(random() * code.length)] = Math.floor(random() * 256);
  return code;
}

function cleanSegments(bytes: number[], terminator: number): Set<string> {
  const out = new Set<string>();
  let segment: number[] = [];
  for (const b of [...bytes, terminator]) {
    if (b !== terminator) { segment.push(b); continue; }
    const text = Buffer.from(segment).toString('latin1');
    const trimmed = text.replace(/^[^\x21-\x7e]+|[^\x21-\x7e]+$/g, '');
    if (/^[\x21-\x7e]*$/.test(trimmed)) out.add(trimmed);
    segment = [];
  }
  return out;
}

function runOne(seed: number): { payments: PaymentScan[]; input: number[]; mode: FramingMode } {
  const random = mulberry32(seed);
  const clock = new ManualClock();
  const callbacks: (() => void)[] = [];
  const timer: FrameTimer = { set: (fn) => callbacks.push(fn), clear: () => callbacks.splice(0) };
  const suffixes: FrameSuffix[] = ['CR', 'LF', 'CRLF', 'TAB'];
  const mode: FramingMode = random() < 0.2 ? { kind: 'timeout', gapMs: 20 } : { kind: 'suffix', suffix: suffixes[Math.floor(random() * 4)] ?? 'CR' };
  const payments: PaymentScan[] = [];
  const route = createScanRouter({
    handlers: { onPaymentCode: (s) => payments.push(s), onProduct: () => undefined, onUnknown: () => undefined },
    replayGuard: new ReplayGuard({ clock }),
    clock,
    logger: createLogger('fuzz', () => undefined),
  });
  const framer = new ByteFramer({
    mode, maxLength: 32, clock, timer,
    onFrame: (f) => route({ ...f, source: 'serial', deviceId: 'fuzz' }),
    onError: () => undefined,
  });
  const input: number[] = [];
  const count = 1 + Math.floor(random() * 12);
  for (let i = 0; i < count; i += 1) {
    const chunk = pieces(random, mode.kind === 'suffix' ? TERMINATOR[mode.suffix] : 0x0d);
    input.push(...chunk);
    framer.push(chunk);
    clock.advance(Math.floor(random() * 5));
  }
  callbacks.splice(0).forEach((fn) => fn()); // the line goes quiet: timeout mode flushes
  return { payments, input, mode };
}

describe('scanner fuzz: 10,000 random byte streams into framing and classification', () => {
  it('never crashes and never pays from anything but a clean, whole, valid wallet code', () => {
    let paymentsSeen = 0;
    for (let seed = 1; seed <= 10_000; seed += 1) {
      const { payments, input, mode } = runOne(seed);
      const inputText = Buffer.from(input).toString('latin1');
      const segments = mode.kind === 'suffix' ? cleanSegments(input, TERMINATOR[mode.suffix]) : undefined;
      for (const p of payments) {
        paymentsSeen += 1;
        expect(p.code, `seed ${seed}`).toMatch(WALLET_REGEX[p.wallet]);
        expect(inputText.includes(p.code), `seed ${seed}`).toBe(true);
        if (segments) expect(segments.has(p.code), `seed ${seed}: payment from a partial or noisy frame`).toBe(true);
      }
    }
    // The generator embeds valid codes often enough that the pipeline must also let real ones through.
    expect(paymentsSeen).toBeGreaterThan(500);
  });
});
