// Where the Electron binary of node_modules/electron is, found the way its index.js finds it but without ever
// starting a download, and whether it starts. Shared by `npm start` (launch-electron.ts) and `npm run
// test:electron` (test/electron/run.ts), which both say in one line why they cannot run Electron here.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PROBE_TIMEOUT_MS = 5_000;

export type ElectronBinary = { ok: true; binary: string } | { ok: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: 'its binary was never downloaded: node_modules/electron/path.txt is missing' };
  const relativeBinary = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relativeBinary);
  return existsSync(binary) ? { ok: true, binary } : { ok: false, reason: `its binary ${binary} is missing` };
}

/** A binary that exists may still not start (missing shared libraries, wrong architecture); ask it, briefly. */
export function probeElectron(binary: string): ElectronBinary {
  const result = spawnSync(binary, ['--version'], { timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' });
  if (result.error) return { ok: false, reason: `${binary} --version failed: ${result.error.message}` };
  if (result.status !== 0) return { ok: false, reason: `${binary} --version exited ${result.status ?? result.signal}: ${(result.stderr.split('\n', 1)[0] ?? '').slice(0, 120)}` };
  return { ok: true, binary };
}

/** Found and answering, or why not. */
export function usableElectron(): ElectronBinary {
  const found = findElectronBinary();
  return found.ok ? probeElectron(found.binary) : found;
}
