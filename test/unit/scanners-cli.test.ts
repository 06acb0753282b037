import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../main/shared/clock.js';
import { parseWatchArgs } from '../../main/scanners/cli-args.js';
import { runScannersCommand } from '../../main/scanners/cli.js';
import { discoverScanners } from '../../main/scanners/discovery.js';
import { explainNativeLoadFailure } from '../../main/scanners/errors.js';
import type { HidDeviceInfo, HidModuleLike } from '../../main/scanners/hid-module.js';

const HID_DEVICES: HidDeviceInfo[] = [
  { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw1', manufacturer: 'Honeywell', product: 'Xenon', usagePage: 0x8c, usage: 0x02, interface: 0 },
  { vendorId: 0x0c2e, productId: 0x0b61, path: '/dev/hidraw2', manufacturer: 'Honeywell', product: 'Xenon', usagePage: 0x01, usage: 0x06, interface: 1 },
  { vendorId: 0x046d, productId: 0xc077, path: '/dev/hidraw3', product: 'Mouse', usagePage: 0x01, usage: 0x02 },
];

const libusbMissing = async (): Promise<HidModuleLike> => {
  throw explainNativeLoadFailure(new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory'));
};

describe('discovery', () => {
  it('lists serial ports and each HID POS and keyboard interface (path, usage page, usage, interface), not mice', async () => {
    const result = await discoverScanners({
      listSerial: async () => [{ path: '/dev/ttyUSB0', manufacturer: 'Datalogic', vendorId: '05f9', productId: '4204' }],
      loadHid: async () => ({ open: () => { throw new Error('unused'); }, devices: async () => HID_DEVICES }),
    });
    expect(result.problems).toEqual([]);
    expect(result.candidates.map((c) => [c.kind, c.id])).toEqual([
      ['serial', 'serial:/dev/ttyUSB0'],
      ['hid-pos', 'hid:0c2e:0b61:8c'],
      ['hid-keyboard', 'hid:0c2e:0b61:1'],
    ]);
    expect(result.candidates[1]).toMatchObject({ path: '/dev/hidraw1', usagePage: 0x8c, usage: 0x02, interfaceNumber: 0, preferred: true });
    expect(result.candidates[2]).toMatchObject({ path: '/dev/hidraw2', usagePage: 0x01, usage: 0x06, interfaceNumber: 1, preferred: false });
    expect(result.candidates[1]?.label).toBe('0c2e:0b61:8c Honeywell Xenon /dev/hidraw1 (usage page 0x8c usage 0x02 interface 0) default');
  });

  it('reports a missing udev and a missing libusb as clear problems', async () => {
    const result = await discoverScanners({
      listSerial: async () => { throw new Error('spawn udevadm ENOENT'); },
      loadHid: libusbMissing,
    });
    expect(result.candidates).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(['UDEV_MISSING', 'HID_LIBRARY_MISSING']);
    expect(result.problems[0]?.message).toContain('apt-get install -y udev');
  });
});

describe('scanners CLI', () => {
  it('parses watch arguments and rejects bad ones', () => {
    expect(parseWatchArgs(['--serial', '/dev/ttyA', '--baud', '115200', '--suffix', 'crlf'])).toEqual({
      device: { kind: 'serial', path: '/dev/ttyA', baudRate: 115200, framing: { kind: 'suffix', suffix: 'CRLF' } },
    });
    expect(parseWatchArgs(['--serial', '/dev/ttyA', '--gap', '40', '--count', '2'])).toMatchObject({ count: 2, device: { baudRate: 9600, framing: { kind: 'timeout', gapMs: 40 } } });
    expect(parseWatchArgs(['--hid', '0c2e:0B61'])).toEqual({ device: { kind: 'hid', target: { vendorId: 0x0c2e, productId: 0x0b61 } } });
    expect(parseWatchArgs(['--hid', '0c2e:0b61:8c', '--mode', 'pos'])).toEqual({ device: { kind: 'hid', target: { vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c }, mode: 'pos' } });
    expect(parseWatchArgs(['--hid', '0c2e:0b61', '--interface', '1'])).toEqual({ device: { kind: 'hid', target: { vendorId: 0x0c2e, productId: 0x0b61, interfaceNumber: 1 } } });
    expect(parseWatchArgs(['--hid-path', '/dev/hidraw2', '--count', '1'])).toEqual({ count: 1, device: { kind: 'hid', target: { path: '/dev/hidraw2' } } });
    for (const bad of [[], ['--serial', 'a', '--hid', '1:2'], ['--hid', 'xyz'], ['--hid', '1:2:3:4'], ['--hid', '1:2', '--hid-path', '/dev/hidraw1'], ['--hid-path', '/dev/hidraw1', '--interface', '0'],
      ['--hid', '1:2', '--interface', 'x'], ['--hid', '1:2', '--mode', 'mouse'], ['--serial', 'a', '--baud', '-1'], ['--serial', 'a', '--suffix', 'NUL'], ['--serial'], ['--bogus', '1']]) {
      expect(() => parseWatchArgs(bad), JSON.stringify(bad)).toThrow(/usage: scanners watch/);
    }
  });

  it('prints usage with exit code 2', async () => {
    const out: string[] = [];
    expect(await runScannersCommand(['watch', '--hid', 'nope'], (l) => out.push(l))).toBe(2);
    expect(await runScannersCommand(['frobnicate'], (l) => out.push(l))).toBe(2);
    expect(out.join('\n')).toContain('usage: scanners list');
  });

  it('list prints candidates and problems', async () => {
    const out: string[] = [];
    const code = await runScannersCommand(['list'], (l) => out.push(l), { listSerial: async () => [{ path: '/dev/ttyS0' }], loadHid: libusbMissing });
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^serial\s+\/dev\/ttyS0$/);
    expect(out[1]).toMatch(/^problem HID_LIBRARY_MISSING: .*libusb-1\.0-0/);
  });

  it('watch --hid prints one masked line per scan and a summary', async () => {
    const device = Object.assign(new EventEmitter(), { close: () => undefined });
    const report = (text: string) => {
      const r = Buffer.alloc(64);
      r[0] = 2; r[1] = text.length; r.write(text, 5, 'latin1');
      return r;
    };
    const out: string[] = [];
    const done = runScannersCommand(['watch', '--hid', '0c2e:0b61', '--count', '3'], (l) => out.push(l), {
      clock: new ManualClock(),
      loadHid: async () => ({ open: () => device, devices: async () => HID_DEVICES }),
    });
    await vi.waitFor(() => expect(out).toContain('status open'));
    for (const code of ['134567890123456789', '4006381333931', '134567890123456789']) device.emit('data', report(code));
    expect(await done).toBe(0);
    const text = out.join('\n');
    expect(text).not.toContain('134567890123456789');
    expect(out.filter((l) => l.startsWith('hid:'))).toEqual([
      'hid:0c2e:0b61 payment WX_MICROPAY **************6789 scan=0.0ms latency=0.000ms',
      'hid:0c2e:0b61 product EAN-13 04006381333931 scan=0.0ms latency=0.000ms',
      'hid:0c2e:0b61 unknown replayed-payment-code **************6789 scan=0.0ms latency=0.000ms',
    ]);
    expect(out.at(-1)).toMatch(/^summary scans=3 /);
  });

  it('watch exits 1 with the fix when node-hid cannot load', async () => {
    const out: string[] = [];
    expect(await runScannersCommand(['watch', '--hid', '0c2e:0b61'], (l) => out.push(l), { loadHid: libusbMissing })).toBe(1);
    expect(out[0]).toMatch(/^status unavailable HID_LIBRARY_MISSING: .*apt-get install -y libusb-1.0-0/);
  });
});
