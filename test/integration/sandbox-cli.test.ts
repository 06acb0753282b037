// `npm run sandbox` as a process: it prints where it listens, serves, and stops cleanly on SIGINT;
// a bad flag is one line on stderr and exit code 2.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function runCli(args: string[]) {
  const child = spawn(tsx, ['main/sandbox/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return { child, out: () => stdout, err: () => stderr };
}

describe('sandbox CLI', () => {
  it('prints gateway, control, merchant id and key, serves, and exits 0 on SIGINT', async () => {
    const run = runCli(['--port', '0', '--mch-id', '10000042', '--key', 'CLIKEY', '--seed', '7']);
    const exited = once(run.child, 'exit');
    await expect.poll(() => run.out(), { timeout: 15_000 }).toContain('Ctrl-C');
    const gateway = /gateway:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(run.out())?.[1];
    expect(run.out()).toMatch(/control:\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(run.out()).toContain('10000042');
    expect(run.out()).toContain('CLIKEY');
    expect((await fetch(`${gateway}/cc/iotpaycc.js`)).status).toBe(200);
    run.child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('refuses a bad flag with one line on stderr and exit code 2', async () => {
    const run = runCli(['--faults', 'drop=lots']);
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(2);
    expect(run.err().trim().split('\n')).toHaveLength(1);
    expect(run.err()).toContain('--faults');
  });
});
