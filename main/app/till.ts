// One till's checkout session: the sale being rung up right now, and what a scan does to it. A product code
// adds its catalog item; a wallet payment code pays everything still due by merchant-scan (one scan at
// checkout is enough); anything else is refused with a reason the cashier can read. Scanners, the keyboard
// wedge and the screens all feed the same till, so a scan means the same thing whatever it came from.
import type { Catalog } from '../catalog/catalog.js';
import type { Journal } from '../journal/database.js';
import { getSaleRecord } from '../journal/sales.js';
import { addLine, createSale } from '../journal/sales.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import type { PaymentEngine } from '../payments/engine.js';
import type { ScanHandlers } from '../scanners/router.js';
import type { PaymentScan, ProductScan, UnknownScan } from '../scanners/scan-types.js';
import type { Logger } from '../shared/logger.js';

export type TillEvent =
  | { type: 'sale-opened'; saleId: number }
  | { type: 'line-added'; saleId: number; lineNo: number; sku: string; name: string; unitPriceCents: number }
  | { type: 'scan-refused'; reason: 'unknown-product' | 'empty-sale' | 'unreadable' | 'payment-failed'; detail: string };

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
  /** The payment a scan started, so callers and tests can await it; the UI follows engine events instead. */
  lastPayment: Promise<AttemptRecord | undefined> = Promise.resolve(undefined);

  constructor(private readonly deps: TillDeps) {}

  /** The open sale, opening a new one when the last was paid or voided. */
  currentSale(): number {
    if (this.saleId !== undefined && getSaleRecord(this.deps.journal, this.saleId).status === 'open') return this.saleId;
    this.saleId = createSale(this.deps.journal, { cashier: this.deps.cashier(), currency: this.deps.currency }).id;
    this.deps.onEvent({ type: 'sale-opened', saleId: this.saleId });
    return this.saleId;
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
      this.deps.onEvent({ type: 'scan-refused', reason: 'unknown-product', detail: `no product with code ${scan.scanned}` });
      return;
    }
    const saleId = this.currentSale();
    const lineNo = addLine(this.deps.journal, saleId, { sku: product.sku, gtin: product.gtin, name: product.name, unitPriceCents: product.priceCents, quantity: 1 });
    this.deps.onEvent({ type: 'line-added', saleId, lineNo, sku: product.sku, name: product.name, unitPriceCents: product.priceCents });
  }

  private onPaymentCode(scan: PaymentScan): void {
    const saleId = this.currentSale();
    if (getSaleRecord(this.deps.journal, saleId).totalCents === 0) {
      this.deps.onEvent({ type: 'scan-refused', reason: 'empty-sale', detail: 'ring up the items before scanning the payment code' });
      return;
    }
    this.lastPayment = this.deps.engine.chargeByScan({ saleId, code: scan.code, cashier: this.deps.cashier() }).catch((err: unknown) => {
      // Typed refusals (offline, payment in progress, code reused) reach the cashier; the journal holds the rest.
      const detail = err instanceof Error ? err.message : String(err);
      this.deps.logger.warn('scan payment refused', { code: (err as { code?: string }).code, detail });
      this.deps.onEvent({ type: 'scan-refused', reason: 'payment-failed', detail });
      return undefined;
    });
  }

  private onUnknown(scan: UnknownScan): void {
    this.deps.onEvent({ type: 'scan-refused', reason: 'unreadable', detail: `${scan.reason} (${scan.masked})` });
  }
}
