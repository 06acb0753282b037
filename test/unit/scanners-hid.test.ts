// HID decoding from recorded report bytes, through a stand-in for node-hid's device (on('data'),
// on('error'), close()), plus unplug/replug and a missing libusb.
import { EventEmitter } from 'node:events';
import type { Device } from 'node-hid';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../main/shared/clock.js';
import { createLogger } from '../../main/shared/logger.js';
import type { DeviceStatus } from '../../main/scanners/device-status.js';
import { explainNativeLoadFailure } from '../../main/scanners/errors.js';
import { HidScannerDriver } from '../../main/scanners/hid-driver.js';
import { chooseHidInterface, HidInterfaceNotFoundError } from '../../main/scanners/hid-interface.js';
import { HidKeyboardDecoder, UNMAPPED_KEY } from '../../main/scanners/hid-keyboard-decoder.js';
import type { HidModuleLike, HidTarget } from '../../main/scanners/hid-module.js';
import { HidPosDecoder } from '../../main/scanners/hid-pos-decoder.js';
import type { RawScan } from '../../main/scanners/scan-types.js';

class StandInHidDevice extends EventEmitter {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

/** A 64-byte HID POS scanned-data report: id 2, length, AIM "]E0", data, continuation flag in the last byte. */
function posReport(data: string, more = false, reportId = 0x02): Buffer {
  const report = Buffer.alloc(64);
  report[0] = reportId;
  report[1] = data.length;
  report.write(']E0', 2, 'latin1');
  report.write(data, 5, 'latin1');
  report[63] = more ? 0x01 : 0x00;
  return report;
}

// Usage IDs: "1"=0x1E … "9"=0x26, "0"=0x27, Enter=0x28.
const USAGE: Record<string, number> = { '0': 0x27, '\r': 0x28, '\t': 0x2b };
for (let d = 1; d <= 9; d += 1) USAGE[String(d)] = 0x1d + d;

/** Key-down then all-up reports, as a keyboard-emulating scanner sends them. */
function keyboardReports(text: string, modifiers = 0): Buffer[] {
  return [...text].flatMap((ch) => [Buffer.from([modifiers, 0, USAGE[ch] ?? 0, 0, 0, 0, 0, 0]), Buffer.alloc(8)]);
}

/**
 * node-hid `devices()` as it lists a combined scanner on Linux (hidraw): the keyboard interface first, as
 * hidapi often enumerates it, then the HID POS interface; plus a keyboard-only scanner and a mouse.
 */
const COMBINED: Device[] = [
  { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw2', manufacturer: 'Honeywell', product: 'Xenon', release: 0x0100, interface: 1, usagePage: 0x01, usage: 0x06 },
  { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw1', manufacturer: 'Honeywell', product: 'Xenon', release: 0x0100, interface: 0, usagePage: 0x8c, usage: 0x02 },
  { vendorId: 0x05f9, productId: 0x2206, path: '/dev/hidraw4', manufacturer: 'Datalogic', product: 'QD2430', release: 0x0100, interface: 0, usagePage: 0x01, usage: 0x06 },
  { vendorId: 0x046d, productId: 0xc077, path: '/dev/hidraw3', product: 'Mouse', release: 0x7200, interface: 0, usagePage: 0x01, usage: 0x02 },
];

function harness(mode: 'pos' | 'keyboard' | undefined, target: HidTarget = { vendorId: 0x0c2e, productId: 0x0b61 }) {
  const devices: StandInHidDevice[] = [];
  const opened: string[] = [];
  let failOpens = 0;
  const hid: HidModuleLike = {
    open: (target) => {
      opened.push(target);
      if (failOpens > 0) {
        failOpens -= 1;
        throw new Error('cannot open device with vendor id 0xc2e and product id 0xb61');
      }
      const device = new StandInHidDevice();
      devices.push(device);
      return device;
    },
    devices: async () => COMBINED,
  };
  const scans: RawScan[] = [];
  const statuses: DeviceStatus[] = [];
  const driver = new HidScannerDriver({
    target,
    mode,
    clock: new ManualClock(),
    logger: createLogger('test', () => undefined),
    backoff: { initialMs: 5, maxMs: 20 },
    loadHid: async () => hid,
    onScan: (s) => scans.push(s),
    onStatus: (s) => statuses.push(s),
  });
  return { driver, devices, scans, statuses, opened, failNextOpens: (n: number) => (failOpens = n) };
}

describe('HID POS decoder (usage page 0x8C)', () => {
  it('decodes a single report and a code continued over two reports', () => {
    const decoder = new HidPosDecoder();
    expect(decoder.push(posReport('134567890123456789'))).toEqual({ kind: 'code', bytes: [...Buffer.from('134567890123456789')], symbology: ']E0' });
    const long = 'A'.repeat(56) + 'B'.repeat(10);
    expect(decoder.push(posReport(long.slice(0, 56), true))).toEqual({ kind: 'partial' });
    expect(decoder.push(posReport(long.slice(56)))).toMatchObject({ kind: 'code', bytes: [...Buffer.from(long)] });
  });

  it('ignores other report ids and drops a report whose length lies', () => {
    const decoder = new HidPosDecoder();
    expect(decoder.push(posReport('4006381333931', false, 0x04))).toEqual({ kind: 'ignored' });
    const lying = posReport('4006381333931');
    lying[1] = 200;
    expect(decoder.push(lying).kind).toBe('malformed');
    expect(decoder.push([])).toEqual({ kind: 'ignored' });
  });
});

describe('HID keyboard decoder (usage IDs, layout-independent)', () => {
  it('decodes digits, a repeated digit with release between, and Enter', () => {
    const decoder = new HidKeyboardDecoder();
    const bytes = keyboardReports('1134\r').flatMap((r) => decoder.push(r));
    expect(Buffer.from(bytes).toString('latin1')).toBe('1134\r');
  });

  it('reads Shift+digit (an AZERTY-configured scanner) as the digit, and letters with Shift as capitals', () => {
    const decoder = new HidKeyboardDecoder();
    const azerty = keyboardReports('9638', 0x02).flatMap((r) => decoder.push(r));
    expect(Buffer.from(azerty).toString('latin1')).toBe('9638');
    expect(decoder.push([0x20, 0, 0x04, 0, 0, 0, 0, 0])).toEqual([0x41]); // right shift + "a"
    expect(decoder.push([0, 0, 0x04, 0x05, 0, 0, 0, 0])).toEqual([0x62]); // "a" held, "b" new
    expect(decoder.push([0, 0, 0x3a, 0, 0, 0, 0, 0])).toEqual([UNMAPPED_KEY]); // F1
    expect(decoder.push([0, 0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01])).toEqual([]); // rollover error
  });
});

describe('HidScannerDriver with a stand-in node-hid device', () => {
  it('HID POS mode: recorded reports become raw scans tagged hid-pos', async () => {
    const h = harness('pos');
    await h.driver.start();
    h.devices[0]?.emit('data', posReport('134567890123456789'));
    h.devices[0]?.emit('data', posReport('40063813', true));
    h.devices[0]?.emit('data', posReport('33931'));
    expect(h.scans.map((s) => [s.text, s.source, s.noisy])).toEqual([
      ['134567890123456789', 'hid-pos', false],
      ['4006381333931', 'hid-pos', false],
    ]);
    expect(h.scans[0]?.deviceId).toBe('hid:0c2e:0b61');
    h.driver.stop();
  });

  it('keyboard mode: key reports are framed on Enter', async () => {
    const h = harness('keyboard');
    await h.driver.start();
    for (const report of keyboardReports('4006381333931\r96385074\r')) h.devices[0]?.emit('data', report);
    expect(h.scans.map((s) => [s.text, s.source])).toEqual([
      ['4006381333931', 'hid-keyboard'],
      ['96385074', 'hid-keyboard'],
    ]);
    h.driver.stop();
  });

  it('unplug: an error becomes a visible status, then the driver reopens with backoff', async () => {
    const h = harness('pos');
    await h.driver.start();
    h.failNextOpens(2);
    h.devices[0]?.emit('error', new Error('could not read from HID device'));
    expect(h.devices[0]?.closed).toBe(true);
    expect(h.statuses.at(-1)).toMatchObject({ state: 'reconnecting', error: { code: 'DEVICE_ERROR' } });
    await vi.waitFor(() => expect(h.devices).toHaveLength(2), { timeout: 2_000 });
    expect(h.statuses.filter((s) => s.state === 'reconnecting').map((s) => s.retryInMs)).toEqual([5, 10, 20]);
    expect(h.statuses.at(-1)?.state).toBe('open');
    h.devices[0]?.emit('data', posReport('96385074')); // the old handle is dead: ignored
    h.devices[1]?.emit('data', posReport('4006381333931'));
    expect(h.scans.map((s) => s.text)).toEqual(['4006381333931']);
    h.driver.stop();
    expect(h.statuses.at(-1)?.state).toBe('stopped');
  });

  it('a missing libusb is a clear "unavailable" status, not a crash', async () => {
    const statuses: DeviceStatus[] = [];
    const driver = new HidScannerDriver({
      target: { path: '/dev/hidraw0' },
      mode: 'pos',
      clock: new ManualClock(),
      logger: createLogger('test', () => undefined),
      loadHid: async () => {
        throw explainNativeLoadFailure(new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory'));
      },
      onScan: () => undefined,
      onStatus: (s) => statuses.push(s),
    });
    await driver.start();
    expect(statuses).toEqual([
      expect.objectContaining({ state: 'unavailable', error: { code: 'HID_LIBRARY_MISSING', message: expect.stringContaining('apt-get install -y libusb-1.0-0') } }),
    ]);
  });
});

describe('HID interface choice on a combined scanner (node-hid devices() shape)', () => {
  const XENON = { vendorId: 0x0c2e, productId: 0x0b61 };

  it('prefers the HID POS interface (0x8C) even when the keyboard interface is listed first', () => {
    expect(chooseHidInterface(COMBINED, XENON)).toEqual({
      iface: { path: '/dev/hidraw1', vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 0x02, interfaceNumber: 0 },
      mode: 'pos',
    });
    // A scanner with only a keyboard interface falls back to it, and decodes it as a keyboard.
    expect(chooseHidInterface(COMBINED, { vendorId: 0x05f9, productId: 0x2206 })).toMatchObject({ iface: { path: '/dev/hidraw4' }, mode: 'keyboard' });
  });

  it('an explicit usage page, interface number, mode or path wins over the default', () => {
    expect(chooseHidInterface(COMBINED, { ...XENON, usagePage: 0x01 })).toMatchObject({ iface: { path: '/dev/hidraw2' }, mode: 'keyboard' });
    expect(chooseHidInterface(COMBINED, { ...XENON, interfaceNumber: 1 })).toMatchObject({ iface: { path: '/dev/hidraw2' }, mode: 'keyboard' });
    expect(chooseHidInterface(COMBINED, XENON, 'keyboard')).toMatchObject({ iface: { path: '/dev/hidraw2' }, mode: 'keyboard' });
    expect(chooseHidInterface(COMBINED, { path: '/dev/hidraw2' })).toMatchObject({ iface: { usagePage: 0x01 }, mode: 'keyboard' });
  });

  it('a missing interface is a typed error naming what the device does have; a mouse is never chosen', () => {
    const missing = (target: HidTarget, mode?: 'pos' | 'keyboard') => {
      try {
        chooseHidInterface(COMBINED, target, mode);
      } catch (error) {
        return error;
      }
      throw new Error(`chose an interface for ${JSON.stringify(target)}`);
    };
    const noPos = missing({ vendorId: 0x05f9, productId: 0x2206, usagePage: 0x8c });
    expect(noPos).toBeInstanceOf(HidInterfaceNotFoundError);
    expect(noPos).toMatchObject({ code: 'HID_INTERFACE_NOT_FOUND', available: [{ path: '/dev/hidraw4' }] });
    expect((noPos as Error).message).toBe('HID device 05f9:2206:8c has no usage page 0x8c; it has: /dev/hidraw4 (usage page 0x01 usage 0x06 interface 0)');
    expect(missing({ vendorId: 0x05f9, productId: 0x2206 }, 'pos')).toMatchObject({ code: 'HID_INTERFACE_NOT_FOUND', message: expect.stringContaining('has no HID POS interface') });
    expect(missing({ ...XENON, interfaceNumber: 7 })).toMatchObject({ code: 'HID_INTERFACE_NOT_FOUND', message: expect.stringContaining('has no interface 7') });
    expect(missing({ vendorId: 0x046d, productId: 0xc077 })).toMatchObject({ code: 'HID_INTERFACE_NOT_FOUND', available: [{ usage: 0x02 }] });
    expect(missing({ vendorId: 0x1234, productId: 0x5678 })).toMatchObject({ code: 'HID_INTERFACE_NOT_FOUND', message: 'no HID device 1234:5678 is connected' });
    expect(missing({ path: '/dev/hidraw9' })).toMatchObject({ code: 'HID_INTERFACE_NOT_FOUND' });
  });

  it('the driver opens the chosen interface by path and decodes as that interface speaks', async () => {
    const byDefault = harness(undefined);
    await byDefault.driver.start();
    expect(byDefault.opened).toEqual(['/dev/hidraw1']);
    byDefault.devices[0]?.emit('data', posReport('4006381333931'));
    expect(byDefault.scans.map((s) => [s.text, s.source])).toEqual([['4006381333931', 'hid-pos']]);
    byDefault.driver.stop();

    const keyboard = harness(undefined, { ...XENON, usagePage: 0x01 });
    await keyboard.driver.start();
    expect(keyboard.opened).toEqual(['/dev/hidraw2']);
    for (const report of keyboardReports('96385074\r')) keyboard.devices[0]?.emit('data', report);
    expect(keyboard.scans.map((s) => [s.text, s.source, s.deviceId])).toEqual([['96385074', 'hid-keyboard', 'hid:0c2e:0b61:1']]);
    keyboard.driver.stop();
  });

  it('the driver reports a missing interface as a status with its code, and opens nothing', async () => {
    const h = harness(undefined, { vendorId: 0x05f9, productId: 0x2206, usagePage: 0x8c });
    await h.driver.start();
    expect(h.opened).toEqual([]);
    expect(h.statuses.at(-1)).toMatchObject({ state: 'reconnecting', error: { code: 'HID_INTERFACE_NOT_FOUND', message: expect.stringContaining('has no usage page 0x8c') } });
    h.driver.stop();
  });
});
