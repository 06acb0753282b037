// Lists devices that could be scanners: every serial port, HID POS interfaces (usage page 0x8C) and HID
// keyboards (a keyboard-wedge scanner is indistinguishable from a keyboard until it scans). HID devices are
// listed per interface (path, usage page, usage, interface number), because a combined scanner has both under
// one VID:PID; the one the driver opens by default is marked. A missing system library becomes a listed
// problem with its fix, so the settings screen can say what to install.
import type { ScannerErrorCode } from './errors.js';
import { explainNativeLoadFailure, ScannerUnavailableError } from './errors.js';
import { chooseHidInterface, describeHidInterface, hidInterfaces, isKeyboardInterface, isPosInterface, type HidInterface } from './hid-interface.js';
import { describeHidTarget, loadNodeHid, type HidDeviceInfo, type HidModuleLoader } from './hid-module.js';

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
  /** HID only: the interface this candidate is. */
  usagePage?: number;
  usage?: number;
  interfaceNumber?: number;
  /** HID only: the interface the driver opens when settings name just the VID:PID. */
  preferred?: boolean;
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

function preferredPath(devices: readonly HidDeviceInfo[], iface: HidInterface): string | undefined {
  try {
    return chooseHidInterface(devices, { vendorId: iface.vendorId, productId: iface.productId }).iface.path;
  } catch {
    return undefined; // no POS or keyboard interface: nothing is opened by default, so nothing is marked
  }
}

function hidCandidate(devices: readonly HidDeviceInfo[], iface: HidInterface): ScannerCandidate | undefined {
  const kind = isPosInterface(iface) ? 'hid-pos' : isKeyboardInterface(iface) ? 'hid-keyboard' : undefined;
  if (!kind) return undefined;
  const info = devices.find((d) => d.path === iface.path);
  const name = [info?.manufacturer, info?.product].filter(Boolean).join(' ') || 'unnamed device';
  const id = describeHidTarget({ vendorId: iface.vendorId, productId: iface.productId, usagePage: iface.usagePage });
  const preferred = preferredPath(devices, iface) === iface.path;
  const candidate: ScannerCandidate = {
    kind, id, path: iface.path, vendorId: iface.vendorId, productId: iface.productId, preferred,
    label: `${id.slice(4)} ${name} ${describeHidInterface(iface)}${preferred ? ' default' : ''}`,
  };
  if (iface.usagePage !== undefined) candidate.usagePage = iface.usagePage;
  if (iface.usage !== undefined) candidate.usage = iface.usage;
  if (iface.interfaceNumber !== undefined && iface.interfaceNumber >= 0) candidate.interfaceNumber = iface.interfaceNumber;
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
    const devices = await hid.devices();
    for (const iface of hidInterfaces(devices)) {
      const candidate = hidCandidate(devices, iface);
      if (candidate) result.candidates.push(candidate);
    }
  } catch (error) {
    result.problems.push(asProblem(error));
  }
  return result;
}
