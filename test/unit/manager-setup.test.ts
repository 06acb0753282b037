// Pure pieces behind the manager's scanner, timer and wedge settings: the request bounds, what waits for a
// restart, the merged recent-scan report, and the wedge detector honouring the shop's settings.
import { describe, expect, it } from 'vitest';
import { pendingRestart } from '../../main/app/handlers/settings-handlers.js';
import { scanReport, statsOf } from '../../main/app/scan-report.js';
import { settingsSchema } from '../../main/config/settings.js';
import type { RecentScanEntry } from '../../main/scanners/recent-scans.js';
import { scannersEdit, timersEdit, wedgeEdit } from '../../preload/manager-schemas.js';
import { KeyboardWedge, defaultWedgeOptions, type WedgeScan } from '../../renderer/shared/keyboard-wedge.js';

const defaults = settingsSchema.parse({});

describe('timer, scanner and wedge bounds', () => {
  it('accepts the built-in defaults as they are', () => {
    expect(timersEdit.safeParse(defaults.timers).success).toBe(true);
    expect(wedgeEdit.safeParse(defaults.scanRules.wedge).success).toBe(true);
  });

  it('refuses values out of range and deadlines not longer than their poll', () => {
    const t = defaults.timers;
    expect(timersEdit.safeParse({ ...t, scanPollMs: 499 }).success).toBe(false);
    expect(timersEdit.safeParse({ ...t, qrExpiryMs: 600_001 }).success).toBe(false);
    expect(timersEdit.safeParse({ ...t, qrBackgroundMs: 0 }).success).toBe(true);
    const slow = timersEdit.safeParse({ ...t, scanPollMs: 6_000, scanDeadlineMs: { ...t.scanDeadlineMs, WX_MICROPAY: 6_000 } });
    expect(slow.success).toBe(false);
    expect(slow.error?.issues[0]?.path).toEqual(['scanDeadlineMs', 'WX_MICROPAY']);
  });

  it('takes one serial port and one HID device, by real port names only', () => {
    const serial = { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, framing: { kind: 'suffix', suffix: 'CR' } };
    const hid = { kind: 'hid', vendorId: 1, productId: 2 };
    expect(scannersEdit.safeParse([serial, hid]).success).toBe(true);
    expect(scannersEdit.safeParse([{ ...serial, path: 'COM3' }]).success).toBe(true);
    expect(scannersEdit.safeParse([serial, serial]).success).toBe(false);
    expect(scannersEdit.safeParse([{ ...serial, path: '/etc/passwd; rm' }]).success).toBe(false);
    expect(scannersEdit.safeParse([{ ...serial, path: 'C:\\secrets.txt' }]).success).toBe(false);
    expect(scannersEdit.safeParse([{ ...serial, baudRate: 14400 }]).success).toBe(false);
  });

  it('every edit the bounds allow is a valid saved setting', () => {
    const edited = {
      ...defaults,
      timers: { ...defaults.timers, qrExpiryMs: 600_000, reconcileEveryMs: 3_600_000 },
      scanRules: { ...defaults.scanRules, wedge: { maxInterKeyGapMs: 200, minLength: 4, terminators: ['Tab'] } },
      scanners: [{ kind: 'serial', path: '/dev/ttyS0', baudRate: 115200, framing: { kind: 'timeout', gapMs: 50 } }],
    };
    expect(settingsSchema.safeParse(edited).success).toBe(true);
  });
});

describe('pendingRestart', () => {
  it('names only what the running app was built with and the saved file changed', () => {
    expect(pendingRestart(defaults, defaults)).toEqual([]);
    const saved = { ...defaults, terminalId: 'T7', timers: { ...defaults.timers, qrPollMs: 1_000 }, locale: 'fr-CA' as const, scanners: [] };
    expect(pendingRestart(defaults, saved)).toEqual(['terminalId', 'timers']);
    expect(pendingRestart(defaults, { ...defaults, gateway: { mode: 'live', mchId: '1', loginName: 'a', v1BaseUrl: 'https://x/', v3BaseUrl: 'https://y/', notifyUrl: 'http://z/' } })).toEqual(['gateway']);
  });
});

describe('scanReport', () => {
  const entry = (at: number, source: RecentScanEntry['source'], scanMs: number, latencyMs = 1): RecentScanEntry => ({
    kind: 'product', detail: 'EAN-13', display: '04006381333931', source, deviceId: source, at, scanMs, latencyMs,
  });

  it('merges both tills newest first, keeps the limit, and computes stats over what is shown', () => {
    const counter = [entry(30, 'serial', 30), entry(10, 'serial', 10)];
    const kiosk = [entry(20, 'wedge', 20, 4)];
    const report = scanReport([counter, kiosk], 2);
    expect(report.scans.map((s) => s.at)).toEqual([30, 20]);
    expect(report.stats).toEqual({ count: 2, bySource: { serial: 1, wedge: 1 }, scanMs: { p50: 20, p99: 30, max: 30 }, latencyMs: { p50: 1, p99: 4, max: 4 } });
    expect(statsOf([])).toEqual({ count: 0, bySource: {}, scanMs: { p50: 0, p99: 0, max: 0 }, latencyMs: { p50: 0, p99: 0, max: 0 } });
  });
});

describe('KeyboardWedge with the shop settings', () => {
  const type = (wedge: KeyboardWedge, text: string, gapMs: number, terminator: string) => {
    let at = 1_000;
    for (const ch of text) {
      wedge.handleKeyDown({ code: `Digit${ch}`, key: ch, timeStamp: at, shiftKey: false, targetIsEditable: false });
      at += gapMs;
    }
    return wedge.handleKeyDown({ code: terminator, key: terminator, timeStamp: at, shiftKey: false, targetIsEditable: false });
  };

  it('uses the configured gap, minimum length and terminators', () => {
    const scans: WedgeScan[] = [];
    const wedge = new KeyboardWedge((s) => scans.push(s), { ...defaultWedgeOptions, maxInterKeyGapMs: 40, minLength: 6, terminators: ['Tab'] });
    expect(type(wedge, '123456', 35, 'Tab').consume).toBe(true);
    expect(type(wedge, '123456', 35, 'Enter').consume).toBe(false);
    expect(type(wedge, '12345', 5, 'Tab').consume).toBe(false);
    expect(scans.map((s) => s.text)).toEqual(['123456']);
    const strict = new KeyboardWedge(() => undefined, defaultWedgeOptions);
    expect(type(strict, '12345678', 35, 'Enter').consume).toBe(false);
  });
});
