// `--printer` and settings.json's printer target, and the ESC/POS real-time status bytes (DLE EOT 1/2/4).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describePrinterTarget, parsePrinterTarget } from '../../main/printing/printer-target.js';
import { faultOf, isStatusByte, parseStatus } from '../../main/printing/printer-status.js';
import { PrinterLane } from '../../main/printing/printer.js';

describe('printer targets', () => {
  it('reads tcp, serial and usb, with the defaults a person leaves out', () => {
    expect(parsePrinterTarget('tcp://192.0.2.10:9100')).toEqual({ kind: 'tcp', host: '192.0.2.10', port: 9100 });
    expect(parsePrinterTarget('tcp://printer.local')).toEqual({ kind: 'tcp', host: 'printer.local', port: 9100 });
    expect(parsePrinterTarget('127.0.0.1:9101')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 9101 });
    expect(parsePrinterTarget('tcp://[::1]:9100')).toEqual({ kind: 'tcp', host: '::1', port: 9100 });
    expect(parsePrinterTarget('serial:/dev/ttyUSB0')).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 });
    expect(parsePrinterTarget('serial:/dev/ttyS1@38400')).toEqual({ kind: 'serial', path: '/dev/ttyS1', baudRate: 38400 });
    expect(parsePrinterTarget('usb:/dev/usb/lp0')).toEqual({ kind: 'usb', path: '/dev/usb/lp0' });
  });

  it('refuses what is not a printer, with a message that says the three forms', () => {
    for (const bad of ['', 'lp0', 'http://x:9100', 'tcp://x:0', 'tcp://x:70000', 'serial:/dev/ttyS0@1234', 'serial:ttyS0', 'usb:lp0']) {
      expect(() => parsePrinterTarget(bad), bad).toThrow(/tcp:\/\/HOST:PORT|port|baud/);
    }
  });

  it('describes a target so that it reads back the same', () => {
    const host = fc.constantFrom('127.0.0.1', 'printer.local', '::1');
    fc.assert(fc.property(host, fc.integer({ min: 1, max: 65535 }), (h, port) => {
      const t = { kind: 'tcp' as const, host: h, port };
      expect(parsePrinterTarget(describePrinterTarget(t))).toEqual(t);
    }));
  });
});

describe('DLE EOT status bytes', () => {
  it('a ready printer: online, cover closed, paper in, drawer closed', () => {
    const s = parseStatus(0x12, 0x12, 0x12);
    expect(s).toEqual({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false, drawerOpen: false });
    expect(faultOf(s)).toBeNull();
  });

  it('cover open, paper out, offline, near end and the drawer switch each read from their bit', () => {
    expect(faultOf(parseStatus(0x1a, 0x16, 0x12))).toBe('cover-open');
    expect(faultOf(parseStatus(0x1a, 0x32, 0x72))).toBe('paper-out');
    expect(faultOf(parseStatus(0x1a, 0x12, 0x12))).toBe('offline');
    expect(parseStatus(0x12, 0x12, 0x1e)).toMatchObject({ paperNearEnd: true, paperOut: false });
    expect(faultOf(parseStatus(0x12, 0x12, 0x1e))).toBeNull();
    expect(parseStatus(0x16, 0x12, 0x12).drawerOpen).toBe(true);
  });

  it('only bytes with the fixed bits set (1 and 4) and clear (0 and 7) are status answers', () => {
    expect([0x12, 0x16, 0x1a, 0x32, 0x72].every(isStatusByte)).toBe(true);
    expect([0x00, 0xff, 0x13, 0x92, 0x10, 0x02].some(isStatusByte)).toBe(false);
  });
});

describe('the printer lane', () => {
  it('runs conversations one at a time, in the order asked, and a failure does not stop the next', async () => {
    const lane = new PrinterLane();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const first = lane.run(() => new Promise<void>((resolve) => { log.push('kick start'); release = () => { log.push('kick end'); resolve(); }; }));
    const second = lane.run(async () => { log.push('receipt'); throw new Error('paper out'); });
    const third = lane.run(async () => { log.push('status'); return 7; });
    await Promise.resolve();
    expect(log).toEqual(['kick start']);
    release();
    await first;
    await expect(second).rejects.toThrow('paper out');
    expect(await third).toBe(7);
    expect(log).toEqual(['kick start', 'kick end', 'receipt', 'status']);
  });
});
