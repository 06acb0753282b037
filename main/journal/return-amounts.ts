// What a returned line is worth (docs/register.md "Returns and exchanges"): pure, integer cents, BigInt where a
// product could pass 2^53. Three rules, each property-tested (test/unit/register-return-amounts.test.ts):
//
// 1. A line's share of each tax. Taxes are computed once per sale (main/shared/sales-tax.ts), so a line has no tax
//    of its own: each tax amount of the sale is split over the lines it applies to, in proportion to their net
//    (lineTotal − discount; with tax-inclusive prices, net × 1/(100 000 + the class's combined rate), which is how
//    much tax that net holds), largest remainder first, ties to the earlier line. The shares of a tax add up to
//    that tax exactly, so returning every line gives back every tax to the cent.
// 2. A partial quantity. Returning k of a line's n units when r were returned before is worth
//    amount(r + k) − amount(r), with amount(q) = round-half-up(X × q / n), for X the line's net and each tax
//    share: cumulative returns of a line never pass its net nor its tax, and reach them exactly at n.
// 3. Cash back. Cash is rounded to 5¢ (preload/money-limits.ts); a return's cash back is
//    round(C + c) − round(C), c what this return pays in cash and C what earlier returns of the sale paid in cash,
//    so the cash given back over every return of a sale is round(all of it): what the drawer took for it.
import { roundCashCents } from '../../preload/money-limits.js';
import { RATE_SCALE, type TaxClass, type TaxCode } from '../shared/sales-tax.js';

export interface ReturnableLine {
  lineNo: number;
  quantity: number;
  lineTotalCents: number;
  /** Migration 0120; net = lineTotal − discount. */
  discountCents: number;
  taxClass: TaxClass;
}

/** One tax of the sale as journaled (sale_taxes): what it applies to and what it came to. */
export interface SaleTaxAmount {
  code: TaxCode;
  ratePer100k: number;
  classes: readonly TaxClass[];
  amountCents: number;
}

export interface LineShare {
  lineNo: number;
  quantity: number;
  netCents: number;
  /** The line's share of each tax of the sale, in the sale's tax order (0 where the tax does not apply). */
  taxCents: number[];
}

export interface ReturnedPart {
  lineNo: number;
  quantity: number;
  /** What the returned units came to after discount (with tax-inclusive prices, tax included). */
  netCents: number;
  /** Per tax of the sale, in its order. */
  taxCents: number[];
  /** What the customer gets for them: net + taxes, or with tax-inclusive prices the net alone. */
  valueCents: number;
}

/** numerator / denominator rounded half-up (numerator ≥ 0, denominator > 0). */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** Splits `amount` over `weights` in proportion, largest remainder first, ties to the earlier; the parts add up to it. */
export function largestRemainder(amount: number, weights: readonly bigint[]): number[] {
  const whole = weights.reduce((a, b) => a + b, 0n);
  if (amount === 0) return weights.map(() => 0);
  if (whole <= 0n) throw new RangeError(`cannot split ${amount} over nothing`);
  const exact = weights.map((w) => w * BigInt(amount));
  const parts = exact.map((e) => e / whole);
  let left = amount - Number(parts.reduce((a, b) => a + b, 0n));
  const order = exact.map((e, i) => ({ i, rem: e % whole })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1;
  }
  return parts.map(Number);
}

export const lineNet = (l: Pick<ReturnableLine, 'lineTotalCents' | 'discountCents'>): number => l.lineTotalCents - l.discountCents;

/** Rule 1: each line's net and its share of every tax of the sale. */
export function lineShares(lines: readonly ReturnableLine[], taxes: readonly SaleTaxAmount[], pricesIncludeTax: boolean): LineShare[] {
  // With inclusive prices a net holds tax in proportion to 1 / (RATE_SCALE + its class's combined rate).
  const combined = new Map<TaxClass, number>();
  for (const t of taxes) for (const c of t.classes) combined.set(c, (combined.get(c) ?? 0) + t.ratePer100k);
  const dens = [...new Set(lines.map((l) => BigInt(RATE_SCALE + (combined.get(l.taxClass) ?? 0))))];
  const common = dens.reduce((a, b) => a * b, 1n);
  const weightOf = (l: ReturnableLine): bigint => {
    const net = BigInt(lineNet(l));
    return pricesIncludeTax ? (net * common) / BigInt(RATE_SCALE + (combined.get(l.taxClass) ?? 0)) : net;
  };
  const perTax = taxes.map((t) => largestRemainder(t.amountCents, lines.map((l) => (t.classes.includes(l.taxClass) ? weightOf(l) : 0n))));
  return lines.map((l, i) => ({ lineNo: l.lineNo, quantity: l.quantity, netCents: lineNet(l), taxCents: perTax.map((shares) => shares[i] ?? 0) }));
}

/** amount(q) of rule 2. */
function upTo(cents: number, q: number, n: number): number {
  return roundHalfUp(BigInt(cents) * BigInt(q), BigInt(n));
}

/** Rule 2: what k more units of a line are worth when `before` of its units were returned already. */
export function returnedPart(share: LineShare, before: number, k: number, pricesIncludeTax: boolean): ReturnedPart {
  const n = share.quantity;
  if (!Number.isSafeInteger(k) || k <= 0 || !Number.isSafeInteger(before) || before < 0 || before + k > n) {
    throw new RangeError(`cannot return ${k} of line ${share.lineNo}: ${before} of ${n} returned already`);
  }
  const part = (cents: number) => upTo(cents, before + k, n) - upTo(cents, before, n);
  const netCents = part(share.netCents);
  const taxCents = share.taxCents.map(part);
  const valueCents = pricesIncludeTax ? netCents : netCents + taxCents.reduce((a, b) => a + b, 0);
  return { lineNo: share.lineNo, quantity: k, netCents, taxCents, valueCents };
}

/** Rule 3: the cash back for `cashValueCents` more of a sale's value paid back in cash, after `cashValueBefore`. */
export function cashBack(cashValueBefore: number, cashValueCents: number, currency: string): number {
  return roundCashCents(cashValueBefore + cashValueCents, currency) - roundCashCents(cashValueBefore, currency);
}
