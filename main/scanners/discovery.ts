// Lists devices that could be scanners: every serial port, HID POS interfaces (usage page 0x8C) and HID
// keyboards (a keyboard-wedge scanner is indistinguishable from a keyboard until it scans). A missing system
// library becomes a listed problem with its fix, so the settings screen can say what to install.
import type { ScannerErrorCode } from './errors.js';
import { explainNativeLoadFailure, ScannerUnavailableError } from './errors.js';
import {
  GENERIC_DESKTOP_PAGE,
  HID_POS_USAGE_PAGE,
  KEYBOARD_USAGE,
  describeHidTarget,
  loadNodeHid,
  type HidDeviceInfo,
  type HidModuleLoader,
} from './hid-module.js';

export interface SerialPortInfoLike {
  path: string;
  manufacturer?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface ScannerCandidate {
  kind: 'serial' | 'hid-pos' | 'hid-keyboard';
  id: string;
  label: string;
  path?: string;
  vendorId?: number;
  productId?: number;
}

export interface DiscoveryResult {
  candidates: ScannerCandidate[];
  problems: { code: ScannerErrorCode; message: string }[];
}

export interface DiscoveryDeps {
  listSerial?: () => Promise<SerialPortInfoLike[]>;
  loadHid?: HidModuleLoader;
}

async function listSerialPorts(): Promise<SerialPortInfoLike[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

function serialCandidate(port: SerialPortInfoLike): ScannerCandidate {
  const usb = port.vendorId && port.productId ? ` (USB ${port.vendorId}:${port.productId})` : '';
  return { kind: 'serial', id: `serial:${port.path}`, path: port.path, label: `${port.path}${port.manufacturer ? ` ${port.manufacturer}` : ''}${usb}` };
}

function hidCandidate(device: HidDeviceInfo): ScannerCandidate | undefined {
  const kind = device.usagePage === HID_POS_USAGE_PAGE ? 'hid-pos'
    : device.usagePage === GENERIC_DESKTOP_PAGE && device.usage === KEYBOARD_USAGE ? 'hid-keyboard'
      : undefined;
  if (!kind) return undefined;
  const name = [device.manufacturer, device.product].filter(Boolean).join(' ') || 'unnamed device';
  const id = describeHidTarget({ vendorId: device.vendorId, productId: device.productId });
  const candidate: ScannerCandidate = { kind, id, label: `${id.slice(4)} ${name} (${kind})`, vendorId: device.vendorId, productId: device.productId };
  if (device.path) candidate.path = device.path;
  return candidate;
}

function asProblem(error: unknown): { code: ScannerErrorCode; message: string } {
  const reason = error instanceof ScannerUnavailableError ? error : explainNativeLoadFailure(error);
  return { code: reason.code, message: reason.message };
}

export async function discoverScanners(deps: DiscoveryDeps = {}): Promise<DiscoveryResult> {
  const result: DiscoveryResult = { candidates: [], problems: [] };
  try {
    const ports = await (deps.listSerial ?? listSerialPorts)();
    result.candidates.push(...ports.map(serialCandidate));
  } catch (error) {
    result.problems.push(asProblem(error));
  }
  try {
    const hid = await (deps.loadHid ?? loadNodeHid)();
    const seen = new Set<string>();
    for (const device of await hid.devices()) {
      const candidate = hidCandidate(device);
      const key = candidate ? `${candidate.id}:${candidate.kind}` : '';
      if (candidate && !seen.has(key)) result.candidates.push(candidate);
      seen.add(key);
    }
  } catch (error) {
    result.problems.push(asProblem(error));
  }
  return result;
}
