// Picks which interface of a HID scanner to open. A combined scanner lists one VID:PID several times in
// node-hid's `devices()`, once per interface (and on Linux once per top-level collection): typically a HID POS
// interface (usage page 0x8C, HID Point of Sale Usage Tables) and a keyboard interface (page 0x01, usage 0x06).
// Opening by VID:PID takes whichever hidapi lists first, so the choice is made here and opened by path.
import { ScannerError } from './errors.js';
import { GENERIC_DESKTOP_PAGE, HID_POS_USAGE_PAGE, KEYBOARD_USAGE, describeHidTarget, type HidDeviceInfo, type HidTarget } from './hid-module.js';

export type HidMode = 'pos' | 'keyboard';

export interface HidInterface {
  path: string;
  vendorId: number;
  productId: number;
  usagePage?: number | undefined;
  usage?: number | undefined;
  /** -1 or absent where the platform does not report it. */
  interfaceNumber?: number | undefined;
}

export interface HidInterfaceChoice {
  iface: HidInterface;
  /** The decoder to use: the explicit mode, else what the interface speaks (0x8C → pos, otherwise keyboard). */
  mode: HidMode;
}

/** The device is absent, or present without the interface asked for; `available` lists what it does have. */
export class HidInterfaceNotFoundError extends ScannerError {
  constructor(
    readonly target: HidTarget,
    readonly available: readonly HidInterface[],
    message: string,
  ) {
    super('HID_INTERFACE_NOT_FOUND', message);
    this.name = 'HidInterfaceNotFoundError';
  }
}

const hex = (n: number | undefined) => (n === undefined ? '?' : `0x${n.toString(16).padStart(2, '0')}`);

export function isPosInterface(i: { usagePage?: number | undefined }): boolean {
  return i.usagePage === HID_POS_USAGE_PAGE;
}

export function isKeyboardInterface(i: { usagePage?: number | undefined; usage?: number | undefined }): boolean {
  return i.usagePage === GENERIC_DESKTOP_PAGE && i.usage === KEYBOARD_USAGE;
}

export function describeHidInterface(i: HidInterface): string {
  const number = i.interfaceNumber === undefined || i.interfaceNumber < 0 ? '' : ` interface ${i.interfaceNumber}`;
  return `${i.path} (usage page ${hex(i.usagePage)} usage ${hex(i.usage)}${number})`;
}

/** node-hid's device list as interfaces: entries without a path cannot be opened and are left out. */
export function hidInterfaces(devices: readonly HidDeviceInfo[]): HidInterface[] {
  const seen = new Set<string>();
  const out: HidInterface[] = [];
  for (const d of devices) {
    const key = `${d.path}|${d.usagePage}|${d.usage}`;
    if (!d.path || seen.has(key)) continue;
    seen.add(key);
    out.push({ path: d.path, vendorId: d.vendorId, productId: d.productId, usagePage: d.usagePage, usage: d.usage, interfaceNumber: d.interface });
  }
  return out;
}

/** HID POS first, then keyboard, then anything else (reachable only by an explicit usage page or interface). */
function rank(i: HidInterface): number {
  return isPosInterface(i) ? 0 : isKeyboardInterface(i) ? 1 : 2;
}

function modeOf(i: HidInterface, mode: HidMode | undefined): HidMode {
  return mode ?? (isPosInterface(i) ? 'pos' : 'keyboard');
}

function wanted(target: Extract<HidTarget, { vendorId: number }>, mode: HidMode | undefined): string {
  if (target.usagePage !== undefined) return `usage page ${hex(target.usagePage)}`;
  if (target.interfaceNumber !== undefined) return `interface ${target.interfaceNumber}`;
  if (mode === 'pos') return 'HID POS interface (usage page 0x8c)';
  if (mode === 'keyboard') return 'keyboard interface (usage page 0x01 usage 0x06)';
  return 'HID POS (usage page 0x8c) or keyboard interface';
}

/**
 * Chooses the interface to open. An explicit path, usage page or interface number wins; an explicit mode
 * narrows to that kind of interface; otherwise HID POS (0x8C) when the device has it, then keyboard.
 * Throws HidInterfaceNotFoundError, never guesses a mouse or vendor-specific interface.
 */
export function chooseHidInterface(devices: readonly HidDeviceInfo[], target: HidTarget, mode?: HidMode): HidInterfaceChoice {
  const all = hidInterfaces(devices);
  const id = describeHidTarget(target).slice(4);
  if ('path' in target) {
    const atPath = all.filter((i) => i.path === target.path).sort((a, b) => rank(a) - rank(b));
    const iface = atPath[0];
    if (!iface) throw new HidInterfaceNotFoundError(target, [], `no HID interface at ${target.path} is connected`);
    return { iface, mode: modeOf(iface, mode) };
  }
  const ofDevice = all.filter((i) => i.vendorId === target.vendorId && i.productId === target.productId);
  if (ofDevice.length === 0) throw new HidInterfaceNotFoundError(target, [], `no HID device ${id} is connected`);
  const matches = ofDevice
    .filter((i) => target.usagePage === undefined || i.usagePage === target.usagePage)
    .filter((i) => target.interfaceNumber === undefined || i.interfaceNumber === target.interfaceNumber)
    .filter((i) => target.usagePage !== undefined || target.interfaceNumber !== undefined || (mode === 'pos' ? isPosInterface(i) : mode === 'keyboard' ? isKeyboardInterface(i) : rank(i) < 2))
    .sort((a, b) => rank(a) - rank(b));
  const iface = matches[0];
  if (!iface) {
    const has = ofDevice.map(describeHidInterface).join('; ');
    throw new HidInterfaceNotFoundError(target, ofDevice, `HID device ${id} has no ${wanted(target, mode)}; it has: ${has}`);
  }
  return { iface, mode: modeOf(iface, mode) };
}
