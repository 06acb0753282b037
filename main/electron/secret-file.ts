// Where the encrypted merchant key lives and whether the OS offers a real secret store. Pure Node, no Electron:
// secret-store.ts supplies the safeStorage cipher. The blob is written atomically and readable by its owner only.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SECRET_FILE_NAME = 'merchant-key.enc';

export function secretFilePath(dataDir: string): string {
  return join(dataDir, SECRET_FILE_NAME);
}

export interface SecretBackendFacts {
  encryptionAvailable: boolean;
  platform: NodeJS.Platform;
  /** safeStorage.getSelectedStorageBackend(), Linux only. */
  linuxBackend?: string;
}

/**
 * On Linux without a keyring, safeStorage "encrypts" with a hard-coded password (`basic_text`): that is plaintext
 * with extra steps, so it counts as no secret store. `unknown` (asked too early, or no backend) counts as none too.
 */
export function secretStoreUsable(facts: SecretBackendFacts): boolean {
  if (!facts.encryptionAvailable) return false;
  if (facts.platform !== 'linux') return true;
  return facts.linuxBackend !== undefined && facts.linuxBackend !== 'basic_text' && facts.linuxBackend !== 'unknown';
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Write-then-rename, so a crash leaves the old key or the new one, never half of one. Mode 0600 from creation. */
export function writeSecretBlob(file: string, blob: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.tmp`;
  removeIfPresent(temp); // left by a crash mid-write; 'wx' below must create a fresh file with our mode
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, blob);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

export function readSecretBlob(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
