// MerchantSecretStore over Electron safeStorage (docs/style.md §4). Where the OS has no real secret store the key is
// never written, not even "temporarily"; the shop then passes it per launch or stays in training mode.
import { safeStorage } from 'electron';
import type { MerchantSecretStore } from '../app/host-api.js';
import { ElectronHostError } from './errors.js';
import { readSecretBlob, secretFilePath, secretStoreUsable, writeSecretBlob } from './secret-file.js';

/** Call after app 'ready': before it, safeStorage cannot tell whether encryption is available. */
export function createMerchantSecretStore(dataDir: string, platform: NodeJS.Platform = process.platform): MerchantSecretStore {
  const file = secretFilePath(dataDir);
  const isAvailable = (): boolean =>
    secretStoreUsable({
      encryptionAvailable: safeStorage.isEncryptionAvailable(),
      platform,
      linuxBackend: platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    });
  return {
    isAvailable,
    read(): string | undefined {
      const blob = readSecretBlob(file);
      if (!blob || !isAvailable()) return undefined;
      try {
        return safeStorage.decryptString(blob);
      } catch {
        // The OS keyring changed (new user profile, restored backup): the blob is useless, and saying so beats
        // silently starting without a key.
        throw new ElectronHostError('SECRET_UNREADABLE', `the stored merchant key in ${file} cannot be decrypted; enter it again`);
      }
    },
    write(key: string): void {
      if (!isAvailable()) {
        throw new ElectronHostError('SECRET_STORE_UNAVAILABLE', 'this computer has no OS secret store (on Linux: no keyring); the merchant key is not stored');
      }
      if (key.length === 0) throw new ElectronHostError('EMPTY_SECRET', 'refusing to store an empty merchant key');
      writeSecretBlob(file, safeStorage.encryptString(key));
    },
  };
}
