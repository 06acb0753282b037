// The 13 provinces and territories a store can be in (docs/register.md "Settings"), as two-letter codes. Pure data
// with no imports, so the contract (settings:update), main and the Settings screen's choice share one list; main's
// tax arithmetic keeps its own copy (main/shared/sales-tax.ts PROVINCES) and a unit test holds the two equal.
export const PROVINCE_CODES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

export type ProvinceCode = (typeof PROVINCE_CODES)[number];

export function isProvinceCode(value: unknown): value is ProvinceCode {
  return typeof value === 'string' && (PROVINCE_CODES as readonly string[]).includes(value);
}
