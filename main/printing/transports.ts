// How bytes reach a printer: raw TCP (port 9100), a serial port (serialport, as the scanners use), or the USB
// printer class device file (/dev/usb/lp0, the kernel's usblp). Each is a PrinterTransport, a parameter of the
// printer (printer.ts), so tests drive the real code over a real TCP listener, a real pty pair or a real file.
import { constants } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { SerialPort } from 'serialport';
import type { PrinterTarget } from './printer-target.js';
import { PrinterError } from './printer-errors.js';

export interface PrinterConnection {
  write(bytes: Uint8Array): Promise<void>;
  /** The next `n` bytes the printer sends, or PrinterError('timeout') after `timeoutMs`. */
  read(n: number, timeoutMs: number): Promise<Uint8Array>;
  close(): Promise<void>;
  /** The printer answers status requests (DLE EOT) on this connection. */
  readonly answersStatus: boolean;
}

export interface PrinterTransport {
  readonly target: PrinterTarget;
  open(timeoutMs: number): Promise<PrinterConnection>;
}

/** Bytes the printer sent, handed to readers in order. */
class Inbox {
  private buffered: number[] = [];
  private waiter: (() => void) | undefined;
  private ended = false;

  push(chunk: Uint8Array): void {
    this.buffered.push(...chunk);
    this.waiter?.();
  }

  end(): void {
    this.ended = true;
    this.waiter?.();
  }

  async read(n: number, timeoutMs: number): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (this.buffered.length < n) {
      if (this.ended) throw new PrinterError('offline', 'the printer closed the connection');
      const left = deadline - Date.now();
      if (left <= 0) throw new PrinterError('timeout', `the printer did not answer within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
    return Uint8Array.from(this.buffered.splice(0, n));
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrinterError('timeout', `${what} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function tcpTransport(target: Extract<PrinterTarget, { kind: 'tcp' }>): PrinterTransport {
  return {
    target,
    async open(timeoutMs) {
      const socket = new Socket();
      const inbox = new Inbox();
      socket.on('data', (d: Buffer) => inbox.push(d));
      socket.on('close', () => inbox.end());
      socket.on('error', () => inbox.end());
      await withTimeout(new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', (e: NodeJS.ErrnoException) => reject(new PrinterError('offline', `no printer answers at ${target.host}:${target.port} (${e.code ?? e.message})`)));
        socket.connect(target.port, target.host);
      }), timeoutMs, 'connecting to the printer').catch((e: unknown) => {
        socket.destroy();
        throw e;
      });
      return {
        answersStatus: true,
        write: (bytes) => withTimeout(new Promise<void>((resolve, reject) => socket.write(bytes, (e) => (e ? reject(new PrinterError('offline', e.message)) : resolve()))), timeoutMs, 'sending to the printer'),
        read: (n, ms) => inbox.read(n, ms),
        close: async () => {
          await new Promise<void>((resolve) => socket.end(resolve));
          socket.destroy();
        },
      };
    },
  };
}

export function serialTransport(target: Extract<PrinterTarget, { kind: 'serial' }>): PrinterTransport {
  return {
    target,
    async open(timeoutMs) {
      let SerialPortCtor: typeof SerialPort;
      try {
        SerialPortCtor = (await import('serialport')).SerialPort;
      } catch (e) {
        throw new PrinterError('offline', `serial ports cannot be opened here (${(e as Error).message})`);
      }
      const port = new SerialPortCtor({ path: target.path, baudRate: target.baudRate, autoOpen: false });
      const inbox = new Inbox();
      port.on('data', (d: Buffer) => inbox.push(d));
      port.on('close', () => inbox.end());
      port.on('error', () => inbox.end()); // a pulled cable: the read in progress fails, nothing crashes
      await withTimeout(new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(new PrinterError('offline', `cannot open ${target.path} (${e.message})`)) : resolve()))), timeoutMs, 'opening the serial port');
      return {
        answersStatus: true,
        write: (bytes) => withTimeout(new Promise<void>((resolve, reject) => {
          port.write(Buffer.from(bytes), (e) => (e ? reject(new PrinterError('offline', e.message)) : port.drain((d) => (d ? reject(new PrinterError('offline', d.message)) : resolve()))));
        }), timeoutMs, 'sending to the printer'),
        read: (n, ms) => inbox.read(n, ms),
        close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
      };
    },
  };
}

/**
 * The usblp device file is written like a file; its status is read through the kernel (LPGETSTATUS), which Node
 * cannot call, so it answers no DLE EOT here: paper out shows as a write that fails or does not finish in time.
 */
export function usbFileTransport(target: Extract<PrinterTarget, { kind: 'usb' }>): PrinterTransport {
  return {
    target,
    async open(timeoutMs) {
      // Write-only, appending, never created: a missing device is a printer that is not there, not a new file.
      const handle = await withTimeout(openFile(target.path, constants.O_WRONLY | constants.O_APPEND), timeoutMs, 'opening the printer device').catch((e: unknown) => {
        if (e instanceof PrinterError) throw e;
        throw new PrinterError('offline', `cannot open ${target.path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      });
      return {
        answersStatus: false,
        write: async (bytes) => {
          await withTimeout(handle.write(bytes), timeoutMs, 'sending to the printer').catch((e: unknown) => {
            if (e instanceof PrinterError) throw e;
            const code = (e as NodeJS.ErrnoException).code;
            // usblp answers ENOSPC when the printer reports paper out.
            throw new PrinterError(code === 'ENOSPC' ? 'paper-out' : 'offline', `writing ${target.path} failed (${code ?? String(e)})`);
          });
        },
        read: () => Promise.reject(new PrinterError('timeout', 'a USB device file answers no status')),
        close: () => handle.close(),
      };
    },
  };
}

export function transportFor(target: PrinterTarget): PrinterTransport {
  switch (target.kind) {
    case 'tcp': return tcpTransport(target);
    case 'serial': return serialTransport(target);
    case 'usb': return usbFileTransport(target);
  }
}
