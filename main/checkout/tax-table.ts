// The sales tax rates of every province and territory, as data with the date each version took effect
// (docs/register.md "Sales tax"). A sale takes the version in force on the store day it was opened, and keeps it:
// the journal stores the rules with the sale (main/journal/sales.ts), so a receipt reprinted years later, or a sale
// open across a rate change at midnight, still says what was charged. A new rate is a new version appended here.
// Rates are parts per 100 000 (main/shared/sales-tax.ts): 13% = 13 000, 9.975% = 9 975.
import { PROVINCES, type Province, type SaleTaxSetup, type TaxClass, type TaxCode, type TaxRule } from '../shared/sales-tax.js';

export type { SaleTaxSetup } from '../shared/sales-tax.js';

const GST = 5_000;
const STANDARD: readonly TaxClass[] = ['standard'];
const FEDERAL: readonly TaxClass[] = ['standard', 'gst-only'];
const GST_ONLY: readonly TaxClass[] = ['gst-only'];

const rule = (code: TaxCode, ratePer100k: number, classes: readonly TaxClass[]): TaxRule => ({ code, ratePer100k, classes });
const gstOnly = (): TaxRule[] => [rule('GST', GST, FEDERAL)];
/**
 * HST on standard items; a gst-only item pays the federal part only (e.g. Ontario's point-of-sale rebate), which is
 * named GST 5% on the sale, the receipt and in the reports: a "HST 5%" line reads as a rate no province has. Sales
 * journaled before this was named keep their `HST` 5% line (the journal says what was printed).
 */
const hst = (rate: number): TaxRule[] => [rule('HST', rate, STANDARD), rule('GST', GST, GST_ONLY)];
/** GST on everything taxable, and the provincial tax on standard items, each on the price before tax (not compounded). */
const gstPlus = (provincial: 'PST' | 'QST' | 'RST', rate: number): TaxRule[] => [rule('GST', GST, FEDERAL), rule(provincial, rate, STANDARD)];

export interface TaxTableVersion {
  /** The first store day (YYYY-MM-DD) this version applies to. */
  effectiveFrom: string;
  rules: Record<Province, TaxRule[]>;
}

function version(effectiveFrom: string, nsHst: number): TaxTableVersion {
  return {
    effectiveFrom,
    rules: {
      AB: gstOnly(), NT: gstOnly(), NU: gstOnly(), YT: gstOnly(),
      ON: hst(13_000), NS: hst(nsHst), NB: hst(15_000), NL: hst(15_000), PE: hst(15_000),
      QC: gstPlus('QST', 9_975), BC: gstPlus('PST', 7_000), MB: gstPlus('RST', 7_000), SK: gstPlus('PST', 6_000),
    },
  };
}

/**
 * Oldest first. 2019-07-01: Manitoba's RST went from 8% to 7%, the last change before Nova Scotia's; every other rate
 * below held from then. 2025-04-01: Nova Scotia's HST went from 15% to 14%.
 */
export const TAX_TABLE: readonly TaxTableVersion[] = [version('2019-07-01', 15_000), version('2025-04-01', 14_000)];

/** The rules in force in `province` on `storeDay` (YYYY-MM-DD); a day before the oldest version is refused. */
export function taxSetupFor(province: Province, storeDay: string, pricesIncludeTax: boolean, table: readonly TaxTableVersion[] = TAX_TABLE): SaleTaxSetup {
  if (!(PROVINCES as readonly string[]).includes(province)) throw new RangeError(`unknown province ${province}`);
  const found = [...table].reverse().find((v) => v.effectiveFrom <= storeDay);
  if (!found) throw new RangeError(`no tax table is in force on ${storeDay}`);
  return { province, table: found.effectiveFrom, pricesIncludeTax, rules: found.rules[province].map((r) => ({ ...r, classes: [...r.classes] })) };
}
