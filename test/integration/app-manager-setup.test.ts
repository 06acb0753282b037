// The manager's scanner, timer and wedge settings, scanner discovery and recent scans, and finding a sale to
// refund, all through the composed app's one door: bad values are refused with typed errors, nothing is saved
// by a refused call, and no other role can reach these channels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE } from '../../main/config/load-settings.js';
import { composedAppPerTest, until } from '../support/composed-app.js';
import { walletCode } from '../support/sandbox-fixtures.js';

const app = composedAppPerTest('pos-manager-setup-');
const { call, answers } = app;

async function start(): Promise<string> {
  await app.start();
  const unlocked = await call('manager', 'manager:unlock', { pin: '1234' });
  return unlocked.value!.session as string;
}

const savedFile = () => readFileSync(join(app.dataDir, SETTINGS_FILE), 'utf8');
const TIMERS = {
  scanPollMs: 2_000, scanDeadlineMs: { WX_MICROPAY: 40_000, ALIPAY_MICROPAY: 50_000, UPI_MICROPAY: 55_000 },
  qrPollMs: 1_500, qrExpiryMs: 90_000, qrBackgroundMs: 300_000, reconcileEveryMs: 20_000,
};
const WEDGE = { maxInterKeyGapMs: 40, minLength: 6, terminators: ['Tab'] };

describe('manager settings: timers, wedge and scanners', () => {
  it('reads the defaults, saves valid timers and marks them for the next start', async () => {
    const session = await start();
    const before = await call('manager', 'settings:get', { session });
    expect(before.value).toMatchObject({
      timers: { scanPollMs: 3_000, scanDeadlineMs: { WX_MICROPAY: 45_000 }, qrExpiryMs: 120_000, reconcileEveryMs: 30_000 },
      wedge: { maxInterKeyGapMs: 25, minLength: 8, terminators: ['Enter', 'NumpadEnter', 'Tab'] },
      scanners: [], pendingRestart: [],
    });
    const saved = await call('manager', 'settings:update', { session, timers: TIMERS });
    expect(saved.ok).toBe(true);
    expect(saved.value).toMatchObject({ timers: TIMERS, pendingRestart: ['timers'] });
    expect(JSON.parse(savedFile())).toMatchObject({ timers: TIMERS });
  });

  it('refuses out-of-range and inconsistent timers with a typed error naming the field, and saves nothing', async () => {
    const session = await start();
    const cases: [unknown, RegExp][] = [
      [{ ...TIMERS, scanPollMs: 100 }, /timers\.scanPollMs/],
      [{ ...TIMERS, reconcileEveryMs: 36_000_000 }, /timers\.reconcileEveryMs/],
      [{ ...TIMERS, scanDeadlineMs: { ...TIMERS.scanDeadlineMs, WX_MICROPAY: 999_999 } }, /timers\.scanDeadlineMs\.WX_MICROPAY/],
      [{ ...TIMERS, scanPollMs: 9_000, scanDeadlineMs: { ...TIMERS.scanDeadlineMs, UPI_MICROPAY: 8_000 } }, /UPI_MICROPAY must be longer than the scan poll/],
      [{ ...TIMERS, qrPollMs: 10_000, qrExpiryMs: 10_000 }, /timers\.qrExpiryMs must be longer than the QR poll/],
      [{ ...TIMERS, qrPollMs: 1500.5 }, /timers\.qrPollMs/],
      [{ scanPollMs: 2_000 }, /timers\./],
    ];
    for (const [timers, message] of cases) {
      const refused = await call('manager', 'settings:update', { session, timers });
      expect(refused.error?.code, JSON.stringify(timers)).toBe('INVALID_REQUEST');
      expect(refused.error?.message).toMatch(message);
    }
    expect((await call('manager', 'settings:get', { session })).value).toMatchObject({ timers: { scanPollMs: 3_000 }, pendingRestart: [] });
  });

  it('saves the wedge settings and hands them to every screen through app:info; refuses bad ones', async () => {
    const session = await start();
    expect((await call('cashier', 'app:info')).value).toMatchObject({ wedge: { maxInterKeyGapMs: 25, minLength: 8 } });
    expect((await call('manager', 'settings:update', { session, wedge: WEDGE })).value).toMatchObject({ wedge: WEDGE, pendingRestart: [] });
    for (const role of ['cashier', 'kiosk'] as const) expect((await call(role, 'app:info')).value).toMatchObject({ wedge: WEDGE });
    const bad = [
      { ...WEDGE, maxInterKeyGapMs: 1_000 },
      { ...WEDGE, minLength: 2 },
      { ...WEDGE, terminators: [] },
      { ...WEDGE, terminators: ['Space'] },
    ];
    for (const wedge of bad) expect((await call('manager', 'settings:update', { session, wedge })).error?.code, JSON.stringify(wedge)).toBe('INVALID_REQUEST');
    expect((await call('cashier', 'app:info')).value).toMatchObject({ wedge: WEDGE });
  });

  it('terminal id and time zone are saved but reported as waiting for a restart; the running app keeps its own', async () => {
    const session = await start();
    const running = (await call('cashier', 'app:info')).value!.terminalId;
    const saved = await call('manager', 'settings:update', { session, terminalId: 'T9', storeTimeZone: 'America/Vancouver' });
    expect(saved.value).toMatchObject({ terminalId: 'T9', storeTimeZone: 'America/Vancouver', pendingRestart: ['terminalId', 'storeTimeZone'] });
    expect((await call('cashier', 'app:info')).value).toMatchObject({ terminalId: running, timeZone: 'America/Toronto' });
    expect((await call('manager', 'settings:update', { session, storeTimeZone: 'Mars/Olympus' })).error?.code).toBe('CONFIG_INVALID');
  });

  it('the store name applies at once to every screen and to receipts; an over-long name is refused', async () => {
    const session = await start();
    expect((await call('cashier', 'app:info')).value).toMatchObject({ storeName: '' });
    expect((await call('manager', 'settings:update', { session, storeName: '  Thé & Co. 茶  ' })).value).toMatchObject({ storeName: 'Thé & Co. 茶', pendingRestart: [] });
    expect((await call('cashier', 'app:info')).value).toMatchObject({ storeName: 'Thé & Co. 茶' });
    await call('cashier', 'sale:addCustom', { name: 'Tea', amountCents: 450 });
    const sale = (await call('cashier', 'sale:current')).value as { id: number };
    await call('cashier', 'payment:payCash', { saleId: sale.id, tenderedCents: 500 });
    expect((await call('cashier', 'receipt:get', { saleId: sale.id })).value).toMatchObject({ storeName: 'Thé & Co. 茶' });
    expect((await call('manager', 'settings:update', { session, storeName: 'x'.repeat(65) })).error).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('saves a serial port and restarts the scanner service at once; refuses bad ports and framings', async () => {
    const session = await start();
    const serial = { kind: 'serial', path: '/dev/ttyPOS-test-no-such-port', baudRate: 9600, framing: { kind: 'suffix', suffix: 'CRLF' } };
    const hid = { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c };
    const saved = await call('manager', 'settings:update', { session, scanners: [serial, hid] });
    expect(saved.ok).toBe(true);
    expect(saved.value).toMatchObject({ scanners: [serial, hid], pendingRestart: [] });
    await until(async () => {
      const status = await call('manager', 'scanners:status', { session });
      return (status.value!.devices as Array<{ deviceId: string }>).some((d) => d.deviceId === 'serial:/dev/ttyPOS-test-no-such-port');
    }, 'the new serial scanner to report a status');
    const refusals: unknown[] = [
      [{ ...serial, path: '../../etc/passwd' }],
      [{ ...serial, baudRate: 12345 }],
      [{ ...serial, framing: { kind: 'timeout', gapMs: 1 } }],
      [{ ...serial, framing: { kind: 'suffix', suffix: 'NUL' } }],
      [serial, { ...serial, path: '/dev/ttyUSB1' }],
      [{ ...hid, vendorId: 0x10000 }],
      [{ kind: 'bluetooth', path: '/dev/rfcomm0' }],
    ];
    for (const scanners of refusals) expect((await call('manager', 'settings:update', { session, scanners })).error?.code, JSON.stringify(scanners)).toBe('INVALID_REQUEST');
    expect(JSON.parse(savedFile())).toMatchObject({ scanners: [serial, hid] });
    expect((await call('manager', 'settings:update', { session, scanners: [] })).value).toMatchObject({ scanners: [] });
    expect((await call('manager', 'scanners:status', { session })).value).toMatchObject({ devices: [] });
  });

  it('lists candidate devices for the setup screen', async () => {
    const session = await start();
    const found = await call('manager', 'scanners:discover', { session });
    expect(found.ok).toBe(true);
    expect(Array.isArray(found.value!.candidates)).toBe(true);
    expect(Array.isArray(found.value!.problems)).toBe(true);
    for (const c of found.value!.candidates as Array<{ kind: string; id: string; label: string }>) expect(['serial', 'hid-pos', 'hid-keyboard']).toContain(c.kind);
  });

  it('recent scans carry source, classification, timing and stats, with payment codes masked', async () => {
    const session = await start();
    const code = walletCode('WX', '01');
    const t0 = Date.now();
    await call('cashier', 'scan:submit', { text: '4006381333931', firstByteAt: t0 - 40, receivedAt: t0 });
    await call('kiosk', 'scan:submit', { text: code, firstByteAt: t0 - 55, receivedAt: t0 + 5 });
    const status = await call('manager', 'scanners:status', { session });
    const recent = status.value!.recent as Array<Record<string, unknown>>;
    expect(recent).toHaveLength(2);
    expect(recent[0]).toMatchObject({ kind: 'payment', detail: 'WX_MICROPAY', source: 'wedge', display: `${'*'.repeat(14)}${code.slice(-4)}`, scanMs: 60 });
    expect(recent[1]).toMatchObject({ kind: 'product', source: 'wedge', scanMs: 40 });
    expect(status.value!.stats).toMatchObject({ count: 2, bySource: { wedge: 2 }, scanMs: { p50: 40, max: 60 } });
    for (const answer of answers) expect(answer).not.toContain(code);
  });
});

describe('manager channels stay behind the PIN and the manager role', () => {
  it('no other role can read or change these settings, discover scanners or find sales', async () => {
    const session = await start();
    const calls: [string, unknown][] = [
      ['settings:get', { session }],
      ['settings:update', { session, timers: TIMERS }],
      ['settings:update', { session, wedge: WEDGE }],
      ['settings:update', { session, scanners: [] }],
      ['scanners:discover', { session }],
      ['scanners:status', { session }],
      ['refund:findSales', { session, query: '' }],
    ];
    for (const role of ['cashier', 'kiosk', 'customer-display'] as const) {
      for (const [channel, payload] of calls) expect((await call(role, channel, payload)).error?.code, `${role} ${channel}`).toBe('NOT_ALLOWED');
    }
    expect((await call('manager', 'scanners:discover', { session: 'not-a-real-session-token' })).error?.code).toBe('SESSION_EXPIRED');
    expect((await call('manager', 'settings:update', { session: 'not-a-real-session-token', wedge: WEDGE })).error?.code).toBe('SESSION_EXPIRED');
    expect((await call('manager', 'settings:get', { session })).value).toMatchObject({ wedge: { maxInterKeyGapMs: 25 } });
  });

  it('GST/HST and QST numbers: validated, saved, printed on the receipt at once, cleared with an empty string; the province shown', async () => {
    const session = await start();
    expect((await call('manager', 'settings:get', { session })).value).toMatchObject({ province: 'ON', pricesIncludeTax: false, gstNumber: null, qstNumber: null });
    expect((await call('manager', 'settings:update', { session, gstNumber: '12345678RT0001' })).error?.code).toBe('INVALID_REQUEST');
    expect((await call('manager', 'settings:update', { session, qstNumber: '1234567890RT0001' })).error?.code).toBe('INVALID_REQUEST');
    const saved = await call('manager', 'settings:update', { session, gstNumber: '123456789 RT 0001', qstNumber: '1234567890tq0001' });
    expect(saved.value).toMatchObject({ gstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001', pendingRestart: [] });
    expect(JSON.parse(savedFile())).toMatchObject({ gstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001' });
    const sale = await call('cashier', 'sale:addCustom', { name: 'Item', amountCents: 1000 });
    await call('cashier', 'payment:payCash', { tenderedCents: 2000 });
    const receipt = await call('cashier', 'receipt:get', { saleId: sale.value!.id as number });
    expect(receipt.value).toMatchObject({ gstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001' });
    expect((await call('manager', 'settings:update', { session, qstNumber: '' })).value).toMatchObject({ gstNumber: '123456789RT0001', qstNumber: null });
    expect(JSON.parse(savedFile())).not.toHaveProperty('qstNumber');
  });
});

describe('finding a sale to refund', () => {
  const salePaid = async () => (await call('cashier', 'sale:current')).value?.status === 'paid';

  async function cashSale(cents: number): Promise<number> {
    const sale = await call('cashier', 'sale:addCustom', { name: 'Item', amountCents: cents });
    // Enough cash for the amount and its sales tax (docs/register.md).
    await call('cashier', 'payment:payCash', { tenderedCents: 2 * cents });
    const id = sale.value!.id as number;
    await call('cashier', 'sale:new');
    return id;
  }

  it('an empty query lists today\'s paid sales, newest first, at most 20; unpaid sales are left out', async () => {
    const session = await start();
    const ids: number[] = [];
    for (let i = 1; i <= 22; i += 1) ids.push(await cashSale(100 * i));
    await call('cashier', 'sale:addCustom', { name: 'Unpaid', amountCents: 999 });
    const found = await call('manager', 'refund:findSales', { session, query: '' });
    const sales = found.value as unknown as Array<{ id: number; status: string; attempts: Array<{ state: string }> }>;
    expect(sales.map((s) => s.id)).toEqual(ids.slice(-20).reverse());
    expect(sales.every((s) => s.attempts.some((a) => a.state === 'succeeded'))).toBe(true);
    expect((await call('manager', 'refund:findSales', { session, query: '   ' })).value).toHaveLength(20);
  });

  it('matches the last 4 digits of a payment code, the sale number and the order number', async () => {
    const session = await start();
    const code = walletCode('ALIPAY', '01');
    const sale = await call('cashier', 'sale:addCustom', { name: 'Gift', amountCents: 2500 });
    const attempt = await call('cashier', 'payment:chargeByScan', { code });
    await until(salePaid, 'the sale to be paid');
    const saleId = sale.value!.id as number;
    const ids = async (query: string) => ((await call('manager', 'refund:findSales', { session, query })).value as unknown as Array<{ id: number }>).map((s) => s.id);
    expect(await ids(code.slice(-4))).toContain(saleId);
    expect(await ids(String(saleId))).toEqual([saleId]);
    expect(await ids(String(attempt.value!.mchOrderNo))).toEqual([saleId]);
    expect(await ids('0000')).not.toContain(saleId);
    expect(await ids('no-such-order')).toEqual([]);
    expect((await call('manager', 'refund:findSales', { session, query: 'x'.repeat(41) })).error?.code).toBe('INVALID_REQUEST');
    for (const answer of answers) expect(answer).not.toContain(code);
  });
});
