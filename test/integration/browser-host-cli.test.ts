// `npm run start:browser`'s entry as a real process: one URL line per role (plus TRAINING MODE) on stdout,
// a live bridge behind them, a clean exit on SIGTERM, and exit code 2 for bad flags.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WINDOW_ROLES } from '../../main/app/host-api.js';
import { makeTempDir } from '../support/temp-dir.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const composeExists = existsSync(join(root, 'main/app/compose.ts'));
const children: ChildProcess[] = [];
const temps: { remove(): void }[] = [];

afterEach(() => {
  children.splice(0).forEach((child) => child.exitCode === null && child.kill('SIGKILL'));
  temps.splice(0).forEach((t) => t.remove());
});

function run(args: string[]) {
  const child = spawn(tsx, ['main/browser-host/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, POS_DATA_DIR: '' } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe.skipIf(!composeExists)('start:browser command line', () => {
  it('prints exactly one line per role and TRAINING MODE, serves the bridge, and stops on SIGTERM', async () => {
    const data = makeTempDir('pos-browser-cli-');
    temps.push(data);
    const cli = run(['--data-dir', data.path, '--port', '0']);
    await expect.poll(() => cli.out().split('\n').filter(Boolean).length, { timeout: 20_000 }).toBe(5);
    const lines = cli.out().trim().split('\n');
    for (const role of WINDOW_ROLES) {
      expect(lines.filter((line) => line.startsWith(`${role}: `))).toHaveLength(1);
      expect(lines.find((line) => line.startsWith(`${role}: `))).toMatch(new RegExp(`^${role}: http://127\\.0\\.0\\.1:\\d+/${role}\\.html#token=[A-Za-z0-9_-]{43}$`));
    }
    expect(lines.filter((line) => line.startsWith('TRAINING MODE'))).toHaveLength(1);

    const url = new URL(lines[0]!.slice(lines[0]!.indexOf('http')));
    const ws = new WebSocket(`ws://${url.host}/bridge`, { origin: url.origin });
    const ready = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.on('open', () => ws.send(JSON.stringify({ auth: url.hash.slice('#token='.length) })));
    expect(await ready).toEqual({ ready: { role: 'cashier', training: true } });

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    ws.terminate();
  });

  it.each([[['--port', 'nope']], [['--frobnicate']], [['--gateway', 'http://127.0.0.1:1']]])('exits 2 with one line for bad flags %j', async (args) => {
    const cli = run(args);
    expect(await cli.exited).toBe(2);
    expect(cli.out()).toBe('');
    expect(cli.err().trim().split('\n')).toHaveLength(1);
    expect(cli.err()).toMatch(/^start:browser: /);
  });
});
