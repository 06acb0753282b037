import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/shared/clock.js';
import { createLogger, type LogSink } from '../../main/shared/logger.js';
import { RecentScans } from '../../main/scanners/recent-scans.js';
import { ReplayGuard } from '../../main/scanners/replay-guard.js';
import { createScanRouter } from '../../main/scanners/router.js';
import type { PaymentScan, ProductScan, RawScan, UnknownScan } from '../../main/scanners/scan-types.js';

const WX = '134567890123456789';

function raw(text: string, extra: Partial<RawScan> = {}): RawScan {
  return { text, source: 'serial', deviceId: 'serial:/dev/ttyA', firstByteAt: 1_000, receivedAt: 1_020, noisy: false, ...extra };
}

function setup() {
  const clock = new ManualClock(1_020);
  const lines: string[] = [];
  const sink: LogSink = (level, prefix, message, fields) => lines.push(`${level} ${prefix} ${message} ${JSON.stringify(fields)}`);
  const got = { payment: [] as PaymentScan[], product: [] as ProductScan[], unknown: [] as UnknownScan[] };
  const recent = new RecentScans(3);
  const route = createScanRouter({
    handlers: { onPaymentCode: (s) => got.payment.push(s), onProduct: (s) => got.product.push(s), onUnknown: (s) => got.unknown.push(s) },
    replayGuard: new ReplayGuard({ clock, windowMs: 60_000, maxEntries: 100 }),
    clock,
    logger: createLogger('scanners', sink),
    recent,
  });
  return { clock, lines, got, recent, route };
}

describe('scan router', () => {
  it('sends payment codes only to onPaymentCode and products only to onProduct', () => {
    const { got, route } = setup();
    route(raw(WX));
    route(raw('4006381333931'));
    route(raw('hello'));
    expect(got.payment).toEqual([expect.objectContaining({ kind: 'payment', wallet: 'WX_MICROPAY', code: WX, source: 'serial', receivedAt: 1_020, classifiedAt: 1_020 })]);
    expect(got.product).toEqual([expect.objectContaining({ kind: 'product', gtin: '04006381333931', format: 'EAN-13' })]);
    expect(got.unknown).toEqual([expect.objectContaining({ kind: 'unknown', reason: 'no-rule-matched', masked: '*ello' })]);
  });

  it('refuses a replayed payment code, lets it through after the window, and never sends it to products', () => {
    const { got, route, clock } = setup();
    route(raw(WX));
    route(raw(WX));
    expect(got.payment).toHaveLength(1);
    expect(got.unknown).toEqual([expect.objectContaining({ reason: 'replayed-payment-code', masked: `**************6789` })]);
    expect(got.product).toHaveLength(0);
    route(raw('4006381333931'));
    route(raw('4006381333931')); // two of the same item is normal shopping
    expect(got.product).toHaveLength(2);
    clock.advance(60_001);
    route(raw(WX));
    expect(got.payment).toHaveLength(2);
  });

  it('never trusts a noisy frame, even if its printable characters form a valid code', () => {
    const { got, route } = setup();
    route(raw(WX, { noisy: true }));
    expect(got.payment).toHaveLength(0);
    expect(got.unknown[0]?.reason).toBe('noisy-frame');
  });

  it('logs only masked payment codes', () => {
    const { lines, route } = setup();
    route(raw(WX));
    route(raw(WX));
    route(raw('289431869362714645', { noisy: true }));
    const all = lines.join('\n');
    expect(all).toContain('6789');
    expect(all).not.toContain(WX);
    expect(all).not.toContain('289431869362714645');
    expect(all).not.toContain('13456789');
  });

  it('keeps going when a handler throws', () => {
    const clock = new ManualClock();
    const seen: string[] = [];
    const route = createScanRouter({
      handlers: { onPaymentCode: () => { throw new Error('engine down'); }, onProduct: (s) => seen.push(s.gtin), onUnknown: () => undefined },
      replayGuard: new ReplayGuard({ clock }),
      clock,
      logger: createLogger('t', () => undefined),
    });
    expect(() => route(raw(WX))).not.toThrow();
    route(raw('96385074'));
    expect(seen).toEqual(['00000096385074']);
  });
});

describe('recent scans', () => {
  it('keeps the newest entries with masked codes, source and timing stats', () => {
    const { recent, route, clock } = setup();
    route(raw('4006381333931'));
    clock.advance(2);
    route(raw(WX, { source: 'hid-pos', receivedAt: 1_020, firstByteAt: 1_010 }));
    route(raw('96385074'));
    route(raw('036000291452'));
    const list = recent.list();
    expect(list).toHaveLength(3);
    expect(list.map((e) => e.display)).toEqual(['00036000291452', '00000096385074', '**************6789']);
    expect(JSON.stringify(list)).not.toContain(WX);
    const stats = recent.stats();
    expect(stats.count).toBe(3);
    expect(stats.bySource).toEqual({ serial: 2, 'hid-pos': 1 });
    expect(stats.scanMs).toEqual({ p50: 20, p99: 20, max: 20 });
    expect(stats.latencyMs.max).toBe(2);
  });
});

describe('replay guard', () => {
  it('stays bounded and forgets the oldest codes first', () => {
    const clock = new ManualClock();
    const guard = new ReplayGuard({ clock, maxEntries: 3 });
    for (const code of ['a', 'b', 'c', 'd']) expect(guard.check(code)).toBe('fresh');
    expect(guard.size).toBe(3);
    expect(guard.check('d')).toBe('replay');
    expect(guard.check('a')).toBe('fresh');
  });
});
