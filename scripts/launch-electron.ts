// `npm start` after the build: runs the Electron binary on dist/main/index.js, passing our arguments through
// (`--role kiosk`, `--gateway …`). Where no Electron binary exists (as on our build machines) it says so in one
// line and exits 1, instead of letting `require('electron')` start a download that cannot succeed.
import { existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../dist/main/index.js', import.meta.url));
const PROBE_TIMEOUT_MS = 5_000;

type Found = { ok: true; binary: string } | { ok: false; reason: string };

/** The binary node_modules/electron would run, found the way its index.js does but without downloading. */
function findElectronBinary(): Found {
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
function probe(binary: string): Found {
  const result = spawnSync(binary, ['--version'], { timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' });
  if (result.error) return { ok: false, reason: `${binary} --version failed: ${result.error.message}` };
  if (result.status !== 0) return { ok: false, reason: `${binary} --version exited ${result.status ?? result.signal}: ${(result.stderr.split('\n', 1)[0] ?? '').slice(0, 120)}` };
  return { ok: true, binary };
}

function unavailable(reason: string): never {
  console.error(`Electron cannot run on this machine (${reason}); run the same app in a browser: npm run start:browser`);
  process.exit(1);
}

function main(): void {
  if (!existsSync(ENTRY)) {
    console.error('dist/main/index.js is missing; run npm run build first');
    process.exit(1);
  }
  const found = findElectronBinary();
  if (!found.ok) return unavailable(found.reason);
  const checked = probe(found.binary);
  if (!checked.ok) return unavailable(checked.reason);
  const child = spawn(checked.binary, [ENTRY, ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl+C reaches the child through the terminal too; SIGTERM from a supervisor must be passed on.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => unavailable(`could not start ${checked.binary}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
