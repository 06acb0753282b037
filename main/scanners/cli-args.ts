// Parses `scanners watch` arguments into one device choice; pure, so every usage error is unit-testable.
import { ScannerError } from './errors.js';
import type { FrameSuffix, FramingMode } from './framing.js';
import { parseVidPid, type HidTarget } from './hid-module.js';

export type WatchTarget =
  | { kind: 'serial'; path: string; baudRate: number; framing: FramingMode }
  | { kind: 'hid'; target: HidTarget; mode: 'pos' | 'keyboard' };

export interface WatchArgs {
  device: WatchTarget;
  /** Stop after this many scans (scripts and tests); default: run until interrupted. */
  count?: number;
}

export const WATCH_USAGE =
  'usage: scanners watch (--serial PATH [--baud N] [--suffix CR|LF|CRLF|TAB | --gap MS] | --hid VID:PID [--mode pos|keyboard]) [--count N]';

const SUFFIXES: readonly FrameSuffix[] = ['CR', 'LF', 'CRLF', 'TAB'];

function usage(problem: string): ScannerError {
  return new ScannerError('CLI_USAGE', `${problem}\n${WATCH_USAGE}`);
}

function readFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i] ?? '';
    const value = argv[i + 1];
    if (!name.startsWith('--') || value === undefined) throw usage(`bad argument: ${name || '(missing)'}`);
    flags.set(name.slice(2), value);
  }
  return flags;
}

function positiveInt(flags: Map<string, string>, name: string): number | undefined {
  const text = flags.get(name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) <= 0) throw usage(`--${name} must be a positive integer`);
  return Number(text);
}

function framingFrom(flags: Map<string, string>): FramingMode {
  const gap = positiveInt(flags, 'gap');
  const suffix = (flags.get('suffix') ?? 'CR').toUpperCase();
  if (gap !== undefined) return { kind: 'timeout', gapMs: gap };
  if (!SUFFIXES.includes(suffix as FrameSuffix)) throw usage(`--suffix must be one of ${SUFFIXES.join(', ')}`);
  return { kind: 'suffix', suffix: suffix as FrameSuffix };
}

export function parseWatchArgs(argv: string[]): WatchArgs {
  const flags = readFlags(argv);
  const known = new Set(['serial', 'baud', 'suffix', 'gap', 'hid', 'mode', 'count']);
  const unknownFlag = [...flags.keys()].find((k) => !known.has(k));
  if (unknownFlag) throw usage(`unknown option --${unknownFlag}`);
  const serial = flags.get('serial');
  const hid = flags.get('hid');
  if ((serial === undefined) === (hid === undefined)) throw usage('give exactly one of --serial PATH or --hid VID:PID');
  const count = positiveInt(flags, 'count');
  const withCount = (device: WatchTarget): WatchArgs => (count === undefined ? { device } : { device, count });
  if (serial !== undefined) {
    return withCount({ kind: 'serial', path: serial, baudRate: positiveInt(flags, 'baud') ?? 9600, framing: framingFrom(flags) });
  }
  const target = parseVidPid(hid ?? '');
  if (!target) throw usage('--hid takes VID:PID in hex, e.g. 0c2e:0b61');
  const mode = flags.get('mode') ?? 'pos';
  if (mode !== 'pos' && mode !== 'keyboard') throw usage('--mode must be pos or keyboard');
  return withCount({ kind: 'hid', target, mode });
}
