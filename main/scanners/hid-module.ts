// The slice of node-hid the scanners use, loaded lazily: node-hid's prebuilt binary links libusb-1.0, and a
// static import would crash main at start-up on a till without it (docs/toolchain.md §1). Loading on demand turns
// that into a ScannerUnavailableError with the apt-get line that fixes it.
import { explainNativeLoadFailure } from './errors.js';

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
  /** USB interface number; -1 where the platform does not report it (node-hid `devices()`). */
  interface?: number | undefined;
}

/** node-hid's event interface on an open device; tests pass a stand-in with the same shape. */
export interface HidDeviceLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

/**
 * Which scanner to open. A combined scanner exposes a HID POS interface and a keyboard interface under one
 * VID:PID, so the interface is chosen from `devices()` (see hid-interface.ts) and always opened by path.
 */
export type HidTarget =
  | { vendorId: number; productId: number; usagePage?: number | undefined; interfaceNumber?: number | undefined }
  | { path: string };

export interface HidModuleLike {
  /** Opens one interface by its platform path, as listed by `devices()` (node-hid `new HID(path)`). */
  open(path: string): HidDeviceLike;
  devices(): Promise<HidDeviceInfo[]>;
}

export type HidModuleLoader = () => Promise<HidModuleLike>;

export const loadNodeHid: HidModuleLoader = async () => {
  try {
    const hid = await import('node-hid');
    return {
      // Never `new HID(vid, pid)`: node-hid then opens whichever interface hidapi lists first, which on a
      // combined scanner may be its keyboard interface (node-hid README, "Opening a device").
      open: (path) => new hid.HID(path),
      devices: () => hid.devicesAsync(),
    };
  } catch (error) {
    throw explainNativeLoadFailure(error);
  }
};

export const HID_POS_USAGE_PAGE = 0x8c;
export const GENERIC_DESKTOP_PAGE = 0x01;
export const KEYBOARD_USAGE = 0x06;

export function describeHidTarget(target: HidTarget): string {
  if ('path' in target) return `hid:${target.path}`;
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  const page = target.usagePage === undefined ? '' : `:${target.usagePage.toString(16)}`;
  const iface = target.interfaceNumber === undefined ? '' : `/if${target.interfaceNumber}`;
  return `hid:${hex(target.vendorId)}:${hex(target.productId)}${page}${iface}`;
}

/** Parses "VID:PID" or "VID:PID:USAGEPAGE" in hex, as lsusb prints ids (e.g. "0c2e:0b61", "0c2e:0b61:8c"). */
export function parseVidPid(text: string): { vendorId: number; productId: number; usagePage?: number } | undefined {
  const match = /^(?:0x)?([0-9a-f]{1,4}):(?:0x)?([0-9a-f]{1,4})(?::(?:0x)?([0-9a-f]{1,4}))?$/i.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const ids = { vendorId: parseInt(match[1], 16), productId: parseInt(match[2], 16) };
  return match[3] === undefined ? ids : { ...ids, usagePage: parseInt(match[3], 16) };
}
