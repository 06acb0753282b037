// A network receipt printer for tests: a real TCP listener on 127.0.0.1 that keeps every byte it is sent and
// answers ESC/POS real-time status requests (DLE EOT 1/2/4) the way a printer does. Its faults are switched by the
// test: `paper-out` and `cover-open` answer those status bits, `stall` accepts and then never answers, and
// `close()` leaves the port refusing connections. The same emulator plays a serial printer on a pty (attachPty).
import { createServer, type Server, type Socket } from 'node:net';

export type PrinterMode = 'ok' | 'paper-out' | 'cover-open' | 'stall' | 'offline';

const READY = { 1: 0x12, 2: 0x12, 4: 0x12 } as const;

function statusAnswer(mode: PrinterMode, n: number, drawerOpen: boolean): number {
  const base = READY[n as 1 | 2 | 4] ?? 0x12;
  if (n === 1) return base | (mode === 'ok' ? 0 : 0x08) | (drawerOpen ? 0x04 : 0);
  if (n === 2) return base | (mode === 'cover-open' ? 0x04 : 0) | (mode === 'paper-out' ? 0x20 : 0);
  if (n === 4) return base | (mode === 'paper-out' ? 0x60 : 0);
  return base;
}

/** Splits what came in into status requests (answered) and everything else (kept as the printout). */
class PrinterEmulator {
  readonly captured: number[] = [];
  readonly jobs: Uint8Array[] = [];
  mode: PrinterMode = 'ok';
  drawerOpen = false;
  private current: number[] = [];

  take(chunk: Uint8Array, answer: (byte: number) => void): void {
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk[i] as number;
      if (c === 0x10 && chunk[i + 1] === 0x04 && chunk[i + 2] !== undefined) {
        if (this.mode !== 'stall') answer(statusAnswer(this.mode, chunk[i + 2] as number, this.drawerOpen));
        i += 2;
        continue;
      }
      this.captured.push(c);
      this.current.push(c);
    }
  }

  endJob(): void {
    if (this.current.length > 0) this.jobs.push(Uint8Array.from(this.current));
    this.current = [];
  }
}

export interface PrinterListener {
  port: number;
  url: string;
  /** Every byte received except status requests, across connections. */
  bytes(): Uint8Array;
  /** What each connection sent (status requests left out), in order. */
  jobs(): Uint8Array[];
  setMode(mode: PrinterMode): void;
  setDrawerOpen(open: boolean): void;
  connections(): number;
  /** Resolves once `n` connections have closed with something printed. */
  waitForJobs(n: number, timeoutMs?: number): Promise<Uint8Array[]>;
  clear(): void;
  close(): Promise<void>;
}

export async function startPrinterListener(mode: PrinterMode = 'ok'): Promise<PrinterListener> {
  const printer = new PrinterEmulator();
  printer.mode = mode;
  let connections = 0;
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('data', (d: Buffer) => printer.take(d, (b) => socket.write(Uint8Array.of(b))));
    socket.on('close', () => {
      sockets.delete(socket);
      printer.endJob();
      for (const w of waiters) w();
    });
    socket.on('error', () => undefined); // the client went away mid-job: what came is kept, nothing to answer
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `tcp://127.0.0.1:${port}`,
    bytes: () => Uint8Array.from(printer.captured),
    jobs: () => [...printer.jobs],
    setMode: (m) => void (printer.mode = m),
    setDrawerOpen: (o) => void (printer.drawerOpen = o),
    connections: () => connections,
    waitForJobs: (n, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (printer.jobs.length >= n) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve([...printer.jobs]);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the printer got ${printer.jobs.length} jobs, not ${n}, within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    clear: () => {
      printer.captured.length = 0;
      printer.jobs.length = 0;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Plays the printer on the far end of a pty pair (test/support/pty-pair.ts): reads what the app sends, answers status. */
export async function attachPtyPrinter(path: string, mode: PrinterMode = 'ok'): Promise<{ bytes(): Uint8Array; setMode(m: PrinterMode): void; close(): Promise<void> }> {
  const { SerialPort } = await import('serialport');
  const printer = new PrinterEmulator();
  printer.mode = mode;
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  port.on('data', (d: Buffer) => printer.take(d, (b) => port.write(Buffer.of(b))));
  return {
    bytes: () => Uint8Array.from(printer.captured),
    setMode: (m) => void (printer.mode = m),
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
