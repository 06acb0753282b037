// The payment engine: the one object main hands to IPC handlers and the admin command line. It owns the
// waits at the till (so a cashier can cancel them), the reconciler timer, and the event stream for the UI.
import type { Currency } from '../../preload/currencies.js';
import type { IotPayClient } from '../iotpay/client.js';
import type { Journal } from '../journal/database.js';
import type { AttemptRecord, RefundRecord } from '../journal/payment-records.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { startCardPayment, confirmCard, type CardCharge, type CardStart } from './card.js';
import { payCash, type CashPayment } from './cash.js';
import { trySettle } from './attempt-moves.js';
import { CheckSchedule } from './check-schedule.js';
import { Connectivity } from './connectivity.js';
import { chargeByQr, type QrCharge } from './customer-qr.js';
import { chargeByScan, type ScanCharge } from './merchant-scan.js';
import type { PaymentContext, PaymentTimings } from './payment-context.js';
import { PaymentEventBus, type PaymentListener } from './payment-events.js';
import { reconcileOnce, type ReconcileReport } from './reconciler.js';
import { refundPayment, type RefundRequest } from './refunds.js';
import { exchangeLines, quoteLineExchange, quoteLineReturn, returnLines, type ExchangeResult, type LineReturnResult } from './returns.js';
import type { ExchangeQuote, NewExchange } from '../journal/exchanges.js';
import type { NewReceiptReturn, ReturnQuote } from '../journal/returns.js';
import { releaseAttempt, resolveLateSuccess, type LateSuccessResolution } from './late-success.js';
import type { Timers } from './timers.js';
import { WaitControl, type WaitSignals } from './wait-signals.js';

export interface PaymentEngineDeps {
  journal: Journal;
  client: IotPayClient;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  timings: PaymentTimings;
  currency: Currency;
}

export class PaymentEngine {
  private readonly ctx: PaymentContext;
  private readonly waits = new Map<number, WaitControl>();
  private stopTimer: (() => void) | undefined;
  private reconciling: Promise<ReconcileReport> | undefined;

  constructor(deps: PaymentEngineDeps) {
    const events = new PaymentEventBus(deps.logger);
    const schedule = new CheckSchedule(deps.clock, deps.timings.reconcileEveryMs, deps.timings.reconcileBackoffMaxMs);
    this.ctx = { ...deps, events, connectivity: new Connectivity(events), schedule };
  }

  subscribe(listener: PaymentListener): () => void {
    return this.ctx.events.subscribe(listener);
  }

  isOnline(): boolean {
    return this.ctx.connectivity.isOnline();
  }

  /** Resolves with the final (or expired) attempt; `onStarted` sees it as soon as it is journaled. */
  chargeByScan(charge: ScanCharge, onStarted?: (a: AttemptRecord) => void): Promise<AttemptRecord> {
    return this.tracked((signals, track) => chargeByScan(this.ctx, charge, signals, track), onStarted);
  }

  chargeByQr(charge: QrCharge, onStarted?: (a: AttemptRecord) => void): Promise<AttemptRecord> {
    return this.tracked((signals, track) => chargeByQr(this.ctx, charge, signals, track), onStarted);
  }

  async startCard(charge: CardCharge): Promise<CardStart> {
    const control = new WaitControl();
    let id: number | undefined;
    // Registered before cc_purchase is sent: a reconcile pass meanwhile must leave this attempt to the till,
    // or it could query a session not yet created and close it as never created while the form opens.
    const track = (attempt: AttemptRecord) => {
      id = attempt.id;
      this.waits.set(attempt.id, control);
    };
    try {
      const start = await startCardPayment(this.ctx, charge, control.signals, track);
      void start.done.finally(() => this.waits.delete(start.attempt.id));
      return start;
    } catch (err) {
      if (id !== undefined) this.waits.delete(id);
      throw err;
    }
  }

  confirmCard(attemptId: number): Promise<AttemptRecord> {
    return confirmCard(this.ctx, attemptId);
  }

  payCash(payment: CashPayment): AttemptRecord {
    return payCash(this.ctx, payment);
  }

  refund(request: RefundRequest): Promise<RefundRecord> {
    return refundPayment(this.ctx, request);
  }

  /** Lines of a paid sale coming back: priced, capped at what was sold, refunded on its tenders (returns.ts). */
  returnLines(request: NewReceiptReturn): Promise<LineReturnResult> {
    return returnLines(this.ctx, request);
  }

  quoteReturn(request: Pick<NewReceiptReturn, 'saleId' | 'lines'>): ReturnQuote {
    return quoteLineReturn(this.ctx, request);
  }

  /** Lines of a paid sale exchanged: their value pays the open sale `newSaleId`, the rest is refunded (returns.ts). */
  exchangeLines(request: NewExchange): Promise<ExchangeResult> {
    return exchangeLines(this.ctx, request);
  }

  quoteExchange(request: Pick<NewExchange, 'saleId' | 'lines' | 'newSaleId'>): ExchangeQuote {
    return quoteLineExchange(this.ctx, request);
  }

  /** A manager's decision on a late success: attach it to its sale (which may settle it), or set it apart. */
  resolveLateSuccess(attemptId: number, resolution: LateSuccessResolution, by: string): AttemptRecord {
    return resolveLateSuccess(this.ctx, attemptId, resolution, by);
  }

  /**
   * The cashier stops waiting: the attempt is checking until the wallet's own close, and still holds its sale.
   * Returns false if the till was not waiting on it.
   */
  cancel(attemptId: number): boolean {
    const wait = this.waits.get(attemptId);
    wait?.cancel();
    return wait !== undefined;
  }

  /**
   * A manager lets the sale take another tender while this attempt is still in flight ("the customer shows an
   * unpaid wallet"). Journaled with who and why; the attempt is still reconciled, and if it is paid later it
   * pays its sale when the sale still owes it, or waits for a manager.
   */
  override(attemptId: number, by: string, reason: string): AttemptRecord {
    const released = releaseAttempt(this.ctx, attemptId, by, reason);
    this.waits.get(attemptId)?.stop('released by a manager');
    return released;
  }

  /** Closes the sale as paid if what pays it now equals its total (after a refund of an excess). */
  settleIfPaid(saleId: number): void {
    trySettle(this.ctx, saleId);
  }

  /** One reconcile pass; concurrent callers share the pass in progress. */
  reconcile(): Promise<ReconcileReport> {
    this.reconciling ??= reconcileOnce(this.ctx, this.waits).finally(() => (this.reconciling = undefined));
    return this.reconciling;
  }

  /** Reconciles now (start-up after a crash) and then on the configured interval. */
  start(): Promise<ReconcileReport> {
    this.stopTimer ??= this.ctx.timers.every(this.ctx.timings.reconcileEveryMs, () => {
      this.reconcile().catch((err: unknown) => this.ctx.logger.error('reconcile pass failed; next pass retries', { error: String(err) }));
    });
    return this.reconcile();
  }

  /** Stops the timer and every wait at the till (their attempts stay in flight, in the reconciler's list). */
  async stop(): Promise<void> {
    this.stopTimer?.();
    this.stopTimer = undefined;
    for (const wait of this.waits.values()) wait.stop('shutting down');
    await this.reconciling?.catch(() => undefined);
  }

  private async tracked(
    run: (signals: WaitSignals, track: (a: AttemptRecord) => void) => Promise<AttemptRecord>,
    onStarted?: (a: AttemptRecord) => void,
  ): Promise<AttemptRecord> {
    const control = new WaitControl();
    let id: number | undefined;
    try {
      return await run(control.signals, (attempt) => {
        id = attempt.id;
        this.waits.set(attempt.id, control);
        onStarted?.(attempt);
      });
    } finally {
      if (id !== undefined) this.waits.delete(id);
    }
  }
}
