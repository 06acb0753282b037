// One till's checkout session: the sale being rung up right now and its life cycle (new sale, lines, tenders,
// void, close), and what a scan does to it. A product code adds its catalog item (or one more of it); a wallet
// payment code, classified once at the scanner door, pays everything still due by merchant-scan; anything else
// is refused with a reason the cashier can read. Scanners, the keyboard wedge, typed codes and the screens all
// feed the same till, so a scan means the same thing whatever it came from.
// The rules (docs/payments.md "A sale never dead-ends"): while a payment holds the sale nothing about it
// changes; once money is paid, lines cannot drop below it, nor the sale be voided, without a manager, and the
// excess is then paid back (sale-excess.ts). Each sale is taxed as the store's province taxes it on the day it opens
// (tax-table.ts); the journal recomputes the taxes with every line change (docs/register.md).
import type { ApprovalAction } from '../../preload/approvals.js';
import { isErrorCode, type ErrorCode } from '../../preload/error-codes.js';
import { attemptPhase } from '../../preload/payment-states.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Journal } from '../journal/database.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { getSale, saleBalanceOf } from '../journal/sale-queries.js';
import { creditToSale } from '../journal/return-queries.js';
import { voidSale } from '../journal/sale-settlement.js';
import { addLine, createSale, getSaleRecord, removeLine, updateQuantity } from '../journal/sales.js';
import type { PaymentEngine } from '../payments/engine.js';
import { PaymentInProgressError } from '../payments/payment-errors.js';
import type { ScanHandlers } from '../scanners/router.js';
import type { PaymentScan, ProductScan, UnknownScan } from '../scanners/scan-types.js';
import type { Logger } from '../shared/logger.js';
import type { SaleTaxSetup } from '../shared/sales-tax.js';
import { isReusableSpare, parkOpenSale, resumeParkedSale, type Resumed } from './parked-sales.js';
import { refundAll, refundExcess } from './sale-excess.js';
import { authorize, DEFAULT_DISCOUNT_APPROVAL_PERCENT, planLineDiscount, planPriceOverride, planRemoveDiscount, planSaleDiscount, recordApproval, totalWith, unapprovedOverThreshold, type DiscountPlan, type DiscountRequest } from './discounts.js';
import { discountLine, discountSale, overridePrice, removeLineDiscount, removeSaleDiscount } from '../journal/sale-discounts.js';
import { TillError } from './till-errors.js';

export { TillError } from './till-errors.js';

export type TillEvent =
  | { type: 'sale-opened'; saleId: number }
  | { type: 'line-added'; saleId: number; lineNo: number; sku: string; name: string; unitPriceCents: number }
  // `code` is what the screen translates (an error code: SCAN_… for the till's own refusals, else the payment error's).
  | { type: 'scan-refused'; reason: 'unknown-product' | 'empty-sale' | 'unreadable' | 'payment-failed' | 'payment-in-progress'; code: ErrorCode; detail: string; saleId?: number };

export interface TillDeps {
  journal: Journal;
  engine: PaymentEngine;
  catalog: Catalog;
  currency: string;
  cashier: () => string;
  logger: Logger;
  onEvent: (event: TillEvent) => void;
  /** Checks a manager PIN typed at the till and returns who approved (wrong PINs count toward the lockout). */
  approve: (pin: string, action: ApprovalAction) => string;
  /**
   * A self-service kiosk has nobody to override a payment still checking after its customer walked away: it sets
   * that sale aside (left open, its payment still reconciled; paid later, it pays that sale) and serves the next
   * customer on a new one. A counter till refuses instead, and its cashier asks a manager.
   */
  setsAsideHeldSales?: boolean;
  /** How a sale opened now is taxed (tax-table.ts taxSetupFor, the store's province and day); absent: untaxed sales. */
  tax?: () => SaleTaxSetup;
  /** Discounts above this percent need a manager (settings.discountApprovalPercent; discounts.ts); absent: 20. */
  discountApprovalPercent?: () => number;
}

/** A change a manager may approve at the till: the PIN, when the cashier typed one. */
export interface Approval {
  pin?: string;
}

export class Till {
  private saleId: number | undefined;
  /** An empty open sale set aside by a resume, used for the next new sale (parked-sales.ts). */
  private spare: number | undefined;
  /** Every sale this till opened, so screens of another till never see its events. */
  private readonly opened = new Set<number>();
  /** The payment a scan started, so callers and tests can await it; the UI follows engine events instead. */
  lastPayment: Promise<AttemptRecord | undefined> = Promise.resolve(undefined);

  constructor(private readonly deps: TillDeps) {}

  /** The open sale, opening a new one when the last was paid or voided. */
  currentSale(): number {
    if (this.saleId !== undefined && getSaleRecord(this.deps.journal, this.saleId).status === 'open') return this.saleId;
    // The empty sale that was on screen when a parked one was resumed (parked-sales.ts), rather than a new number.
    const spare = this.spare;
    this.spare = undefined;
    const tax = this.deps.tax?.();
    if (isReusableSpare(this.deps.journal, spare, tax, this.deps.cashier())) return (this.saleId = spare);
    this.saleId = createSale(this.deps.journal, { cashier: this.deps.cashier(), currency: this.deps.currency, tax }).id;
    this.opened.add(this.saleId);
    this.deps.onEvent({ type: 'sale-opened', saleId: this.saleId });
    return this.saleId;
  }

  /** The sale on screen: the open one, or the one just paid or voided until the next item or "New sale". */
  shownSale(): number {
    return this.saleId ?? this.currentSale();
  }

  /** The sale open at this till right now, or undefined: never opens or changes one (an exchange quote reads it). */
  openSale(): number | undefined {
    return this.saleId !== undefined && getSaleRecord(this.deps.journal, this.saleId).status === 'open' ? this.saleId : undefined;
  }

  /** Checks a supervisor's or manager's PIN typed at this till for `action` (TillDeps.approve): who approved, or throws. */
  approve(pin: string, action: ApprovalAction): string {
    return this.deps.approve(pin, action);
  }

  owns(saleId: number): boolean {
    return this.opened.has(saleId);
  }

  /** Adds a product; the same product again adds to its line's quantity instead of a second line. */
  addProduct(sku: string, quantity: number): { saleId: number; lineNo: number } {
    const product = this.deps.catalog.findBySku(sku);
    if (!product) throw new TillError('UNKNOWN_PRODUCT', `No product with SKU ${sku}.`);
    const saleId = this.editableSale();
    const same = getSale(this.deps.journal, saleId).lines.find((l) => l.sku === product.sku && l.unitPriceCents === product.priceCents);
    if (same) {
      updateQuantity(this.deps.journal, saleId, same.lineNo, same.quantity + quantity);
      return { saleId, lineNo: same.lineNo };
    }
    const lineNo = addLine(this.deps.journal, saleId, { sku: product.sku, gtin: product.gtin, name: product.name, unitPriceCents: product.priceCents, quantity, taxClass: product.taxClass });
    return { saleId, lineNo };
  }

  /** A custom amount is taxed `standard`, like an item from the shelf. */
  addCustom(name: string, amountCents: number): number {
    const saleId = this.editableSale();
    addLine(this.deps.journal, saleId, { sku: 'CUSTOM', name, unitPriceCents: amountCents, quantity: 1 });
    return saleId;
  }

  setQuantity(lineNo: number, quantity: number, approval: Approval = {}): number {
    return this.changeLines(lineNo, approval, (saleId, line) => ({
      newLineTotal: quantity * line.unitPriceCents,
      apply: () => updateQuantity(this.deps.journal, saleId, lineNo, quantity),
    }));
  }

  removeLine(lineNo: number, approval: Approval = {}): number {
    return this.changeLines(lineNo, approval, (saleId) => ({
      newLineTotal: null,
      apply: () => removeLine(this.deps.journal, saleId, lineNo),
    }));
  }

  /** A line's own discount, % or amount (discounts.ts): the cashier alone up to the threshold, else a manager's PIN. */
  discountLine(lineNo: number, discount: DiscountRequest, approval: Approval = {}): number {
    return this.changeDiscount((d) => planLineDiscount(d, lineNo, discount, this.discountThreshold()), approval, (saleId, approvedBy) => discountLine(this.deps.journal, saleId, lineNo, { ...discount, approvedBy }));
  }

  /** A discount on the whole sale, spread over its lines by largest remainder (docs/register.md "Discounts"). */
  discountSale(discount: DiscountRequest, approval: Approval = {}): number {
    return this.changeDiscount((d) => planSaleDiscount(d, discount, this.discountThreshold()), approval, (saleId, approvedBy) => discountSale(this.deps.journal, saleId, { ...discount, approvedBy }));
  }

  /** Takes a line's own discount off, or the sale discount when no line is named. */
  removeDiscount(lineNo: number | undefined, approval: Approval = {}): number {
    return this.changeDiscount((d) => planRemoveDiscount(d, lineNo), approval, (saleId) => (lineNo === undefined ? removeSaleDiscount(this.deps.journal, saleId) : removeLineDiscount(this.deps.journal, saleId, lineNo)));
  }

  /** A new unit price for a line: always a manager's PIN; the catalog price is kept for the record. */
  overridePrice(lineNo: number, unitPriceCents: number, reason: string | undefined, approval: Approval = {}): number {
    return this.changeDiscount((d) => planPriceOverride(d, lineNo, unitPriceCents), approval, (saleId, approvedBy) => overridePrice(this.deps.journal, saleId, lineNo, { unitPriceCents, reason, approvedBy: approvedBy ?? '' }));
  }

  /**
   * Starts over. An open sale with lines but no money is voided (journaled), then a fresh one opens; a sale that
   * holds money must be finished, or voided with a manager.
   */
  newSale(): number {
    const current = this.saleId === undefined ? undefined : getSaleRecord(this.deps.journal, this.saleId);
    if (current?.status === 'open') {
      if (current.totalCents === 0 && this.balance(current.id).paidCents === 0) return current.id;
      const holding = this.balance(current.id).holding;
      if (holding && this.deps.setsAsideHeldSales && attemptPhase(holding.state) === 'checking') {
        this.deps.logger.warn('sale set aside with a payment still checking', { saleId: current.id, attemptId: holding.id });
        this.saleId = undefined;
        return this.currentSale();
      }
      this.refuseIfHeld(current.id);
      if (this.balance(current.id).paidCents > 0) {
        throw new TillError('SALE_HAS_PAYMENTS', 'This sale has a payment; finish it, or have a manager void it (the payment is refunded).');
      }
      voidSale(this.deps.journal, current.id);
    }
    this.saleId = undefined;
    return this.currentSale();
  }

  /** Voids the open sale. With payments, a manager approves and every payment is refunded first. */
  async voidCurrent(approval: Approval = {}): Promise<{ voided: number; next: number }> {
    const saleId = this.currentSale();
    this.refuseIfHeld(saleId);
    // An exchange's credit pays part of this sale and cannot be given back from it: refused before any PIN is spent or
    // any payment refunded (docs/register.md "Returns and exchanges", "A credited sale is not voided").
    if (creditToSale(this.deps.journal, saleId) > 0) throw new TillError('SALE_HAS_CREDIT', 'Part of this sale is paid by returned items (an exchange), so it cannot be voided. Finish the sale.');
    const hadPayments = this.balance(saleId).paidCents > 0;
    if (hadPayments) {
      if (approval.pin === undefined) throw new TillError('SALE_HAS_PAYMENTS', 'This sale has a payment; a manager must approve refunding it.');
      await refundAll(this.deps, saleId, this.deps.approve(approval.pin, 'void'));
    }
    // An empty sale with nothing paid is simply kept as the next one.
    if (hadPayments || getSaleRecord(this.deps.journal, saleId).totalCents > 0) voidSale(this.deps.journal, saleId);
    return { voided: saleId, next: this.newSale() };
  }

  /** Pays back what the open sale holds above its total (a manager approves). */
  async refundExcess(approval: Required<Approval>): Promise<number> {
    const saleId = this.shownSale();
    await refundExcess(this.deps, saleId, this.deps.approve(approval.pin, 'refund-excess'));
    return saleId;
  }

  /** Parks the open sale (nothing paid, nothing in flight) and opens the next one (parked-sales.ts). */
  park(): { parked: number; next: number } {
    const parked = parkOpenSale(this.deps, this.saleId);
    this.saleId = undefined;
    return { parked, next: this.currentSale() };
  }

  /** Resumes a parked sale; the sale on screen is parked first when it has lines (parked-sales.ts). */
  resume(saleId: number): Resumed {
    const resumed = resumeParkedSale(this.deps, this.saleId, saleId);
    if (resumed.spare !== null) this.spare = resumed.spare;
    this.saleId = saleId;
    this.opened.add(saleId);
    return resumed;
  }

  handlers(): ScanHandlers {
    return {
      onProduct: (scan) => this.onProduct(scan),
      onPaymentCode: (scan) => this.onPaymentCode(scan),
      onUnknown: (scan) => this.onUnknown(scan),
    };
  }

  /** A classified wallet code from the scanner door (scanned or typed) pays the open sale. */
  chargeScanned(scan: Pick<PaymentScan, 'wallet' | 'code'>, amountCents?: number, onStarted?: (a: AttemptRecord) => void): Promise<AttemptRecord> {
    const saleId = this.currentSale();
    return this.deps.engine.chargeByScan({ saleId, wallet: scan.wallet, code: scan.code, amountCents, cashier: this.deps.cashier() }, onStarted);
  }

  private balance(saleId: number) {
    return saleBalanceOf(this.deps.journal, saleId);
  }

  private refuseIfHeld(saleId: number): void {
    const holding = this.balance(saleId).holding;
    if (holding) throw new PaymentInProgressError(holding.id);
  }

  /** Lines are frozen while a payment holds the sale: the customer is paying for what they saw. */
  private editableSale(): number {
    const saleId = this.currentSale();
    this.refuseIfHeld(saleId);
    return saleId;
  }

  private discountThreshold(): number {
    return this.deps.discountApprovalPercent?.() ?? DEFAULT_DISCOUNT_APPROVAL_PERCENT;
  }

  /** Same rules as a line change: refused while a payment holds the sale; approvals and below-paid (discounts.ts). */
  private changeDiscount(plan: (details: ReturnType<typeof getSale>) => DiscountPlan, approval: Approval, apply: (saleId: number, approvedBy: string | null) => void): number {
    const saleId = this.editableSale();
    const planned = plan(getSale(this.deps.journal, saleId));
    const { paidCents, totalCents } = this.balance(saleId);
    this.refuseBelowCredit(saleId, planned.wouldBeTotalCents, totalCents);
    apply(saleId, authorize(planned, { approve: (pin, action) => this.deps.approve(pin, action), paidCents, totalCents, pin: approval.pin }));
    return saleId;
  }

  /**
   * An exchange's credit pays part of the sale and cannot be paid back from it (it is no tender's money: it came from
   * the old sale's tenders, docs/register.md "Returns and exchanges"), so the sale may not go below it: the excess
   * would have nowhere to go. Lowering it within the credit, or raising it, is fine.
   */
  private refuseBelowCredit(saleId: number, wouldBeTotalCents: number, totalCents: number): void {
    if (wouldBeTotalCents >= totalCents) return;
    const credit = creditToSale(this.deps.journal, saleId);
    if (credit > 0 && wouldBeTotalCents < credit) throw new TillError('SALE_HAS_CREDIT', 'Part of this sale is paid by returned items (an exchange); it cannot go below that credit.');
  }

  private changeLines(
    lineNo: number,
    approval: Approval,
    /** `newLineTotal`: the line's total after the change; null when the line goes. */
    plan: (saleId: number, line: { quantity: number; unitPriceCents: number; lineTotalCents: number }) => { newLineTotal: number | null; apply: () => void },
  ): number {
    const saleId = this.editableSale();
    const details = getSale(this.deps.journal, saleId);
    const line = details.lines.find((l) => l.lineNo === lineNo);
    if (!line) throw new TillError('UNKNOWN_LINE', `Line ${lineNo} is not on this sale.`);
    const { newLineTotal, apply } = plan(saleId, line);
    // The total after the change, taxes recomputed exactly as the journal will (main/shared/sales-tax.ts).
    const after = details.lines.flatMap((l) => (l.lineNo !== lineNo ? [l] : newLineTotal === null ? [] : [{ ...l, lineTotalCents: newLineTotal }]));
    const wouldBe = totalWith(details, after);
    const { paidCents, totalCents } = this.balance(saleId);
    this.refuseBelowCredit(saleId, wouldBe, totalCents);
    const below = paidCents > 0 && wouldBe < totalCents && wouldBe < paidCents;
    if (below && approval.pin === undefined) {
      throw new TillError('BELOW_PAID', 'This would take the sale below what the customer has paid; a manager must approve it.');
    }
    // The approval is checked, then the change made. The excess is paid back only when the cashier says the
    // sale is done (refundExcess): the customer may still be taking more lines off.
    // A cashier's amount discount that the change would take past the threshold needs the manager too (discounts.ts).
    const over = unapprovedOverThreshold(details, after, this.discountThreshold());
    if (over.length > 0 && approval.pin === undefined) throw new TillError('DISCOUNT_NEEDS_APPROVAL', 'This change makes a discount larger than the store allows without a manager.');
    const discountApprover = over.length > 0 && approval.pin !== undefined ? this.deps.approve(approval.pin, 'discount') : null;
    if (below && approval.pin !== undefined) this.deps.approve(approval.pin, 'below-paid');
    apply();
    if (discountApprover !== null) recordApproval(this.deps.journal, saleId, over, discountApprover);
    return saleId;
  }

  private onProduct(scan: ProductScan): void {
    const product = this.deps.catalog.findByScan(scan);
    if (!product) {
      this.refuse({ reason: 'unknown-product', code: 'SCAN_UNKNOWN_PRODUCT', detail: `no product with code ${scan.scanned}` });
      return;
    }
    let added: { saleId: number; lineNo: number };
    try {
      added = this.addProduct(product.sku, 1);
    } catch (err) {
      this.refuse({ reason: 'payment-in-progress', code: codeOf(err, 'PAYMENT_IN_PROGRESS'), detail: err instanceof Error ? err.message : String(err) });
      return;
    }
    this.deps.onEvent({ type: 'line-added', saleId: added.saleId, lineNo: added.lineNo, sku: product.sku, name: product.name, unitPriceCents: product.priceCents });
  }

  private onPaymentCode(scan: PaymentScan): void {
    const saleId = this.currentSale();
    if (getSaleRecord(this.deps.journal, saleId).totalCents === 0) {
      this.refuse({ reason: 'empty-sale', code: 'SCAN_EMPTY_SALE', detail: 'ring up the items before scanning the payment code' });
      return;
    }
    this.lastPayment = this.chargeScanned(scan).catch((err: unknown) => {
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
    // A wallet code seen a second time is single-use: say so, rather than "could not be read".
    const code = scan.reason === 'replayed-payment-code' ? 'PAYMENT_CODE_REUSED' : 'SCAN_UNREADABLE';
    this.refuse({ reason: 'unreadable', code, detail: `${scan.reason} (${scan.masked})` });
  }
}

/** The refusal's own code when a screen can word it (preload/error-codes.ts), else the fallback: a bug stays in the log. */
function codeOf(err: unknown, fallback: ErrorCode): ErrorCode {
  const code = (err as { code?: unknown } | null)?.code;
  return isErrorCode(code) ? code : fallback;
}
