// Canadian sales tax arithmetic (docs/register.md "Sales tax"): pure, integer-only, shared by the journal (which
// recomputes a sale's taxes with its lines, in one transaction), the catalog (a product's tax class) and the
// settings (the store's province). The rates themselves are data, dated: main/checkout/tax-table.ts.
//
// The rule: each tax is computed ONCE per sale, on the sale's taxable base for that tax, and rounded half-up to the
// cent. Never per line: a basket of 3 × $0.10 at 13% owes round(30 × 0.13) = 4¢, not 3 × round(1.3) = 3¢.
// Rates are parts per 100 000 (QST 9.975% = 9 975), so every product is an exact integer; no float is involved.

export const TAX_CLASSES = ['standard', 'gst-only', 'zero-rated', 'exempt'] as const;
/**
 * What a product owes. `standard`: every tax of the province. `gst-only`: the federal 5% only (in an HST province,
 * the federal part of HST; e.g. Ontario's point-of-sale rebate items). `zero-rated` and `exempt`: no tax at the till
 * (they differ only for the shop's input tax credits, which is why both exist).
 */
export type TaxClass = (typeof TAX_CLASSES)[number];

export const TAX_CODES = ['GST', 'HST', 'PST', 'QST', 'RST'] as const;
export type TaxCode = (typeof TAX_CODES)[number];

export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export type Province = (typeof PROVINCES)[number];

/** Rates are parts per RATE_SCALE. */
export const RATE_SCALE = 100_000;

/** One tax a sale charges: its code, its rate, and the tax classes it applies to. */
export interface TaxRule {
  code: TaxCode;
  ratePer100k: number;
  classes: readonly TaxClass[];
}

/** How a sale is taxed, fixed when it opens (main/checkout/tax-table.ts taxSetupFor) and journaled with it. */
export interface SaleTaxSetup {
  province: Province;
  /** The tax table version's effectiveFrom (YYYY-MM-DD). */
  table: string;
  pricesIncludeTax: boolean;
  rules: TaxRule[];
}

/** One tax line of a sale: what it was computed on (`baseCents`, before tax) and what it came to. */
export type TaxLine = {
  code: TaxCode;
  ratePer100k: number;
  baseCents: number;
  amountCents: number;
};

export interface TaxableLine {
  lineTotalCents: number;
  taxClass: TaxClass;
}

export interface SaleTax {
  /** The sale before tax. Exclusive prices: the sum of the lines. Inclusive: the lines less the tax backed out. */
  subtotalCents: number;
  /** One per rule, in the rule order, even when its base is 0 (the screens leave those out). */
  taxes: TaxLine[];
  /** subtotal + every tax, always; with inclusive prices, also exactly the sum of the lines. */
  totalCents: number;
}

export function isTaxClass(value: unknown): value is TaxClass {
  return typeof value === 'string' && (TAX_CLASSES as readonly string[]).includes(value);
}

/** numerator / denominator rounded half-up, for numerator ≥ 0 and denominator > 0 (exact, in BigInt). */
function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** "13%", "9.975%": the rate as a plain label (screens format it per locale from ratePer100k). */
export function rateLabel(ratePer100k: number): string {
  const whole = Math.floor(ratePer100k / 1000);
  const fraction = String(ratePer100k % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

function assertRules(rules: readonly TaxRule[]): void {
  for (const r of rules) {
    if (!Number.isSafeInteger(r.ratePer100k) || r.ratePer100k <= 0 || r.ratePer100k >= RATE_SCALE) {
      throw new RangeError(`tax rate ${r.ratePer100k} per ${RATE_SCALE} is out of range`);
    }
  }
}

/**
 * The taxes of a sale. Exclusive prices: each tax is round-half-up(base × rate) with base the sum of the lines it
 * applies to. Inclusive prices: the lines are grouped by tax class; a class whose taxes add up to P per 100 000 holds
 * G × r / (100 000 + P) of each tax r; each tax is the exact sum of that over its classes, rounded half-up once; the
 * subtotal is the lines less those taxes, so nothing is lost or created either way.
 */
export function computeSaleTax(lines: readonly TaxableLine[], rules: readonly TaxRule[], pricesIncludeTax: boolean): SaleTax {
  assertRules(rules);
  const byClass = new Map<TaxClass, number>();
  let linesCents = 0;
  for (const line of lines) {
    byClass.set(line.taxClass, (byClass.get(line.taxClass) ?? 0) + line.lineTotalCents);
    linesCents += line.lineTotalCents;
  }
  if (!pricesIncludeTax) {
    const taxes = rules.map((rule) => {
      const base = rule.classes.reduce((sum, c) => sum + (byClass.get(c) ?? 0), 0);
      return { code: rule.code, ratePer100k: rule.ratePer100k, baseCents: base, amountCents: roundHalfUp(BigInt(base) * BigInt(rule.ratePer100k), BigInt(RATE_SCALE)) };
    });
    return { subtotalCents: linesCents, taxes, totalCents: linesCents + taxes.reduce((s, t) => s + t.amountCents, 0) };
  }
  // The combined rate of each class, for backing the tax out of its gross.
  const combined = new Map<TaxClass, number>();
  for (const rule of rules) for (const c of rule.classes) combined.set(c, (combined.get(c) ?? 0) + rule.ratePer100k);
  const taxes = rules.map((rule) => {
    // Σ over classes of G·r/(S+P) and G·S/(S+P), kept as one exact fraction each.
    let num = 0n;
    let baseNum = 0n;
    let den = 1n;
    for (const c of rule.classes) {
      const gross = BigInt(byClass.get(c) ?? 0);
      const d = BigInt(RATE_SCALE + (combined.get(c) ?? 0));
      num = num * d + gross * BigInt(rule.ratePer100k) * den;
      baseNum = baseNum * d + gross * BigInt(RATE_SCALE) * den;
      den *= d;
    }
    return { code: rule.code, ratePer100k: rule.ratePer100k, baseCents: roundHalfUp(baseNum, den), amountCents: roundHalfUp(num, den) };
  });
  return { subtotalCents: linesCents - taxes.reduce((s, t) => s + t.amountCents, 0), taxes, totalCents: linesCents };
}
