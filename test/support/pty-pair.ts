// A real serial line for tests: socat joins two ptys; the driver opens `device`, the test plays the scanner
// by writing to `scanner` (docs/toolchain.md §5).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  device: string;
  scanner: string;
  close(): Promise<void>;
}

export async function openPtyPair(dir: string, timeoutMs = 5000): Promise<PtyPair> {
  const device = join(dir, 'ttyA');
  const scanner = join(dir, 'ttyB');
  const proc: ChildProcess = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${device},mode=666`, `pty,raw,echo=0,link=${scanner},mode=666`], { stdio: 'ignore' });
  const started = Date.now();
  while (!(existsSync(device) && existsSync(scanner))) {
    if (Date.now() - started > timeoutMs || proc.exitCode !== null) throw new Error('socat did not create the pty pair');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    device,
    scanner,
    async close() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
