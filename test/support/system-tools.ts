// Tests that need a system tool (socat, chromium) skip with a loud notice on a laptop that lacks it,
// and fail under CI=true, where .ci/run must have installed it (docs/toolchain.md §10).
import { execFileSync } from 'node:child_process';

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
