import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseGateway } from '../../main/config/gateway-choice.js';
import { ConfigError, ensureTerminalId, loadSettings, saveSettings, SETTINGS_FILE } from '../../main/config/load-settings.js';
import { settingsSchema } from '../../main/config/settings.js';
import { requests } from '../../preload/contract-schemas.js';
import { tempDirsPerTest } from '../support/temp-dir.js';

const dataDir = tempDirsPerTest();

describe('settings', () => {
  it('defaults to training mode with Toronto time and the docs/architecture.md §3 timers', () => {
    const s = loadSettings(dataDir());
    expect(s.gateway).toEqual({ mode: 'training' });
    expect(s.storeTimeZone).toBe('America/Toronto');
    expect(s.timers.scanDeadlineMs).toEqual({ WX_MICROPAY: 45_000, ALIPAY_MICROPAY: 60_000, UPI_MICROPAY: 60_000 });
    expect(s.timers.qrExpiryMs).toBe(120_000);
  });

  it('a broken file is a ConfigError naming file and field, and is left untouched', () => {
    const dir = dataDir();
    const file = join(dir, 'settings.json');
    for (const [content, mention] of [['{not json', 'not valid JSON'], ['{"storeTimeZone":"Mars/Base"}', 'storeTimeZone'], ['{"terminalId":"t 1"}', 'terminalId'], ['{"gateway":{"mode":"live"}}', 'gateway.mchId']] as const) {
      writeFileSync(file, content);
      expect(() => loadSettings(dir)).toThrow(ConfigError);
      expect(() => loadSettings(dir)).toThrow(mention);
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  });

  it('saves atomically and reads back', () => {
    const dir = dataDir();
    mkdirSync(dir, { recursive: true });
    saveSettings(dir, { terminalId: 'T7', locale: 'fr-CA' });
    expect(loadSettings(dir).terminalId).toBe('T7');
    expect(() => saveSettings(dir, { locale: 'de-DE' })).toThrow(ConfigError);
    expect(loadSettings(dir).locale).toBe('fr-CA');
  });
});

describe('GST/HST and QST registration numbers', () => {
  const session = 'x'.repeat(16);
  it('the settings file takes 9 digits + RT + 4 and 10 digits + TQ + 4, absent by default', () => {
    expect(settingsSchema.parse({}).gstNumber).toBeUndefined();
    expect(settingsSchema.parse({ gstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001' })).toMatchObject({ gstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001' });
    for (const gstNumber of ['12345678RT0001', '123456789RC0001', '123456789RT001', '123456789rt0001', '']) expect(settingsSchema.safeParse({ gstNumber }).success).toBe(false);
    for (const qstNumber of ['123456789TQ0001', '1234567890RT0001', '1234567890TQ00011']) expect(settingsSchema.safeParse({ qstNumber }).success).toBe(false);
  });

  it('settings:update drops spaces, capitalizes, refuses a wrong shape, and takes an empty string to clear', () => {
    expect(requests.updateSettings.parse({ session, gstNumber: '123456789 rt 0001' }).gstNumber).toBe('123456789RT0001');
    expect(requests.updateSettings.parse({ session, qstNumber: '1234567890tq0001' }).qstNumber).toBe('1234567890TQ0001');
    expect(requests.updateSettings.parse({ session, gstNumber: '', qstNumber: '' })).toMatchObject({ gstNumber: '', qstNumber: '' });
    expect(requests.updateSettings.safeParse({ session, gstNumber: '1234567890TQ0001' }).success).toBe(false);
    expect(requests.updateSettings.safeParse({ session, qstNumber: '123456789RT0001' }).success).toBe(false);
    expect(requests.updateSettings.safeParse({ session, gstNumber: 'RT' }).success).toBe(false);
  });
});

describe('gateway choice', () => {
  const live = { gateway: { mode: 'live', mchId: '10000701', loginName: 'cashier01' } };
  it('training unless something says live', () => {
    expect(chooseGateway(loadSettings(dataDir()), {}, {})).toEqual({ mode: 'training' });
  });
  it('live settings without a key refuse instead of falling back to training', () => {
    const dir = dataDir();
    saveSettings(dir, live);
    expect(() => chooseGateway(loadSettings(dir), {}, {})).toThrow(/no merchant key/);
  });
  it('takes the key from the environment, then the secret store', () => {
    const dir = dataDir();
    saveSettings(dir, live);
    const s = loadSettings(dir);
    expect(chooseGateway(s, {}, { IOTPAY_KEY: 'E' }, { readStoredKey: () => 'S' })).toMatchObject({ key: 'E', keySource: 'environment' });
    expect(chooseGateway(s, {}, {}, { readStoredKey: () => 'S' })).toMatchObject({ key: 'S', keySource: 'secret-store' });
  });
  it('command-line gateway flags go together and derive v1 and v3 bases', () => {
    const s = loadSettings(dataDir());
    expect(() => chooseGateway(s, { gatewayUrl: 'http://127.0.0.1:9' }, {})).toThrow(/together/);
    const choice = chooseGateway(s, { gatewayUrl: 'http://127.0.0.1:9/', mchId: 'M1', key: 'K' }, {});
    expect(choice).toMatchObject({ mode: 'live', gateway: { v1BaseUrl: 'http://127.0.0.1:9/v1/', v3BaseUrl: 'http://127.0.0.1:9/v3/', mchId: 'M1' } });
  });
  it('acceptUnsignedCardResponses is gone (main/iotpay/signature-policy.ts decides): an old settings.json carrying it still loads, without it', () => {
    const dir = dataDir();
    saveSettings(dir, { gateway: { ...live.gateway, acceptUnsignedCardResponses: true } });
    const choice = chooseGateway(loadSettings(dir), {}, { IOTPAY_KEY: 'E' });
    expect(choice).toMatchObject({ mode: 'live', gateway: { mchId: live.gateway.mchId } });
    expect(choice.mode === 'live' && 'acceptUnsignedCardResponses' in choice.gateway).toBe(false);
    const flags = chooseGateway(loadSettings(dir), { gatewayUrl: 'http://127.0.0.1:9', mchId: 'M1', key: 'K' }, {});
    expect(flags.mode === 'live' && 'acceptUnsignedCardResponses' in flags.gateway).toBe(false);
  });
});

describe('ensureTerminalId', () => {
  it('mints a terminal id once per data folder, keeps everything else as written, and never changes a set id', () => {
    const dir = dataDir();
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ storeTimeZone: 'America/Vancouver' }));
    ensureTerminalId(dir);
    const first = loadSettings(dir);
    expect(first.terminalId).toMatch(/^T[A-Z2-9]{5}$/);
    expect(first.storeTimeZone).toBe('America/Vancouver');
    expect(Object.keys(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8')) as object).sort()).toEqual(['storeTimeZone', 'terminalId']);
    ensureTerminalId(dir);
    expect(loadSettings(dir).terminalId).toBe(first.terminalId);
  });

  it('two fresh folders get different ids; a missing file is created; a broken file is left untouched', () => {
    const a = dataDir();
    const b = dataDir();
    let n = 0;
    ensureTerminalId(a, () => n++ % 3);
    ensureTerminalId(b, () => 7);
    expect(loadSettings(a).terminalId).not.toBe(loadSettings(b).terminalId);
    const broken = dataDir();
    writeFileSync(join(broken, SETTINGS_FILE), '{ "terminalId": ');
    ensureTerminalId(broken);
    expect(readFileSync(join(broken, SETTINGS_FILE), 'utf8')).toBe('{ "terminalId": ');
  });
});
