// `npm run test:electron`: builds the app and runs the Electron smoke test (smoke.electron.ts) with its own vitest
// config. Without a runnable Electron binary it says so in one line: exit 0 on a laptop or build machine, exit 1
// under CI=true, because the desktop workflow (.github/workflows/desktop.yml) must really run it.
import { spawnSync } from 'node:child_process';
import { usableElectron } from '../../scripts/electron-binary.js';

const electron = usableElectron();
if (!electron.ok) {
  const required = process.env.CI === 'true' || process.env.POS_REQUIRE_ELECTRON === '1';
  console.log(`test:electron: needs the Electron binary, which ${required ? 'is required here' : 'this machine lacks'} (${electron.reason}); ${required ? 'failing' : 'nothing run'}`);
  process.exit(required ? 1 : 0);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (command: string, args: string[]): number => {
  // shell on Windows: npm.cmd and npx.cmd are batch files, which Node only starts through a shell.
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) console.error(`test:electron: ${command} failed to start: ${result.error.message}`);
  return result.status ?? 1;
};

if (!process.argv.includes('--no-build')) {
  const built = run(npm, ['run', 'build']);
  if (built !== 0) process.exit(built);
}
process.exit(run(npx, ['vitest', 'run', '--config', 'vitest.electron.config.ts']));
