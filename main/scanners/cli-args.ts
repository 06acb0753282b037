// Parses `scanners watch` arguments into one device choice; pure, so every usage error is unit-testable.
import { ScannerError } from './errors.js';
import type { FrameSuffix, FramingMode } from './framing.js';
import type { HidMode } from './hid-interface.js';
import { parseVidPid, type HidTarget } from './hid-module.js';

/** `mode` absent: decode as the chosen interface speaks (0x8C → pos, keyboard → keyboard). */
export type WatchTarget =
  | { kind: 'serial'; path: string; baudRate: number; framing: FramingMode }
  | { kind: 'hid'; target: HidTarget; mode?: HidMode };

export interface WatchArgs {
  device: WatchTarget;
  /** Stop after this many scans (scripts and tests); default: run until interrupted. */
  count?: number;
}

export const WATCH_USAGE =
  'usage: scanners watch (--serial PATH [--baud N] [--suffix CR|LF|CRLF|TAB | --gap MS] | --hid VID:PID[:USAGEPAGE] [--interface N] | --hid-path PATH) [--mode pos|keyboard] [--count N]\n' +
  '  a HID device opens its HID POS interface (usage page 8c) when it has one, else its keyboard interface;\n' +
  '  VID:PID:USAGEPAGE, --interface or --hid-path (from `scanners list`) picks one; --mode follows the interface unless given';

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
  const known = new Set(['serial', 'baud', 'suffix', 'gap', 'hid', 'hid-path', 'interface', 'mode', 'count']);
  const unknownFlag = [...flags.keys()].find((k) => !known.has(k));
  if (unknownFlag) throw usage(`unknown option --${unknownFlag}`);
  const serial = flags.get('serial');
  const given = ['serial', 'hid', 'hid-path'].filter((name) => flags.has(name));
  if (given.length !== 1) throw usage('give exactly one of --serial PATH, --hid VID:PID[:USAGEPAGE] or --hid-path PATH');
  const count = positiveInt(flags, 'count');
  const withCount = (device: WatchTarget): WatchArgs => (count === undefined ? { device } : { device, count });
  if (serial !== undefined) {
    return withCount({ kind: 'serial', path: serial, baudRate: positiveInt(flags, 'baud') ?? 9600, framing: framingFrom(flags) });
  }
  const withMode = (target: HidTarget): WatchTarget => {
    const mode = flags.get('mode');
    if (mode === undefined) return { kind: 'hid', target };
    if (mode !== 'pos' && mode !== 'keyboard') throw usage('--mode must be pos or keyboard');
    return { kind: 'hid', target, mode };
  };
  const path = flags.get('hid-path');
  if (path !== undefined) {
    if (flags.has('interface')) throw usage('--interface goes with --hid, not --hid-path');
    return withCount(withMode({ path }));
  }
  const ids = parseVidPid(flags.get('hid') ?? '');
  if (!ids) throw usage('--hid takes VID:PID or VID:PID:USAGEPAGE in hex, e.g. 0c2e:0b61 or 0c2e:0b61:8c');
  const iface = flags.get('interface');
  if (iface !== undefined && !/^\d{1,3}$/.test(iface)) throw usage('--interface must be a USB interface number, e.g. 0');
  return withCount(withMode(iface === undefined ? ids : { ...ids, interfaceNumber: Number(iface) }));
}
