// Receipts on paper and the cash drawer, composed (docs/printing.md): the printer from settings (or `--printer` for
// one run), the journal's print queue, what each queued slip prints (rebuilt from the journal when it prints, so a
// slip queued before a crash prints the same after it), and the drawer. The tills' hosts and the CLI both use this.
// Nothing here can undo or hold up a payment: printing runs after the sale is paid, and every fault only queues.
import type { Locale } from '../../preload/locales.js';
import type { Settings } from '../config/settings.js';
import type { Journal } from '../journal/database.js';
import { getAttempt } from '../journal/attempt-queries.js';
import { cardFaceOfAttempt } from '../journal/card-face-query.js';
import { getDayClose } from '../journal/day-closes.js';
import { getRefund } from '../journal/refund-queries.js';
import { getPrintJob, insertDrawerOpening, type DrawerOpeningRecord, type NewPrintJob, type PrintJobRecord } from '../journal/print-jobs.js';
import type { PaymentEvent } from '../payments/payment-events.js';
import { PrintQueue, type PrintQueueState } from '../printing/print-queue.js';
import { asPrinterError, PrinterError } from '../printing/printer-errors.js';
import { parsePrinterTarget, type PrinterTarget } from '../printing/printer-target.js';
import { Printer, PrinterLane } from '../printing/printer.js';
import type { PrinterStatus } from '../printing/printer-status.js';
import { transportFor, type PrinterTransport } from '../printing/transports.js';
import { encodeDocument, type PrinterFormat } from '../receipts/escpos-encode.js';
import { refundSlip, saleReceipt, testPage, zReportSlip, type ReceiptDocument, type StoreFacts } from '../receipts/receipt-document.js';
import type { Logger } from '../shared/logger.js';
import { shiftsForZ } from '../staff/shifts.js';
import { saleView } from './views.js';

export interface PrintingOptions {
  journal: Journal;
  /** Settings as saved now: a printer chosen on the setup screen applies to the next slip. */
  settings(): Settings;
  training: boolean;
  logger: Logger;
  every(ms: number, fn: () => void): () => void;
  /** `--printer` for one run: this printer instead of the one in settings. */
  override?: PrinterTarget;
  /** Tests: a transport of their own. */
  transportFor?(target: PrinterTarget): PrinterTransport;
  onChange?(state: PrintQueueState): void;
  /** A staff id as the receipt prints it (the staff list's name); absent: the id itself. */
  nameOf?(staffId: string): string;
  /**
   * A SKU's name in Latin letters, from the catalog as loaded now (the catalog CSV's `name_latin`): what a printer
   * without CJK prints for a Chinese name. Absent, or the product since deleted from the catalog: the SKU prints.
   */
  latinNameOf?(sku: string): string | undefined;
}

const DEFAULT_FORMAT: PrinterFormat = { columns: 48, codepage: 'cp858', language: 'esc-pos', cjk: false };

export class PrintingService {
  readonly queue: PrintQueue;
  /** Every conversation with the printer, one at a time: the drawer pulse first, then the receipt. */
  private readonly lane = new PrinterLane();

  constructor(private readonly o: PrintingOptions) {
    this.queue = new PrintQueue({
      journal: o.journal, logger: o.logger, every: o.every, printer: () => this.printer(),
      render: (job, printer) => this.bytesOf(job, printer.setup.format), onChange: o.onChange,
    });
  }

  format(): PrinterFormat {
    const p = this.o.settings().printer;
    return p ? { columns: p.columns, codepage: p.codepage, language: p.language, cjk: p.cjk } : DEFAULT_FORMAT;
  }

  target(): PrinterTarget | null {
    if (this.o.override) return this.o.override;
    const p = this.o.settings().printer;
    if (!p) return null;
    try {
      return parsePrinterTarget(p.target);
    } catch (error) {
      this.o.logger.warn('settings.json printer target refused', { error: String(error) }); // the setup screen re-chooses it
      return null;
    }
  }

  printer(): Printer | null {
    const target = this.target();
    if (!target) return null;
    return new Printer({ transport: (this.o.transportFor ?? transportFor)(target), format: this.format(), timeoutMs: this.o.settings().printer?.timeoutMs ?? 5_000, lane: this.lane });
  }

  storeFacts(): StoreFacts {
    const s = this.o.settings();
    return { name: s.storeName, address: s.storeAddress, terminalId: s.terminalId, gstNumber: s.gstNumber ?? null, qstNumber: s.qstNumber ?? null, timeZone: s.storeTimeZone, training: this.o.training };
  }

  /** The document a job prints, in the store's language unless a screen asks for its own. */
  documentOf(job: Pick<PrintJobRecord, 'kind' | 'saleId' | 'refundId' | 'zNumber' | 'reprint'>, locale: Locale = this.o.settings().locale, printedAt = this.o.journal.clock.now()): ReceiptDocument {
    const options = { locale, printedAt, reprint: job.reprint };
    const sale = () => {
      const view = saleView(this.o.journal, job.saleId ?? 0);
      const lines = view.lines.map((l) => {
        const nameLatin = this.o.latinNameOf?.(l.sku);
        return nameLatin ? { ...l, nameLatin } : l;
      });
      // A card tender's brand and last 4, as journaled from IOTPay's answer: "Visa ****4242" (docs/printing.md).
      const attempts = view.attempts.map((a) => {
        const card = a.tender === 'card' ? cardFaceOfAttempt(this.o.journal, a.id) : null;
        return card ? { ...a, card } : a;
      });
      return { ...view, lines, attempts, cashier: this.o.nameOf?.(view.cashier) ?? view.cashier };
    };
    switch (job.kind) {
      case 'sale': return saleReceipt(this.storeFacts(), sale(), options);
      case 'refund': return refundSlip(this.storeFacts(), sale(), job.refundId ?? 0, options);
      case 'z-report': return zReportSlip(this.storeFacts(), zReportOf(this.o.journal, job.zNumber ?? 0, (id) => this.o.nameOf?.(id) ?? id), options);
      case 'test': return testPage(this.storeFacts(), { columns: this.format().columns, codepage: this.format().codepage }, options);
    }
  }

  private bytesOf(job: PrintJobRecord, format: PrinterFormat): Uint8Array {
    return encodeDocument(this.documentOf(job), format);
  }

  job(id: number): PrintJobRecord {
    return getPrintJob(this.o.journal, id);
  }

  enqueue(job: NewPrintJob): PrintJobRecord {
    return this.queue.enqueue(job);
  }

  /** The setup screen's test page: printed now, not queued, so the manager sees the fault at once. */
  async printTestPage(): Promise<void> {
    const printer = this.printer();
    if (!printer) throw new PrinterError('not-configured', 'no receipt printer is set up');
    await printer.print(encodeDocument(this.documentOf({ kind: 'test', saleId: null, refundId: null, zNumber: null, reprint: false }), printer.setup.format));
  }

  /**
   * The drawer pulse, journaled with who and why whether or not it reached the printer ('sent', or the fault).
   * Never queued: a drawer that springs open minutes later, when the printer is back, is worse than none.
   */
  async openDrawer(input: { openedBy: string; approvedBy: string | null; reason: string; saleId: number | null }): Promise<DrawerOpeningRecord> {
    const printer = this.printer();
    let result = 'sent';
    if (!printer) result = 'not-configured';
    else if (this.o.settings().printer?.drawer === false) result = 'no-drawer';
    else {
      try {
        await printer.kickDrawer();
      } catch (error) {
        result = asPrinterError(error).fault;
        this.o.logger.warn('drawer pulse not sent', { reason: String(error) });
      }
    }
    return insertDrawerOpening(this.o.journal, { ...input, result });
  }

  /** The printer's status and the drawer's switch, where the printer reports them (DLE EOT); null where it cannot. */
  async status(): Promise<{ status: PrinterStatus | null; fault: string | null }> {
    const printer = this.printer();
    if (!printer) return { status: null, fault: 'not-configured' };
    try {
      return { status: await printer.status(), fault: null };
    } catch (error) {
      return { status: null, fault: asPrinterError(error).fault };
    }
  }

  /** From the payment engine: a cash tender opens the drawer; a sale paid queues its receipt once, a refund its slip once. */
  onPaymentEvent(e: PaymentEvent): void {
    try {
      // A terminal with no printer set up prints nothing: its receipts are on the screen only (nothing waits).
      if (!this.target()) return;
      if (e.type === 'attempt' && e.state === 'succeeded' && e.channel === 'CASH') {
        const cashier = saleView(this.o.journal, e.saleId).cashier;
        void this.openDrawer({ openedBy: cashier, approvedBy: null, reason: 'cash-sale', saleId: e.saleId }).catch((error: unknown) => this.o.logger.error('drawer opening not journaled', { error: String(error) }));
      }
      if (e.type === 'refund' && e.state === 'succeeded' && !this.refundSlipQueued(e.refundId)) {
        const saleId = getAttempt(this.o.journal, e.attemptId).saleId;
        this.enqueue({ kind: 'refund', saleId, refundId: e.refundId, requestedBy: getRefund(this.o.journal, e.refundId).approvedBy });
      }
      if (e.type === 'sale' && e.status === 'paid' && !this.receiptQueued(e.saleId)) {
        this.enqueue({ kind: 'sale', saleId: e.saleId, requestedBy: saleView(this.o.journal, e.saleId).cashier });
      }
    } catch (error) {
      // The payment is journaled and final; a receipt that could not be queued is reprinted from the manager screen.
      this.o.logger.error('receipt not queued', { event: e.type, error: String(error) });
    }
  }

  /**
   * The day close just took Z `zNumber`: with a printer set up, its slip is queued once (docs/printing.md "The Z at
   * the close"). Never throws: the Z is taken and final; a slip that could not be queued is printed from the button.
   */
  queueZAtClose(zNumber: number, requestedBy: string): PrintJobRecord | null {
    try {
      if (!this.target() || this.zQueued(zNumber)) return null;
      return this.enqueue({ kind: 'z-report', zNumber, requestedBy });
    } catch (error) {
      this.o.logger.error('Z report not queued', { zNumber, error: String(error) });
      return null;
    }
  }

  /** Whether Z `zNumber` was already queued once (not as a reprint): the button then prints a copy marked REPRINT. */
  zQueued(zNumber: number): boolean {
    return this.o.journal.statement(`SELECT 1 FROM print_jobs WHERE kind = 'z-report' AND z_number = ? AND reprint = 0`).get(zNumber) !== undefined;
  }

  private refundSlipQueued(refundId: number): boolean {
    return this.o.journal.statement(`SELECT 1 FROM print_jobs WHERE kind = 'refund' AND refund_id = ?`).get(refundId) !== undefined;
  }

  /** Sale `saleId`'s receipt is on its way: queued (no fault yet) or printed. Skipped, faulted or never queued: no. */
  receiptOnPaper(saleId: number): boolean {
    return this.o.journal.statement(`SELECT 1 FROM print_jobs WHERE kind = 'sale' AND sale_id = ? AND reprint = 0 AND (state = 'printed' OR (state = 'queued' AND fault IS NULL))`).get(saleId) !== undefined;
  }

  private receiptQueued(saleId: number): boolean {
    return this.o.journal.statement(`SELECT 1 FROM print_jobs WHERE kind = 'sale' AND sale_id = ? AND reprint = 0`).get(saleId) !== undefined;
  }
}

/**
 * A stored Z as the slip prints it (main/reports/day-close.ts stores its totals and parked sales as JSON), with the
 * shifts it covers (main/staff/shifts.ts `shiftsForZ`, by name), the same the Close day screen lists.
 */
function zReportOf(journal: Journal, zNumber: number, nameOf: (staffId: string) => string) {
  const z = getDayClose(journal, zNumber);
  type Slip = Parameters<typeof zReportSlip>[1];
  const stored = JSON.parse(z.totalsJson) as { totals?: { register?: unknown }; parkedSales?: unknown };
  const register = Array.isArray(stored.totals?.register) ? (stored.totals.register as Slip['register']) : [];
  const parked = Array.isArray(stored.parkedSales) ? (stored.parkedSales as NonNullable<Slip['parkedSales']>) : [];
  const shifts = shiftsForZ(journal, zNumber).map((s) => ({
    id: s.id, currency: s.currency, openedBy: nameOf(s.openedBy), closedBy: s.closedBy === null ? null : nameOf(s.closedBy),
    expectedCents: s.expectedCents, countedCents: s.countedCents, varianceCents: s.varianceCents,
    varianceApprovedBy: s.varianceApprovedBy === null ? null : nameOf(s.varianceApprovedBy),
  }));
  return {
    zNumber: z.zNumber, storeDay: z.storeDay, expectedCashCents: z.expectedCashCents, countedCashCents: z.countedCashCents, differenceCents: z.differenceCents,
    cashCurrency: z.cashCurrency, eventCount: z.eventCount, headHash: z.headHash, register,
    parkedSales: parked.map((p) => ({ ...p, cashier: nameOf(p.cashier) })), shifts,
  };
}
