// The preload bundles scripts/build-electron.ts emits, run the way a sandboxed preload runs: CommonJS with a
// require that knows only 'electron'. Checks what the page would get as window.pos for each role.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channelsFor, EVENTS_BY_ROLE, type PosApi, type WindowRole } from '../../preload/contract.js';
import { makeTempDir } from '../support/temp-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const out = makeTempDir('pos-electron-build-');
let buildOutput = '';

beforeAll(async () => {
  ({ stdout: buildOutput } = await promisify(execFile)(tsx, ['scripts/build-electron.ts', '--out-dir', out.path], { cwd: root }));
}, 60_000);
afterAll(() => out.remove());

function loadPreload(role: WindowRole) {
  const exposed = new Map<string, unknown>();
  const invoked: string[] = [];
  const ipcListeners = new Map<string, ((event: unknown, payload: unknown) => void)[]>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string) => {
        invoked.push(channel);
        return Promise.resolve({ ok: true, value: null });
      },
      on: (event: string, handler: (event: unknown, payload: unknown) => void) => ipcListeners.set(event, [...(ipcListeners.get(event) ?? []), handler]),
      removeListener: (event: string, handler: unknown) => ipcListeners.set(event, (ipcListeners.get(event) ?? []).filter((h) => h !== handler)),
    },
  };
  const required: string[] = [];
  const module = { exports: {} };
  const require = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
    return electron;
  };
  runInNewContext(readFileSync(join(out.path, 'preload', `${role}.cjs`), 'utf8'), { require, module, exports: module.exports, console });
  return { exposed, invoked, ipcListeners, required };
}

describe('electron build', () => {
  it('emits the main bundle and one preload per role, and prints their sizes', () => {
    expect(buildOutput).toMatch(/main\/index\.js\s+[\d.]+ KiB/);
    for (const role of ['cashier', 'customer-display', 'kiosk', 'manager']) expect(buildOutput).toMatch(new RegExp(`preload/${role}\\.cjs\\s+[\\d.]+ KiB`));
    const main = readFileSync(join(out.path, 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/from "electron"/);
    expect(main).toMatch(/from "better-sqlite3"/);
  });

  it.each(['cashier', 'customer-display', 'kiosk', 'manager'] as const)('the %s preload exposes only window.pos with its own allow-lists', async (role) => {
    const { exposed, invoked, ipcListeners, required } = loadPreload(role);
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['pos']);
    const pos = exposed.get('pos') as PosApi;
    expect(Object.keys(pos).sort()).toEqual(['invoke', 'on']);
    for (const channel of CHANNEL_NAMES) await pos.invoke(channel, {} as never);
    expect(invoked).toEqual(channelsFor(role));
    const seen: unknown[] = [];
    const event = EVENTS_BY_ROLE[role][0]!;
    const stop = pos.on(event, (payload) => seen.push(payload));
    ipcListeners.get(event)?.forEach((handler) => handler({ sender: 'ipcRenderer itself' }, { hello: 1 }));
    expect(seen).toEqual([{ hello: 1 }]);
    stop();
    expect(ipcListeners.get(event)).toEqual([]);
  });
});
