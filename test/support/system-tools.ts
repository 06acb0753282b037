// Tests that need a system tool (socat, chromium) skip with a loud notice on a laptop that lacks it,
// and fail under CI=true, where .ci/run must have installed it (docs/toolchain.md §10).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function hasTool(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns true when the tool is present. When absent: throws under CI, otherwise prints a loud notice and
 * returns false so the caller can `describe.skipIf(!available)`.
 */
export function requireTool(command: string, why: string): boolean {
  if (hasTool(command)) return true;
  const message = `MISSING SYSTEM TOOL '${command}' (${why}). Install it: apt-get install -y ${command}`;
  if (process.env.CI === 'true') throw new Error(`${message}. CI=true, so this is a failure, not a skip.`);
  console.warn(`\n!!!!! ${message}. These tests are SKIPPED on this machine. !!!!!\n`);
  return false;
}

/**
 * Storage-fault tests need real mounts: a read-only bind and a small full tmpfs, which only root can make. Returns
 * true when this process can mount. Otherwise: throws under CI (CI runs as root), else a loud notice and false.
 */
export function requireRootMounts(why: string): boolean {
  let can = false;
  if (typeof process.getuid === 'function' && process.getuid() === 0 && process.platform === 'linux') {
    const probe = mkdtempSync(join(tmpdir(), 'pos-mount-probe-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', ['-l', probe], { stdio: 'ignore' });
      can = true;
    } catch {
      can = false;
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  }
  if (can) return true;
  const message = `CANNOT MOUNT (${why}): these tests need root on Linux to make a read-only bind and a full tmpfs`;
  if (process.env.CI === 'true') throw new Error(`${message}. CI=true, so this is a failure, not a skip.`);
  console.warn(`\n!!!!! ${message}. These tests are SKIPPED on this machine. !!!!!\n`);
  return false;
}

/** Mounts (root only): a tmpfs of `size` at `dir`, and a read-only bind of `source` at `dir`. Unmount with `unmount`. */
export function mountTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
}

export function bindReadOnly(source: string, dir: string): void {
  execFileSync('mount', ['--bind', '-o', 'ro', source, dir]);
}

/** Lazy unmount: a connection SQLite could not open may still hold the mount for a moment. */
export function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
}
