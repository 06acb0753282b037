// Hostile input from a till or a manager screen is refused at the door or before anything is written. Before this, a
// line pushing a sale past the largest total was committed and then answered INTERNAL (and every sale:current after
// it failed); a scan with firstByteAt -1e308 broke scanners:status; the serial path could be /dev/../etc/passwd.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CENTS } from '../../preload/money-limits.js';
import { canonicalDevicePath, scannersEdit } from '../../preload/manager-schemas.js';
import { requests } from '../../preload/contract-schemas.js';
import { composedAppPerTest } from '../support/composed-app.js';

const app = composedAppPerTest('app-hostile-');

const eventCount = (dataDir: string) => {
  const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('contract limits before anything is written', () => {
  it('a line that would push the sale past the largest total is refused with a typed code; nothing is committed', async () => {
    await app.start();
    // The largest line whose total with 13% HST (the default province, ON; docs/register.md) is exactly MAX_CENTS.
    expect((await app.call('cashier', 'sale:addCustom', { name: 'Gold', amountCents: Math.floor((MAX_CENTS * 100) / 113) })).ok).toBe(true);
    const before = eventCount(app.dataDir);
    const refused = await app.call('cashier', 'sale:addCustom', { name: 'More gold', amountCents: 1 });
    expect(refused.error).toMatchObject({ code: 'SALE_TOTAL_TOO_LARGE' });
    expect(eventCount(app.dataDir)).toBe(before);
    const sale = await app.call('cashier', 'sale:current');
    expect(sale.ok).toBe(true);
    expect(sale.value).toMatchObject({ totalCents: MAX_CENTS, lines: [expect.objectContaining({ name: 'Gold' })] });
    // A quantity change that would overflow it is refused the same way, and the sale still answers.
    expect((await app.call('cashier', 'sale:setQuantity', { lineNo: 1, quantity: 2 })).error).toMatchObject({ code: 'SALE_TOTAL_TOO_LARGE' });
    expect((await app.call('cashier', 'sale:current')).value).toMatchObject({ totalCents: MAX_CENTS });
  });

  it('a hostile scan timing is refused at the door, and scanners:status keeps answering', async () => {
    await app.start();
    const session = ((await app.call('manager', 'manager:unlock', { pin: '1234' })).value as { session: string }).session;
    const now = Date.now();
    for (const bad of [
      { firstByteAt: -1e308, receivedAt: now },
      { firstByteAt: now, receivedAt: 1e308 },
      { firstByteAt: now, receivedAt: now - 1 },
      { firstByteAt: now - 120_000, receivedAt: now },
      { firstByteAt: Number.NaN, receivedAt: now },
      { firstByteAt: now, receivedAt: Number.POSITIVE_INFINITY },
    ]) {
      expect((await app.call('cashier', 'scan:submit', { text: '4006381333931', ...bad })).error?.code, JSON.stringify(bad)).toBe('INVALID_REQUEST');
    }
    expect((await app.call('cashier', 'scan:submit', { text: '4006381333931', firstByteAt: now - 40, receivedAt: now })).ok).toBe(true);
    const status = await app.call('manager', 'scanners:status', { session });
    expect(status.ok).toBe(true);
    expect(status.value).toMatchObject({ stats: { count: 1 } });
  });

  it('a serial path is canonicalised and must be a serial port', async () => {
    await app.start();
    const session = ((await app.call('manager', 'manager:unlock', { pin: '1234' })).value as { session: string }).session;
    const serial = (path: string) => [{ kind: 'serial', path, baudRate: 9600, framing: { kind: 'suffix', suffix: 'CR' } }];
    for (const path of ['/dev/../etc/passwd', '/dev/tty/../../etc/shadow', '/dev/sda', '/dev/pts/3', '/etc/ttyS0', 'ttyUSB0', 'COM', '/dev/hidrawX', '/dev/usb/../mem']) {
      expect((await app.call('manager', 'settings:update', { session, scanners: serial(path) })).error?.code, path).toBe('INVALID_REQUEST');
    }
    const saved = await app.call('manager', 'settings:update', { session, scanners: serial('/dev/./ttyUSB9') });
    expect(saved.value).toMatchObject({ scanners: [expect.objectContaining({ path: '/dev/ttyUSB9' })] });
  });
});

describe('the schemas themselves', () => {
  it('canonicalDevicePath resolves dot segments and repeated slashes without the file system', () => {
    expect(canonicalDevicePath('/dev/../etc/passwd')).toBe('/etc/passwd');
    expect(canonicalDevicePath('/dev//./ttyACM0')).toBe('/dev/ttyACM0');
    expect(canonicalDevicePath('/../../dev/ttyS0')).toBe('/dev/ttyS0');
    expect(canonicalDevicePath('com7')).toBe('COM7');
  });

  it('admits the serial ports of each platform, nothing else', () => {
    const ok = (path: string) => scannersEdit.safeParse([{ kind: 'serial', path, baudRate: 9600, framing: { kind: 'suffix', suffix: 'CR' } }]).success;
    for (const path of ['/dev/ttyUSB0', '/dev/ttyACM1', '/dev/ttyS0', '/dev/hidraw2', '/dev/usb/lp0', '/dev/cu.usbserial-1410', 'COM3']) expect(ok(path), path).toBe(true);
    for (const path of ['/dev/../etc/passwd', '/dev/null', '/dev/mem', '/proc/self/mem', '/dev/tty0/x', '']) expect(ok(path), path).toBe(false);
  });

  it('bounds scan timings', () => {
    expect(requests.scan.safeParse({ text: 'x', firstByteAt: 1, receivedAt: 2 }).success).toBe(true);
    expect(requests.scan.safeParse({ text: 'x', firstByteAt: -1e308, receivedAt: 2 }).success).toBe(false);
  });
});
