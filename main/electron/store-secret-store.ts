// StoreSecretStore over Electron safeStorage (docs/store.md "Setting up"), the merchant key's way (secret-store.ts):
// each store role's password encrypted by the OS in its own file of the data folder, never written where the OS has
// no real secret store.
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { StoreSecretStore } from '../app/host-api.js';
import { ElectronHostError } from './errors.js';
import { readSecretBlob, secretStoreUsable, writeSecretBlob } from './secret-file.js';

const FILES = { terminal: 'store-terminal-password.enc', manager: 'store-manager-password.enc' } as const;

/** Call after app 'ready', like createMerchantSecretStore. */
export function createStoreSecretStore(dataDir: string, platform: NodeJS.Platform = process.platform): StoreSecretStore {
  const isAvailable = (): boolean =>
    secretStoreUsable({
      encryptionAvailable: safeStorage.isEncryptionAvailable(),
      platform,
      linuxBackend: platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    });
  return {
    isAvailable,
    read(access) {
      const blob = readSecretBlob(join(dataDir, FILES[access]));
      if (!blob || !isAvailable()) return undefined;
      try {
        return safeStorage.decryptString(blob);
      } catch {
        throw new ElectronHostError('SECRET_UNREADABLE', `the stored store database password (${access}) cannot be decrypted; enter the connection again`);
      }
    },
    write(access, password) {
      if (!isAvailable()) throw new ElectronHostError('SECRET_STORE_UNAVAILABLE', 'this computer has no OS secret store (on Linux: no keyring); the store password is not stored');
      if (password.length === 0) throw new ElectronHostError('EMPTY_SECRET', 'refusing to store an empty password');
      writeSecretBlob(join(dataDir, FILES[access]), safeStorage.encryptString(password));
    },
  };
}
