// Printers the setup screen can offer: serial ports (serialport's list, as the scanners' discovery uses) and the
// kernel's USB printer device files (/dev/usb/lp*, the usblp driver). Network printers are typed as host:port.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface PrinterCandidates {
  serial: Array<{ path: string; label: string }>;
  usb: Array<{ path: string }>;
}

export interface PrinterDiscoveryDeps {
  listSerial?: () => Promise<Array<{ path: string; manufacturer?: string; vendorId?: string; productId?: string }>>;
  usbDir?: string;
}

async function listSerialPorts() {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

function usbPrinters(usbDir: string): PrinterCandidates['usb'] {
  try {
    return readdirSync(usbDir).filter((name) => /^lp\d+$/.test(name)).sort().map((name) => ({ path: join(usbDir, name) }));
  } catch {
    return []; // no /dev/usb: no USB printer is plugged in (or the usblp driver is not loaded)
  }
}

export async function discoverPrinters(deps: PrinterDiscoveryDeps = {}): Promise<PrinterCandidates> {
  // No serial support here (the native binding did not load): only USB and network printers are offered.
  const ports = await (deps.listSerial ?? listSerialPorts)().catch(() => []);
  const serial = ports.map((p) => ({ path: p.path, label: [p.path, p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : ''].filter(Boolean).join(' · ') }));
  return { serial, usb: usbPrinters(deps.usbDir ?? '/dev/usb') };
}
