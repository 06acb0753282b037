// The pure half of main/electron must stay loadable under plain Node (that is how it is tested): it may use
// Electron's types, never Electron at run time. And outside main/electron and preload nothing imports electron.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../main/electron/', import.meta.url);
const PURE = ['app-paths.ts', 'errors.ts', 'launch-plan.ts', 'recovery-page.ts', 'secret-file.ts', 'security.ts', 'shortcut-policy.ts', 'updater-loop.ts', 'window-options.ts'];
// Glue: thin wrappers over Electron objects, checked by tsc against electron.d.ts rather than by unit tests.
const GLUE = ['app-protocol.ts', 'crash-recovery.ts', 'displays.ts', 'electron-host.ts', 'ipc-registration.ts', 'kiosk.ts', 'navigation-guards.ts', 'secret-store.ts', 'startup-window.ts', 'updater.ts', 'windows.ts'];
const runtimeElectronImport = /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron/m;

describe('electron boundary', () => {
  it.each(PURE)('%s has no run-time electron import', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    expect(source).not.toMatch(runtimeElectronImport);
  });

  it('main/index.ts only composes: it does not import electron itself', () => {
    const source = readFileSync(new URL('../../main/index.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from\s+['"]electron/);
  });

  it('every file is listed as pure or glue (a new file must choose a side)', () => {
    const all = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    expect([...GLUE, ...PURE].sort()).toEqual(all.sort());
  });
});
