// The admin command line in a test (main/cli/pos.ts): `pos(...argv)` runs `runPos` in this process with no
// environment, collecting what it prints; a thrown error becomes its message on the last line and code 2 (a usage
// error) or 1. Each test's data folder is its own, removed afterwards.
import { runPos } from '../../main/cli/pos.js';
import { tempDirsPerTest } from './temp-dir.js';

export interface PosRun {
  code: number;
  lines: string[];
}

export interface PosCli {
  /** A fresh data folder for the running test, removed after it. */
  readonly dataDir: () => string;
  readonly pos: (...argv: string[]) => Promise<PosRun>;
}

/** For a test file. `withErrorCode` appends a thrown error's code to its line (`message [CODE]`). */
export function posCliPerTest(prefix: string, options: { withErrorCode?: boolean } = {}): PosCli {
  const dataDir = tempDirsPerTest(prefix);
  const pos = async (...argv: string[]): Promise<PosRun> => {
    const lines: string[] = [];
    const code = await runPos(argv, (l) => lines.push(l), {}).catch((err: unknown) => {
      const message = String((err as Error).message);
      lines.push(options.withErrorCode ? `${message} [${String((err as { code?: string }).code)}]` : message);
      return (err as { code?: string }).code === 'USAGE' ? 2 : 1;
    });
    return { code, lines };
  };
  return { dataDir, pos };
}
