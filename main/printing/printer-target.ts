// Where a printer is, as settings.json stores it and as `--printer` names it for one run:
//   tcp://HOST:PORT (raw TCP, port 9100 by default), serial:PATH[@BAUD], usb:PATH (the kernel's usblp device file).
export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'usb'; path: string };

export const RAW_PRINT_PORT = 9100;
const BAUDS = new Set([9600, 19200, 38400, 57600, 115200]);

export class PrinterTargetError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'PrinterTargetError';
  }
}

export function parsePrinterTarget(text: string): PrinterTarget {
  const s = text.trim();
  const tcp = /^tcp:\/\/(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?\/?$/.exec(s);
  if (tcp) {
    const port = tcp[2] ? Number(tcp[2]) : RAW_PRINT_PORT;
    if (port < 1 || port > 65535) throw new PrinterTargetError(`printer port ${port} is not 1-65535`);
    return { kind: 'tcp', host: (tcp[1] as string).replace(/^\[|\]$/g, ''), port };
  }
  const serial = /^serial:(\/[^@]+)(?:@(\d+))?$/.exec(s);
  if (serial) {
    const baudRate = serial[2] ? Number(serial[2]) : 9600;
    if (!BAUDS.has(baudRate)) throw new PrinterTargetError(`baud rate ${baudRate} is not one of ${[...BAUDS].join(', ')}`);
    return { kind: 'serial', path: serial[1] as string, baudRate };
  }
  const usb = /^usb:(\/.+)$/.exec(s);
  if (usb) return { kind: 'usb', path: usb[1] as string };
  // host:port, as a person types it on the setup screen.
  const hostPort = /^([A-Za-z0-9.-]+):(\d{1,5})$/.exec(s);
  if (hostPort) return parsePrinterTarget(`tcp://${s}`);
  throw new PrinterTargetError(`"${text}" is not a printer: use tcp://HOST:PORT, serial:PATH[@BAUD] or usb:PATH`);
}

export function describePrinterTarget(t: PrinterTarget): string {
  switch (t.kind) {
    case 'tcp': return `tcp://${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
    case 'serial': return `serial:${t.path}@${t.baudRate}`;
    case 'usb': return `usb:${t.path}`;
  }
}
