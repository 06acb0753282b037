// The manager's scanner, timer and keyboard-wedge settings as they cross the process boundary. Requests carry
// the bounds a manager may choose from (checked at the door, main/app/dispatch.ts); responses are loose, so a
// settings.json a technician edited by hand still shows rather than failing the whole screen.
import { z } from 'zod';
import { BAUD_RATES, SUFFIXES, TIMER_BOUNDS, WEDGE_TERMINATORS } from './manager-limits.js';

const ms = (min: number, max: number) => z.number().int().min(min).max(max);
const u16 = z.number().int().min(0).max(0xffff);

const b = TIMER_BOUNDS;
const deadline = ms(...b.scanDeadlineMs);

export const timersEdit = z
  .object({
    scanPollMs: ms(...b.scanPollMs),
    scanDeadlineMs: z.object({ WX_MICROPAY: deadline, ALIPAY_MICROPAY: deadline, UPI_MICROPAY: deadline }),
    qrPollMs: ms(...b.qrPollMs),
    qrExpiryMs: ms(...b.qrExpiryMs),
    qrBackgroundMs: ms(...b.qrBackgroundMs),
    reconcileEveryMs: ms(...b.reconcileEveryMs),
  })
  .superRefine((t, issue) => {
    for (const [wallet, limit] of Object.entries(t.scanDeadlineMs)) {
      if (t.scanPollMs >= limit) issue.addIssue({ code: 'custom', path: ['scanDeadlineMs', wallet], message: 'must be longer than the scan poll interval' });
    }
    if (t.qrPollMs >= t.qrExpiryMs) issue.addIssue({ code: 'custom', path: ['qrExpiryMs'], message: 'must be longer than the QR poll interval' });
  });

export const timersView = z.object({
  scanPollMs: z.number(),
  scanDeadlineMs: z.object({ WX_MICROPAY: z.number(), ALIPAY_MICROPAY: z.number(), UPI_MICROPAY: z.number() }),
  qrPollMs: z.number(),
  qrExpiryMs: z.number(),
  qrBackgroundMs: z.number(),
  reconcileEveryMs: z.number(),
});


const framing = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('suffix'), suffix: z.enum(SUFFIXES) }),
  z.object({ kind: z.literal('timeout'), gapMs: ms(5, 1000) }),
]);

/**
 * A path with `.` and `..` segments resolved and repeated slashes folded, without touching the file system (this
 * runs in the preload too): `/dev/../etc/passwd` is `/etc/passwd`, and is then refused for not being a port.
 */
export function canonicalDevicePath(path: string): string {
  if (/^COM\d{1,3}$/i.test(path)) return path.toUpperCase();
  if (!path.startsWith('/')) return path;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * Serial ports only, after canonicalising: /dev/tty* (ttyUSB0, ttyACM0, ttyS0), /dev/hidraw*, /dev/usb/lp*, and
 * COMn on Windows or /dev/cu.* on macOS. A pty (/dev/pts/N) is for tests, through settings.json, not this screen.
 */
const SERIAL_PORT = /^(?:\/dev\/(?:tty[A-Za-z0-9._-]{0,60}|hidraw\d{1,3}|usb\/lp\d{1,3}|cu\.[A-Za-z0-9._-]{1,60})|COM\d{1,3})$/;
const serialPath = z.string().min(1).max(128).transform(canonicalDevicePath).pipe(z.string().regex(SERIAL_PORT, 'must be a serial port such as /dev/ttyUSB0 or COM3'));

export const scannerEdit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('serial'),
    path: serialPath,
    baudRate: z.number().int().refine((n) => (BAUD_RATES as readonly number[]).includes(n), 'is not a standard baud rate'),
    framing,
  }),
  z.object({
    kind: z.literal('hid'), vendorId: u16, productId: u16,
    usagePage: u16.optional(), interfaceNumber: z.number().int().min(0).max(255).optional(), mode: z.enum(['pos', 'keyboard']).optional(),
  }),
]);

/** At most one serial port and one HID device: the setup screen offers one of each. */
export const scannersEdit = z.array(scannerEdit).max(2).refine((list) => new Set(list.map((s) => s.kind)).size === list.length, 'may name one serial port and one HID device');

export const scannerView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('serial'), path: z.string(), baudRate: z.number(), framing: z.object({ kind: z.string(), suffix: z.string().optional(), gapMs: z.number().optional() }) }),
  z.object({ kind: z.literal('hid'), vendorId: z.number(), productId: z.number(), usagePage: z.number().optional(), interfaceNumber: z.number().optional(), mode: z.string().optional() }),
]);

/** How the screens' keyboard-wedge detector tells a scanner from a person (renderer/shared/keyboard-wedge.ts). */
export const wedgeEdit = z.object({
  maxInterKeyGapMs: ms(5, 200),
  minLength: z.number().int().min(4).max(64),
  terminators: z.array(z.enum(WEDGE_TERMINATORS)).min(1).max(WEDGE_TERMINATORS.length),
});
export const wedgeView = z.object({ maxInterKeyGapMs: z.number(), minLength: z.number(), terminators: z.array(z.string()) });

/** What a restart would change: saved, but the running app was built with the old value. */
export const restartField = z.enum(['terminalId', 'storeTimeZone', 'gateway', 'timers']);

const timing = z.object({ p50: z.number(), p99: z.number(), max: z.number() });
/** Recent scans hold masked payment codes only (main/scanners/recent-scans.ts). */
export const recentScanView = z.object({
  kind: z.enum(['payment', 'product', 'unknown']), detail: z.string(), display: z.string(),
  source: z.enum(['serial', 'hid-pos', 'hid-keyboard', 'wedge']), deviceId: z.string(), at: z.number(), scanMs: z.number(), latencyMs: z.number(),
});
export const recentScanStats = z.object({ count: z.number().int(), bySource: z.record(z.string(), z.number().int()), scanMs: timing, latencyMs: timing });

export const scannerDiscovery = z.object({
  candidates: z.array(z.object({
    kind: z.enum(['serial', 'hid-pos', 'hid-keyboard']), id: z.string(), label: z.string(), path: z.string().optional(),
    vendorId: z.number().optional(), productId: z.number().optional(), usagePage: z.number().optional(), usage: z.number().optional(),
    interfaceNumber: z.number().optional(), preferred: z.boolean().optional(),
  })),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
});
