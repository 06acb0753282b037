// One till's checkout session: the sale being rung up right now, and what a scan does to it. A product code
// adds its catalog item; a wallet payment code pays everything still due by merchant-scan (one scan at
// checkout is enough); anything else is refused with a reason the cashier can read. Scanners, the keyboard
// wedge and the screens all feed the same till, so a scan means the same thing whatever it came from.
import type { Catalog } from '../catalog/catalog.js';
import type { Journal } from '../journal/database.js';
import { attemptsForSale } from '../journal/attempt-queries.js';
import { addLine, createSale, getSaleRecord, removeLine, updateQuantity } from '../journal/sales.js';
import { voidSale } from '../journal/sale-settlement.js';
import { isInFlight } from '../payments/attempt-moves.js';
import { PaymentInProgressError } from '../payments/payment-errors.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import type { PaymentEngine } from '../payments/engine.js';
import type { ScanHandlers } from '../scanners/router.js';
import type { PaymentScan, ProductScan, UnknownScan } from '../scanners/scan-types.js';
import type { Logger } from '../shared/logger.js';

export class TillError extends Error {
  constructor(readonly code: 'UNKNOWN_PRODUCT' | 'SALE_HAS_PAYMENTS' | 'NOT_THIS_TILL', message: string) {
    super(message);
    this.name = 'TillError';
  }
}

export type TillEvent =
  | { type: 'sale-opened'; saleId: number }
  | { type: 'line-added'; saleId: number; lineNo: number; sku: string; name: string; unitPriceCents: number }
  // `code` is what the screen translates (an error code: SCAN_… for the till's own refusals, else the payment error's).
  | { type: 'scan-refused'; reason: 'unknown-product' | 'empty-sale' | 'unreadable' | 'payment-failed' | 'payment-in-progress'; code: string; detail: string; saleId?: number };

export interface TillDeps {
  journal: Journal;
  engine: PaymentEngine;
  catalog: Catalog;
  currency: string;
  cashier: () => string;
  logger: Logger;
  onEvent: (event: TillEvent) => void;
}

export class Till {
  private saleId: number | undefined;
  /** Every sale this till opened, so screens of another till never see its events. */
  private readonly opened = new Set<number>();
  /** The payment a scan started, so callers and tests can await it; the UI follows engine events instead. */
  lastPayment: Promise<AttemptRecord | undefined> = Promise.resolve(undefined);

  constructor(private readonly deps: TillDeps) {}

  /** The open sale, opening a new one when the last was paid or voided. */
  currentSale(): number {
    if (this.saleId !== undefined && getSaleRecord(this.deps.journal, this.saleId).status === 'open') return this.saleId;
    this.saleId = createSale(this.deps.journal, { cashier: this.deps.cashier(), currency: this.deps.currency }).id;
    this.opened.add(this.saleId);
    this.deps.onEvent({ type: 'sale-opened', saleId: this.saleId });
    return this.saleId;
  }

  /** The sale on screen: the open one, or the one just paid or voided until the next item or "New sale". */
  shownSale(): number {
    return this.saleId ?? this.currentSale();
  }

  owns(saleId: number): boolean {
    return this.opened.has(saleId);
  }

  addProduct(sku: string, quantity: number): number {
    const product = this.deps.catalog.findBySku(sku);
    if (!product) throw new TillError('UNKNOWN_PRODUCT', `No product with SKU ${sku}.`);
    const saleId = this.editableSale();
    addLine(this.deps.journal, saleId, { sku: product.sku, gtin: product.gtin, name: product.name, unitPriceCents: product.priceCents, quantity });
    return saleId;
  }

  addCustom(name: string, amountCents: number): number {
    const saleId = this.editableSale();
    addLine(this.deps.journal, saleId, { sku: 'CUSTOM', name, unitPriceCents: amountCents, quantity: 1 });
    return saleId;
  }

  setQuantity(lineNo: number, quantity: number): number {
    const saleId = this.editableSale();
    updateQuantity(this.deps.journal, saleId, lineNo, quantity);
    return saleId;
  }

  removeLine(lineNo: number): number {
    const saleId = this.editableSale();
    removeLine(this.deps.journal, saleId, lineNo);
    return saleId;
  }

  /** Starts over: an open sale with lines but no money is voided (journaled), then a fresh one opens. */
  newSale(): number {
    const current = this.saleId === undefined ? undefined : getSaleRecord(this.deps.journal, this.saleId);
    if (current?.status === 'open') {
      if (current.totalCents === 0) return current.id;
      const attempts = attemptsForSale(this.deps.journal, current.id);
      if (attempts.some((a) => a.state === 'succeeded' || isInFlight(a))) {
        throw new TillError('SALE_HAS_PAYMENTS', 'This sale has a payment; finish it or have a manager refund it.');
      }
      voidSale(this.deps.journal, current.id);
    }
    this.saleId = undefined;
    return this.currentSale();
  }

  /** Lines are frozen while a wallet or card payment is waiting: the customer is paying for what they saw. */
  private editableSale(): number {
    const saleId = this.currentSale();
    const busy = attemptsForSale(this.deps.journal, saleId).find(isInFlight);
    if (busy) throw new PaymentInProgressError(busy.id);
    return saleId;
  }

  handlers(): ScanHandlers {
    return {
      onProduct: (scan) => this.onProduct(scan),
      onPaymentCode: (scan) => this.onPaymentCode(scan),
      onUnknown: (scan) => this.onUnknown(scan),
    };
  }

  private onProduct(scan: ProductScan): void {
    const product = this.deps.catalog.findByScan(scan);
    if (!product) {
      this.refuse({ reason: 'unknown-product', code: 'SCAN_UNKNOWN_PRODUCT', detail: `no product with code ${scan.scanned}` });
      return;
    }
    let saleId: number;
    try {
      saleId = this.editableSale();
    } catch (err) {
      this.refuse({ reason: 'payment-in-progress', code: codeOf(err, 'PAYMENT_IN_PROGRESS'), detail: err instanceof Error ? err.message : String(err) });
      return;
    }
    const lineNo = addLine(this.deps.journal, saleId, { sku: product.sku, gtin: product.gtin, name: product.name, unitPriceCents: product.priceCents, quantity: 1 });
    this.deps.onEvent({ type: 'line-added', saleId, lineNo, sku: product.sku, name: product.name, unitPriceCents: product.priceCents });
  }

  private onPaymentCode(scan: PaymentScan): void {
    const saleId = this.currentSale();
    if (getSaleRecord(this.deps.journal, saleId).totalCents === 0) {
      this.refuse({ reason: 'empty-sale', code: 'SCAN_EMPTY_SALE', detail: 'ring up the items before scanning the payment code' });
      return;
    }
    this.lastPayment = this.deps.engine.chargeByScan({ saleId, code: scan.code, cashier: this.deps.cashier() }).catch((err: unknown) => {
      // Typed refusals (offline, payment in progress, code reused) reach the cashier; the journal holds the rest.
      const detail = err instanceof Error ? err.message : String(err);
      this.deps.logger.warn('scan payment refused', { code: (err as { code?: string }).code, detail });
      this.refuse({ reason: 'payment-failed', code: codeOf(err, 'INTERNAL'), detail });
      return undefined;
    });
  }

  private refuse(event: Omit<Extract<TillEvent, { type: 'scan-refused' }>, 'type' | 'saleId'>): void {
    this.deps.onEvent({ type: 'scan-refused', ...event, saleId: this.saleId });
  }

  private onUnknown(scan: UnknownScan): void {
    this.refuse({ reason: 'unreadable', code: 'SCAN_UNREADABLE', detail: `${scan.reason} (${scan.masked})` });
  }
}

function codeOf(err: unknown, fallback: string): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : fallback;
}
