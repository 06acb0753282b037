// `npm start` after the build: runs the Electron binary on dist/main/index.js, passing our arguments through
// (`--role kiosk`, `--gateway …`). Where no Electron binary exists (as on our build machines) it says so in one
// line and exits 1, instead of letting `require('electron')` start a download that cannot succeed.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, probeElectron } from './electron-binary.js';

const ENTRY = fileURLToPath(new URL('../dist/main/index.js', import.meta.url));

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
  const checked = probeElectron(found.binary);
  if (!checked.ok) return unavailable(checked.reason);
  const child = spawn(checked.binary, [ENTRY, ...process.argv.slice(2)], { stdio: 'inherit' });
  // Ctrl+C reaches the child through the terminal too; SIGTERM from a supervisor must be passed on.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => unavailable(`could not start ${checked.binary}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
