// Each test gets its own data folder, removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export function makeTempDir(prefix = 'pos-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** For a test file: returns a maker of fresh data folders, each removed after the test that made it. */
export function tempDirsPerTest(prefix?: string): () => string {
  const made: Array<{ remove(): void }> = [];
  afterEach(() => made.splice(0).forEach((dir) => dir.remove()));
  return () => {
    const dir = makeTempDir(prefix);
    made.push(dir);
    return dir.path;
  };
}
