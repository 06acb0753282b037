// The print queue (docs/printing.md "The queue"): a slip is a journal row before it is bytes, printed oldest first,
// and leaves the queue only as printed (the printer took it and reported no fault) or skipped (a cashier chose so).
// A fault stops the queue at that slip, is journaled (once per different fault), told to the screens, and retried
// on a timer, when another slip is queued, or when a cashier asks. Nothing here touches a payment: a sale is paid
// whether or not its receipt ever prints. After a crash the queued rows are still there and print at the next start.
import type { PrintFault } from '../../preload/printer-options.js';
import type { Journal } from '../journal/database.js';
import { insertPrintJob, markPrintJobFault, markPrintJobPrinted, markPrintJobSkipped, queuedPrintJobCount, queuedPrintJobs, type NewPrintJob, type PrintJobRecord } from '../journal/print-jobs.js';
import type { Logger } from '../shared/logger.js';
import { asPrinterError, PrinterError } from './printer-errors.js';
import type { Printer } from './printer.js';

export interface PrintQueueState {
  pending: number;
  /** The fault of the slip at the head of the queue, while it cannot print. */
  fault: PrintFault | null;
  jobs: Array<Pick<PrintJobRecord, 'id' | 'kind' | 'saleId' | 'refundId' | 'zNumber' | 'reprint' | 'fault' | 'createdAt'>>;
}

export interface PrintQueueDeps {
  journal: Journal;
  /** The printer as configured now; null when none is set up (slips wait, with fault not-configured). */
  printer(): Printer | null;
  /** The job's bytes for this printer (the document is rebuilt from the journal at print time). */
  render(job: PrintJobRecord, printer: Printer): Uint8Array;
  logger: Logger;
  /** Runs `fn` every `ms` (main/payments/timers.ts `every`); returns its stop. */
  every(ms: number, fn: () => void): () => void;
  retryMs?: number;
  onChange?(state: PrintQueueState): void;
}

export class PrintQueue {
  private running: Promise<PrintQueueState> | undefined;
  private again = false;
  private stopTimer: (() => void) | undefined;
  /** Set by stop(): no new pass starts, so nothing writes to a journal that is about to close. */
  private stopped = false;

  constructor(private readonly deps: PrintQueueDeps) {}

  /** Retries what waits, on a timer, from now on (the first try right away: slips queued before a restart). */
  start(): void {
    this.stopped = false;
    this.stopTimer ??= this.deps.every(this.deps.retryMs ?? 20_000, () => {
      if (this.pending() > 0) this.printInBackground();
    });
    if (this.pending() > 0) this.printInBackground();
  }

  /** Stops the retries and waits for a pass in progress, so the journal can be closed after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopTimer?.();
    this.stopTimer = undefined;
    await this.running?.catch(() => undefined);
  }

  pending(): number {
    return queuedPrintJobCount(this.deps.journal);
  }

  state(): PrintQueueState {
    const jobs = queuedPrintJobs(this.deps.journal);
    return {
      pending: jobs.length,
      fault: (jobs[0]?.fault as PrintFault | null | undefined) ?? null,
      jobs: jobs.map(({ id, kind, saleId, refundId, zNumber, reprint, fault, createdAt }) => ({ id, kind, saleId, refundId, zNumber, reprint, fault, createdAt })),
    };
  }

  /** Journals the slip, then starts printing it (and anything before it) without waiting. */
  enqueue(input: NewPrintJob): PrintJobRecord {
    const job = insertPrintJob(this.deps.journal, input);
    this.changed();
    this.printInBackground();
    return job;
  }

  /** The cashier gives up on a queued slip: it leaves the queue, journaled with who. */
  skip(jobId: number, by: string): void {
    markPrintJobSkipped(this.deps.journal, jobId, by);
    this.changed();
    this.printInBackground();
  }

  /** A pass nobody awaits: the slip stays journaled and queued whatever happens, so a failure is logged, not thrown. */
  printInBackground(): void {
    this.pump().catch((error: unknown) => this.deps.logger.error('print queue pass failed; the slips stay queued', { error: error instanceof Error ? error.message : String(error) }));
  }

  /** Prints what is queued, oldest first, stopping at the first fault. Calls made while it runs join one more pass. */
  pump(): Promise<PrintQueueState> {
    if (this.stopped) return Promise.resolve(this.state());
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.printAll();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      return this.state();
    })();
    return this.running;
  }

  private async printAll(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const [job] = queuedPrintJobs(this.deps.journal);
      if (!job) return;
      const printer = this.deps.printer();
      try {
        if (!printer) throw new PrinterError('not-configured', 'no receipt printer is set up');
        await printer.print(this.deps.render(job, printer));
        markPrintJobPrinted(this.deps.journal, job.id);
        this.changed();
      } catch (error) {
        const e = asPrinterError(error);
        this.deps.logger.warn('slip not printed; it stays queued', { job: job.id, fault: e.fault, reason: e.message });
        markPrintJobFault(this.deps.journal, job.id, e.fault);
        this.changed();
        return;
      }
    }
  }

  private changed(): void {
    try {
      this.deps.onChange?.(this.state());
    } catch (error) {
      this.deps.logger.warn('print queue listener failed', { error: String(error) }); // a screen's listener must not stop printing
    }
  }
}
