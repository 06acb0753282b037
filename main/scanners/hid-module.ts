// The slice of node-hid the scanners use, loaded lazily: node-hid's prebuilt binary links libusb-1.0, and a
// static import would crash main at start-up on a till without it (TOOLCHAIN.md §1). Loading on demand turns
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
}

/** node-hid's event interface on an open device; tests pass a stand-in with the same shape. */
export interface HidDeviceLike {
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): void;
}

export type HidTarget = { vendorId: number; productId: number } | { path: string };

export interface HidModuleLike {
  open(target: HidTarget): HidDeviceLike;
  devices(): Promise<HidDeviceInfo[]>;
}

export type HidModuleLoader = () => Promise<HidModuleLike>;

export const loadNodeHid: HidModuleLoader = async () => {
  try {
    const hid = await import('node-hid');
    return {
      open: (target) => ('path' in target ? new hid.HID(target.path) : new hid.HID(target.vendorId, target.productId)),
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
  return `hid:${hex(target.vendorId)}:${hex(target.productId)}`;
}

/** Parses "VID:PID" in hex, as lsusb prints it (e.g. "0c2e:0b61"). */
export function parseVidPid(text: string): { vendorId: number; productId: number } | undefined {
  const match = /^(?:0x)?([0-9a-f]{1,4}):(?:0x)?([0-9a-f]{1,4})$/i.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { vendorId: parseInt(match[1], 16), productId: parseInt(match[2], 16) };
}
