// The till's rules for discounts and price overrides (docs/register.md "Discounts"). A cashier gives a line or the
// sale a percentage or an amount off alone, up to the store's threshold (settings.discountApprovalPercent, percent
// of what the discount is taken off, so amount discounts count too); above it, and for ANY price override, a manager
// types their PIN at the till (TillDeps.approve) and the journal records who approved. Like every other line change,
// nothing changes while a payment holds the sale, and a discount that would take the sale below what was paid needs
// the manager too (BELOW_PAID). The arithmetic is main/shared/discount-spread.ts; the writes main/journal/sale-discounts.ts.
import type { ApprovalAction } from '../../preload/approvals.js';
import type { Journal } from '../journal/database.js';
import { discountLine, discountSale } from '../journal/sale-discounts.js';
import { getSale, type SaleDetails } from '../journal/sale-queries.js';
import type { GivenDiscount } from '../journal/sale-records.js';
import { applyDiscounts, discountOf, exceedsPercent, PCT_SCALE, type DiscountSpec } from '../shared/discount-spread.js';
import { computeSaleTax, type TaxClass } from '../shared/sales-tax.js';
import { TillError } from './till-errors.js';

/** Discounts above this percent of what they are taken off need a manager, unless settings say otherwise. */
export const DEFAULT_DISCOUNT_APPROVAL_PERCENT = 20;

export interface DiscountRequest extends DiscountSpec {
  reason?: string;
}

/** A line as the till sees it for a what-if: its total, tax class and own discount. */
export interface PlannedLine {
  lineNo: number;
  lineTotalCents: number;
  taxClass: TaxClass;
  lineDiscount: GivenDiscount | null;
}

const specOf = (d: GivenDiscount | DiscountSpec | null): DiscountSpec | null => (d ? { kind: d.kind, value: d.value } : null);

/**
 * Above the threshold: a percentage by the percentage given (20% is 20%, whatever the cent rounding makes of it), an
 * amount by what it takes off `baseCents`, as a percent of it.
 */
export function aboveThreshold(discount: DiscountSpec, cents: number, baseCents: number, thresholdPercent: number): boolean {
  if (discount.kind === 'pct') return discount.value > thresholdPercent * (PCT_SCALE / 100);
  return exceedsPercent(cents, baseCents, thresholdPercent);
}

/** The sale's total with these lines and this sale discount: discounts spread and taxes computed as the journal will. */
export function totalWith(details: Pick<SaleDetails, 'sale' | 'taxes'>, lines: readonly PlannedLine[], saleDiscount: DiscountSpec | null = specOf(details.sale.saleDiscount)): number {
  const spread = applyDiscounts(lines.map((l) => ({ lineTotalCents: l.lineTotalCents, discount: specOf(l.lineDiscount) })), saleDiscount);
  const net = lines.map((l, i) => ({ lineTotalCents: spread.lines[i]?.netCents ?? l.lineTotalCents, taxClass: l.taxClass }));
  return computeSaleTax(net, details.taxes, details.sale.pricesIncludeTax).totalCents;
}

/** What a change asks of the till: which approval it needs (if any) and the total it leaves. */
export interface DiscountPlan {
  approval: Extract<ApprovalAction, 'discount' | 'price-override'> | null;
  wouldBeTotalCents: number;
}

function lineOf(details: SaleDetails, lineNo: number) {
  const line = details.lines.find((l) => l.lineNo === lineNo);
  if (!line) throw new TillError('UNKNOWN_LINE', `Line ${lineNo} is not on this sale.`);
  return line;
}

/** A line's own discount: at most the line, approved above the threshold of the line's total. */
export function planLineDiscount(details: SaleDetails, lineNo: number, discount: DiscountSpec, thresholdPercent: number): DiscountPlan {
  const line = lineOf(details, lineNo);
  if (discount.kind === 'amount' && discount.value > line.lineTotalCents) {
    throw new TillError('DISCOUNT_TOO_LARGE', `A discount of ${discount.value}¢ is more than line ${lineNo} comes to (${line.lineTotalCents}¢).`);
  }
  const cents = discountOf(discount, line.lineTotalCents);
  const lines = details.lines.map((l) => (l.lineNo === lineNo ? { ...l, lineDiscount: { ...discount, cents, reason: null, approvedBy: null } } : l));
  return { approval: aboveThreshold(discount, cents, line.lineTotalCents, thresholdPercent) ? 'discount' : null, wouldBeTotalCents: totalWith(details, lines) };
}

/** A sale discount: at most what the lines come to after their own discounts, approved above the threshold of that. */
export function planSaleDiscount(details: SaleDetails, discount: DiscountSpec, thresholdPercent: number): DiscountPlan {
  const base = applyDiscounts(details.lines.map((l) => ({ lineTotalCents: l.lineTotalCents, discount: specOf(l.lineDiscount) })), null).lines.reduce((s, l) => s + l.netCents, 0);
  if (discount.kind === 'amount' && discount.value > base) {
    throw new TillError('DISCOUNT_TOO_LARGE', `A discount of ${discount.value}¢ is more than the sale comes to (${base}¢).`);
  }
  const cents = discountOf(discount, base);
  return { approval: aboveThreshold(discount, cents, base, thresholdPercent) ? 'discount' : null, wouldBeTotalCents: totalWith(details, details.lines, discount) };
}

/** Taking a discount off never lowers the total, so it needs nobody. */
export function planRemoveDiscount(details: SaleDetails, lineNo: number | undefined): DiscountPlan {
  if (lineNo === undefined) return { approval: null, wouldBeTotalCents: totalWith(details, details.lines, null) };
  lineOf(details, lineNo);
  return { approval: null, wouldBeTotalCents: totalWith(details, details.lines.map((l) => (l.lineNo === lineNo ? { ...l, lineDiscount: null } : l))) };
}

/** Any price override needs a manager. */
export function planPriceOverride(details: SaleDetails, lineNo: number, unitPriceCents: number): DiscountPlan {
  const line = lineOf(details, lineNo);
  const lines = details.lines.map((l) => (l.lineNo === lineNo ? { ...l, lineTotalCents: unitPriceCents * line.quantity } : l));
  return { approval: 'price-override', wouldBeTotalCents: totalWith(details, lines) };
}

/**
 * After a line change (quantity, removal, a new price), an amount discount given by the cashier alone may have grown past the
 * threshold of what is left (a $5 discount on a sale shrunk to $10): then the change needs the manager too. Returns
 * the discounts that would be over it ('sale' or a line number); empty when none.
 */
export function unapprovedOverThreshold(details: Pick<SaleDetails, 'sale'>, after: readonly PlannedLine[], thresholdPercent: number): Array<'sale' | number> {
  const over: Array<'sale' | number> = [];
  const spread = applyDiscounts(after.map((l) => ({ lineTotalCents: l.lineTotalCents, discount: specOf(l.lineDiscount) })), specOf(details.sale.saleDiscount));
  after.forEach((l, i) => {
    if (l.lineDiscount && l.lineDiscount.approvedBy === null && aboveThreshold(l.lineDiscount, spread.lines[i]?.ownCents ?? 0, l.lineTotalCents, thresholdPercent)) over.push(l.lineNo);
  });
  const base = spread.lines.reduce((s, l) => s + l.netCents + l.shareCents, 0);
  const sale = details.sale.saleDiscount;
  if (sale && sale.approvedBy === null && aboveThreshold(sale, spread.saleDiscountCents, base, thresholdPercent)) over.push('sale');
  return over;
}

export interface Authorization {
  approve: (pin: string, action: ApprovalAction) => string;
  /** The sale's money now (saleBalanceOf). */
  paidCents: number;
  totalCents: number;
  pin?: string;
}

/**
 * Checks a change against the rules: the approval it needs and, when it would take the sale below what was paid,
 * BELOW_PAID. Without a PIN, the typed refusal the screen asks for a PIN on; with one, each approval is checked
 * (wrong PINs count toward the lockout). Returns who approved the discount or override, or let it go below what was
 * paid (null: nobody had to).
 */
export function authorize(plan: DiscountPlan, auth: Authorization): string | null {
  const below = auth.paidCents > 0 && plan.wouldBeTotalCents < auth.totalCents && plan.wouldBeTotalCents < auth.paidCents;
  if (auth.pin === undefined) {
    if (plan.approval === 'discount') throw new TillError('DISCOUNT_NEEDS_APPROVAL', 'A discount above the store\'s threshold needs a manager\'s PIN.');
    if (plan.approval === 'price-override') throw new TillError('PRICE_OVERRIDE_NEEDS_APPROVAL', 'Changing a price needs a manager\'s PIN.');
    if (below) throw new TillError('BELOW_PAID', 'This would take the sale below what the customer has paid; a manager must approve it.');
    return null;
  }
  const approvedBy = plan.approval ? auth.approve(auth.pin, plan.approval) : null;
  // A manager who lets a discount take the sale below what was paid is journaled with it too.
  const belowBy = below ? auth.approve(auth.pin, 'below-paid') : null;
  return approvedBy ?? belowBy;
}

/**
 * After a line change a manager approved because a cashier's amount discount grew past the threshold: the discount
 * is given again, the same, with who approved it, so the journal says so (a `sale.discounted` / `sale.line_discounted`
 * event). A line that went with the change needs nothing.
 */
export function recordApproval(journal: Journal, saleId: number, over: ReadonlyArray<'sale' | number>, approvedBy: string): void {
  const { sale, lines } = getSale(journal, saleId);
  for (const which of over) {
    if (which === 'sale') {
      if (sale.saleDiscount) discountSale(journal, saleId, { kind: sale.saleDiscount.kind, value: sale.saleDiscount.value, reason: sale.saleDiscount.reason, approvedBy });
      continue;
    }
    const d = lines.find((l) => l.lineNo === which)?.lineDiscount;
    if (d) discountLine(journal, saleId, which, { kind: d.kind, value: d.value, reason: d.reason, approvedBy });
  }
}
