import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSecretBlob, secretFilePath, secretStoreUsable, writeSecretBlob } from '../../main/electron/secret-file.js';
import { tempDirsPerTest } from '../support/temp-dir.js';

const dataDir = tempDirsPerTest();

describe('secretStoreUsable', () => {
  it('needs encryption to be available', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(secretStoreUsable({ encryptionAvailable: false, platform, linuxBackend: 'gnome_libsecret' })).toBe(false);
    }
    expect(secretStoreUsable({ encryptionAvailable: true, platform: 'win32' })).toBe(true);
    expect(secretStoreUsable({ encryptionAvailable: true, platform: 'darwin' })).toBe(true);
  });

  it('on Linux, basic_text (a hard-coded password) and unknown count as no secret store', () => {
    expect(secretStoreUsable({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'basic_text' })).toBe(false);
    expect(secretStoreUsable({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'unknown' })).toBe(false);
    expect(secretStoreUsable({ encryptionAvailable: true, platform: 'linux' })).toBe(false);
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(secretStoreUsable({ encryptionAvailable: true, platform: 'linux', linuxBackend: backend })).toBe(true);
    }
  });
});

describe('secret blob file', () => {
  it('round-trips bytes, and a missing file reads as undefined', () => {
    const file = secretFilePath(dataDir());
    expect(readSecretBlob(file)).toBeUndefined();
    const blob = Uint8Array.from([0, 1, 2, 250, 255]);
    writeSecretBlob(file, blob);
    expect(new Uint8Array(readSecretBlob(file) ?? [])).toEqual(blob);
  });

  it.skipIf(process.platform === 'win32')('is readable by its owner only (0600), also when replacing a looser file', () => {
    const dir = dataDir();
    const file = secretFilePath(dir);
    writeFileSync(file, 'old', { mode: 0o644 });
    writeSecretBlob(file, Uint8Array.from([1, 2, 3]));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('replaces atomically and cleans up a temp file left by a crash', () => {
    const dir = dataDir();
    const file = secretFilePath(dir);
    writeFileSync(`${file}.tmp`, 'half-written');
    writeSecretBlob(file, Uint8Array.from([9]));
    writeSecretBlob(file, Uint8Array.from([8, 8]));
    expect([...(readSecretBlob(file) ?? [])]).toEqual([8, 8]);
    expect(readdirSync(dir)).toEqual(['merchant-key.enc']);
  });

  it('creates a missing data folder', () => {
    const file = join(dataDir(), 'nested', 'profile', 'merchant-key.enc');
    writeSecretBlob(file, Uint8Array.from([1]));
    expect(existsSync(file)).toBe(true);
  });
});
