// One printer: its transport, its format (columns, code page, language, CJK), and the three things the till asks
// of it: print a slip, kick the drawer, say how it is. Every call opens the transport, asks the status first where
// the printer answers it (DLE EOT, printer-status.ts), sends, asks again, and closes; any fault is a PrinterError
// with a fault the queue keeps (print-queue.ts). Nothing here retries: the queue decides when to try again.
import type { PrinterFormat } from '../receipts/escpos-encode.js';
import { encodeDrawerKick } from '../receipts/escpos-encode.js';
import { PrinterError } from './printer-errors.js';
import { DLE_EOT, faultOf, isStatusByte, parseStatus, type PrinterStatus } from './printer-status.js';
import type { PrinterConnection, PrinterTransport } from './transports.js';

export interface PrinterSetup {
  transport: PrinterTransport;
  format: PrinterFormat;
  /** How long one step (connect, a status answer, a write) may take before the try is a timeout. */
  timeoutMs: number;
  /** One conversation with the printer at a time (a drawer pulse and a receipt must not interleave). */
  lane?: PrinterLane;
}

/**
 * Runs printer conversations one after the other, in the order they were asked for: a network printer serves one
 * connection at a time, and the drawer pulse asked for first must reach it before the receipt.
 */
export class PrinterLane {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined); // a failed conversation does not stop the next one
    return next;
  }
}

async function readStatusByte(conn: PrinterConnection, n: 1 | 2 | 4, timeoutMs: number): Promise<number> {
  await conn.write(Uint8Array.from(DLE_EOT(n)));
  const [b = 0] = await conn.read(1, timeoutMs);
  if (!isStatusByte(b)) throw new PrinterError('offline', `the printer answered 0x${b.toString(16)} to a status request`);
  return b;
}

/** StarPRNT printers report status their own way (ASB), which is not read here: they print without a status check. */
async function statusOn(conn: PrinterConnection, timeoutMs: number, language: string): Promise<PrinterStatus | null> {
  if (!conn.answersStatus || language !== 'esc-pos') return null;
  const printer = await readStatusByte(conn, 1, timeoutMs);
  const cause = await readStatusByte(conn, 2, timeoutMs);
  const paper = await readStatusByte(conn, 4, timeoutMs);
  return parseStatus(printer, cause, paper);
}

function refuseIfFaulty(status: PrinterStatus | null): void {
  const fault = status ? faultOf(status) : null;
  if (fault) throw new PrinterError(fault, `the printer reports ${fault}`);
}

export class Printer {
  constructor(readonly setup: PrinterSetup) {}

  private session<T>(work: (conn: PrinterConnection) => Promise<T>): Promise<T> {
    const talk = () => this.talk(work);
    return this.setup.lane ? this.setup.lane.run(talk) : talk();
  }

  private async talk<T>(work: (conn: PrinterConnection) => Promise<T>): Promise<T> {
    const conn = await this.setup.transport.open(this.setup.timeoutMs);
    try {
      return await work(conn);
    } finally {
      await conn.close().catch(() => undefined); // closing a connection that already failed has nothing to add
    }
  }

  /** Sends a slip. Resolves once the printer took it and still reports no fault; else a PrinterError. */
  print(bytes: Uint8Array): Promise<{ status: PrinterStatus | null }> {
    return this.session(async (conn) => {
      refuseIfFaulty(await statusOn(conn, this.setup.timeoutMs, this.setup.format.language));
      await conn.write(bytes);
      // Asked again after the slip: paper that ran out mid-slip means the slip is not whole, and stays queued.
      const after = await statusOn(conn, this.setup.timeoutMs, this.setup.format.language);
      refuseIfFaulty(after);
      return { status: after };
    });
  }

  /** The drawer pulse on its own (pin 2). The printer's faults do not stop a drawer, so only the connection can. */
  kickDrawer(): Promise<void> {
    return this.session(async (conn) => {
      await conn.write(encodeDrawerKick(this.setup.format));
      if (conn.answersStatus && this.setup.format.language === 'esc-pos') await readStatusByte(conn, 1, this.setup.timeoutMs);
    });
  }

  /** The printer's status, or null where it answers none (a USB device file, StarPRNT). */
  status(): Promise<PrinterStatus | null> {
    return this.session((conn) => statusOn(conn, this.setup.timeoutMs, this.setup.format.language));
  }
}
