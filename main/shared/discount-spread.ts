// Discount arithmetic (docs/register.md "Discounts"): pure, integer-only, shared by the journal (which recomputes
// every line's discount with the lines, in one transaction), `journal verify` (which recomputes it from the events)
// and the till (which checks a discount before it is given).
//
// A line discount is the line's own: a percentage of the line's total (rounded half-up to the cent) or an amount
// (at most the line's total). A sale discount is a percentage of, or an amount off, what the lines come to after
// their own discounts, and is spread over those lines in proportion to them by largest remainder in integer cents:
// each line gets floor(D × net / N), and the cents left go one each to the lines with the largest remainders (ties
// to the earlier line). So the shares add up to the sale discount exactly, and no line's discount exceeds its total.

/** Percentages are hundredths of a percent: 1 000 is 10%, 10 000 is 100%. */
export const PCT_SCALE = 10_000;

export type DiscountKind = 'pct' | 'amount';

/** A discount as it was given. `value`: hundredths of a percent for `pct` (1..10 000), cents for `amount` (> 0). */
export interface DiscountSpec {
  kind: DiscountKind;
  value: number;
}

export interface DiscountableLine {
  lineTotalCents: number;
  /** The line's own discount, if it has one. */
  discount: DiscountSpec | null;
}

export interface LineDiscount {
  /** What the line's own discount came to. */
  ownCents: number;
  /** The line's share of the sale discount. */
  shareCents: number;
  /** own + share: the line's whole discount (sale_lines.discount_cents). */
  discountCents: number;
  /** lineTotal − discount: what the line is taxed on and sells for. */
  netCents: number;
}

export interface SaleDiscounts {
  /** One per line, in the order given. */
  lines: LineDiscount[];
  /** What the sale discount came to (0 without one). */
  saleDiscountCents: number;
  /** Every discount of the sale: Σ lines' discountCents. */
  discountCents: number;
}

export function isDiscountSpec(value: unknown): value is DiscountSpec {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, value: v } = value as { kind?: unknown; value?: unknown };
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) return false;
  return kind === 'amount' || (kind === 'pct' && v <= PCT_SCALE);
}

/** What a discount takes off `baseCents`: a percentage rounded half-up, or an amount capped at the base. */
export function discountOf(spec: DiscountSpec, baseCents: number): number {
  if (baseCents <= 0) return 0;
  if (spec.kind === 'amount') return Math.min(spec.value, baseCents);
  return Number((2n * BigInt(baseCents) * BigInt(spec.value) + BigInt(PCT_SCALE)) / (2n * BigInt(PCT_SCALE)));
}

/**
 * Splits `totalCents` over `weights` in proportion to them, by largest remainder, in integer cents (BigInt): the
 * parts add up to `totalCents` exactly and none exceeds its weight when totalCents ≤ Σ weights. Ties go to the
 * earlier weight. All zero weights: every part 0 (there is nothing to spread over).
 */
export function spreadByLargestRemainder(totalCents: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || totalCents <= 0) return weights.map(() => 0);
  const total = BigInt(totalCents);
  const whole = BigInt(sum);
  const parts = weights.map((w) => ({ floor: (total * BigInt(w)) / whole, rest: (total * BigInt(w)) % whole }));
  let left = total - parts.reduce((s, p) => s + p.floor, 0n);
  const order = parts.map((_, i) => i).sort((a, b) => {
    const ra = parts[a]!.rest;
    const rb = parts[b]!.rest;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  const out = parts.map((p) => p.floor);
  for (const i of order) {
    if (left === 0n) break;
    if (parts[i]!.rest === 0n) break;
    out[i] = out[i]! + 1n;
    left -= 1n;
  }
  return out.map(Number);
}

/** Every line's discount: its own, then its share of the sale discount spread over what the lines come to after them. */
export function applyDiscounts(lines: readonly DiscountableLine[], saleDiscount: DiscountSpec | null): SaleDiscounts {
  const own = lines.map((l) => (l.discount ? discountOf(l.discount, l.lineTotalCents) : 0));
  const afterOwn = lines.map((l, i) => l.lineTotalCents - own[i]!);
  const base = afterOwn.reduce((s, n) => s + n, 0);
  const saleDiscountCents = saleDiscount ? discountOf(saleDiscount, base) : 0;
  const shares = spreadByLargestRemainder(saleDiscountCents, afterOwn);
  const out = lines.map((l, i) => {
    const discountCents = own[i]! + shares[i]!;
    return { ownCents: own[i]!, shareCents: shares[i]!, discountCents, netCents: l.lineTotalCents - discountCents };
  });
  return { lines: out, saleDiscountCents, discountCents: out.reduce((s, l) => s + l.discountCents, 0) };
}

/** A discount as a percent of what it is taken off, for the approval threshold: amount discounts count too. */
export function exceedsPercent(discountCents: number, baseCents: number, thresholdPercent: number): boolean {
  // discount / base > threshold / 100, in integers.
  return discountCents * 100 > thresholdPercent * baseCents;
}
