// Held (parked) sales at the counter (docs/register.md "Held sales"): the cashier parks the sale on screen when the
// customer steps away (forgot an item, fetching a wallet), serves the next customer on a new sale, and resumes the
// parked one later, after a restart too (the journal keeps it: main/journal/sale-parking.ts).
// The rules:
// - Only a sale with lines, nothing paid and nothing in flight is parked: money on a sale ties it to the till until it
//   is finished or voided, and a parked sale must never be paid behind the cashier's back.
// - Resuming while the sale on screen has lines parks that one first (a swap: what a cashier with two customers
//   expects), unless it cannot be parked, which refuses the resume with the same reason. An empty sale on screen is
//   kept and used for the next new sale, so swapping never leaves empty sales behind.
// - The self-service kiosk never parks; its abandoned-sale rule (till.ts setsAsideHeldSales) stays as it is.
import type { ErrorCode } from '../../preload/error-codes.js';
import { isInFlightAttemptState } from '../../preload/payment-states.js';
import type { Journal } from '../journal/database.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { creditToSale } from '../journal/return-queries.js';
import { getSale } from '../journal/sale-queries.js';
import { isParked, parkSale, resumeSale } from '../journal/sale-parking.js';
import type { SaleTaxSetup } from '../shared/sales-tax.js';

export type ParkErrorCode = Extract<ErrorCode, 'PARK_EMPTY_SALE' | 'PARK_SALE_HAS_PAYMENTS' | 'PARK_SALE_HAS_CREDIT' | 'PARK_PAYMENT_IN_FLIGHT' | 'PARKED_SALE_NOT_FOUND' | 'PARK_NOT_AVAILABLE'>;

export class ParkError extends Error {
  constructor(readonly code: ParkErrorCode, message: string) {
    super(message);
    this.name = 'ParkError';
  }
}

export interface ParkingDeps {
  journal: Journal;
  /** Who parks or resumes, for the journal. */
  cashier: () => string;
  /** The kiosk's till: it never parks. */
  setsAsideHeldSales?: boolean;
}

function refuseAtKiosk(deps: ParkingDeps): void {
  if (deps.setsAsideHeldSales) throw new ParkError('PARK_NOT_AVAILABLE', 'Sales are not parked at a self-service kiosk.');
}

/**
 * Whether the empty sale a resume set aside can serve as the next new sale: still open, no lines, no attempts, and
 * taxed as a sale opened now would be (a province changed in Settings applies to sales opened after it), and by the
 * same cashier (another person signed in opens their own).
 */
export function isReusableSpare(journal: Journal, saleId: number | undefined, tax: SaleTaxSetup | undefined, cashier: string): saleId is number {
  if (saleId === undefined) return false;
  const { sale, lines, attempts } = getSale(journal, saleId);
  const sameTax = sale.taxProvince === (tax?.province ?? null) && sale.taxTable === (tax?.table ?? null) && sale.pricesIncludeTax === (tax?.pricesIncludeTax ?? false);
  return sale.status === 'open' && lines.length === 0 && attempts.length === 0 && sameTax && sale.cashier === cashier;
}

/** Refuses, with a reason the screen words, a sale that cannot be parked. */
function assertParkable(journal: Journal, saleId: number | undefined): number {
  const details = saleId === undefined ? undefined : getSale(journal, saleId);
  if (!details || details.sale.status !== 'open' || details.lines.length === 0) {
    throw new ParkError('PARK_EMPTY_SALE', 'There is no open sale with items to park.');
  }
  assertNoMoney(journal, details.sale.id, details.attempts);
  return details.sale.id;
}

function assertNoMoney(journal: Journal, saleId: number, attempts: readonly AttemptRecord[]): void {
  if (attempts.some((a) => isInFlightAttemptState(a.state))) {
    throw new ParkError('PARK_PAYMENT_IN_FLIGHT', 'A payment on this sale is still in progress or being checked; it cannot be parked.');
  }
  if (attempts.some((a) => a.state === 'succeeded')) {
    throw new ParkError('PARK_SALE_HAS_PAYMENTS', 'This sale has a payment; finish it (or void it) instead of parking it.');
  }
  // An exchange's credit is money on the sale too (journal/sale-balance.ts `creditCents`); such a sale cannot be voided.
  if (creditToSale(journal, saleId) > 0) {
    throw new ParkError('PARK_SALE_HAS_CREDIT', 'Part of this sale is paid by returned items (an exchange); finish it instead of parking it.');
  }
}

/** Parks the sale on screen; the till then opens (or reuses) a fresh one. */
export function parkOpenSale(deps: ParkingDeps, saleId: number | undefined): number {
  refuseAtKiosk(deps);
  const parked = assertParkable(deps.journal, saleId);
  parkSale(deps.journal, parked, deps.cashier());
  return parked;
}

export interface Resumed {
  resumed: number;
  /** The sale that was on screen and was parked to make room, if it had lines. */
  parked: number | null;
  /** The empty sale that was on screen, kept for the next new sale. */
  spare: number | null;
}

/** Takes a parked sale back to the till, parking (or keeping, when empty) the sale on screen first. */
export function resumeParkedSale(deps: ParkingDeps, currentId: number | undefined, saleId: number): Resumed {
  refuseAtKiosk(deps);
  if (!isParked(deps.journal, saleId)) throw new ParkError('PARKED_SALE_NOT_FOUND', `Sale ${saleId} is not parked (it may have been resumed already).`);
  let parked: number | null = null;
  let spare: number | null = null;
  const current = currentId === undefined ? undefined : getSale(deps.journal, currentId);
  if (current?.sale.status === 'open') {
    if (current.lines.length > 0) parked = parkOpenSale(deps, current.sale.id);
    else {
      // No lines: nothing to park. It is kept for the next new sale, unless money hangs on it (then it is finished first).
      assertNoMoney(deps.journal, current.sale.id, current.attempts);
      if (current.attempts.length === 0) spare = current.sale.id;
    }
  }
  resumeSale(deps.journal, saleId, deps.cashier());
  return { resumed: saleId, parked, spare };
}
