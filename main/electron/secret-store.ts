// The OS secret stores over Electron safeStorage (docs/style.md §4): the merchant key, and each store role's
// database password (docs/store.md "Setting up"), each encrypted by the OS in its own file of the data folder.
// Where the OS has no real secret store a secret is never written, not even "temporarily"; the shop then passes
// the merchant key per launch or stays in training mode, and enters the store connection again.
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { MerchantSecretStore, StoreSecretStore } from '../app/host-api.js';
import { ElectronHostError } from './errors.js';
import { readSecretBlob, secretFilePath, secretStoreUsable, writeSecretBlob } from './secret-file.js';

/** The refusals of one secret's file, in the words its people know it by. */
interface SecretWords {
  unreadable: string;
  notStored: string;
  empty: string;
}

/** One secret in one file. Call after app 'ready': before it, safeStorage cannot tell whether encryption is available. */
function safeStorageSecret(file: string, words: SecretWords, isAvailable: () => boolean) {
  return {
    read(): string | undefined {
      const blob = readSecretBlob(file);
      if (!blob || !isAvailable()) return undefined;
      try {
        return safeStorage.decryptString(blob);
      } catch {
        // The OS keyring changed (new user profile, restored backup): the blob is useless, and saying so beats
        // silently starting without the secret.
        throw new ElectronHostError('SECRET_UNREADABLE', words.unreadable);
      }
    },
    write(secret: string): void {
      if (!isAvailable()) throw new ElectronHostError('SECRET_STORE_UNAVAILABLE', `this computer has no OS secret store (on Linux: no keyring); ${words.notStored}`);
      if (secret.length === 0) throw new ElectronHostError('EMPTY_SECRET', words.empty);
      writeSecretBlob(file, safeStorage.encryptString(secret));
    },
  };
}

function availability(platform: NodeJS.Platform): () => boolean {
  return () =>
    secretStoreUsable({
      encryptionAvailable: safeStorage.isEncryptionAvailable(),
      platform,
      linuxBackend: platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    });
}

/** Call after app 'ready'. */
export function createMerchantSecretStore(dataDir: string, platform: NodeJS.Platform = process.platform): MerchantSecretStore {
  const file = secretFilePath(dataDir);
  const isAvailable = availability(platform);
  const key = safeStorageSecret(file, {
    unreadable: `the stored merchant key in ${file} cannot be decrypted; enter it again`,
    notStored: 'the merchant key is not stored',
    empty: 'refusing to store an empty merchant key',
  }, isAvailable);
  return { isAvailable, read: key.read, write: key.write };
}

const STORE_FILES = { terminal: 'store-terminal-password.enc', manager: 'store-manager-password.enc' } as const;

/** Call after app 'ready', like createMerchantSecretStore. */
export function createStoreSecretStore(dataDir: string, platform: NodeJS.Platform = process.platform): StoreSecretStore {
  const isAvailable = availability(platform);
  const password = (access: keyof typeof STORE_FILES) =>
    safeStorageSecret(join(dataDir, STORE_FILES[access]), {
      unreadable: `the stored store database password (${access}) cannot be decrypted; enter the connection again`,
      notStored: 'the store password is not stored',
      empty: 'refusing to store an empty password',
    }, isAvailable);
  return {
    isAvailable,
    read: (access) => password(access).read(),
    write: (access, secret) => password(access).write(secret),
  };
}
