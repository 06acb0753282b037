// The sales tax rates of every province and territory, as data with the date each version took effect
// (docs/register.md "The tax table"). The rates live in tax-rates.json beside this file, not in code: a rate change
// is an edit of that file (a new version appended), validated here at load, and a store that cannot wait for one
// has the manager's journaled override (docs/register.md "Rate overrides", main/journal/tax-overrides.ts).
// A sale takes the version in force on the store day it was opened, with the overrides in force that day, and keeps
// it: the journal stores the rules with the sale (main/journal/sales.ts), so a receipt reprinted years later, or a
// sale open across a rate change at midnight, still says what was charged.
// Rates are parts per 100 000 (main/shared/sales-tax.ts): 13% = 13 000, 9.975% = 9 975.
import { z } from 'zod';
import { PROVINCES, TAX_CLASSES, TAX_CODES, type Province, type SaleTaxSetup, type TaxCode, type TaxRule } from '../shared/sales-tax.js';
// The bundlers (esbuild for Electron, vite, tsx, vitest) inline the JSON: the shipped table is part of the build.
import shippedRates from './tax-rates.json' with { type: 'json' };

export type { SaleTaxSetup } from '../shared/sales-tax.js';

/** The highest rate the table or an override may hold: 25% (no Canadian sales tax has been above 15%). */
export const MAX_RATE_PER_100K = 25_000;

export interface TaxTableVersion {
  /** The first store day (YYYY-MM-DD) this version applies to. */
  effectiveFrom: string;
  rules: Record<Province, TaxRule[]>;
}

/** The table's data is wrong: `row` names where ("version 2025-04-01, NS, rule 1"), the message says what. */
export class TaxTableError extends Error {
  override readonly name = 'TaxTableError';
  constructor(readonly row: string, detail: string) {
    super(`tax table, ${row}: ${detail}`);
  }
}

/** A real calendar day written YYYY-MM-DD. */
export function isStoreDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

const ruleSchema = z.object({
  code: z.enum(TAX_CODES),
  ratePer100k: z.number().int('is not a whole number of parts per 100 000').min(1, 'is not above 0').max(MAX_RATE_PER_100K, `is above ${MAX_RATE_PER_100K} (25%)`),
  classes: z.array(z.enum(TAX_CLASSES)).min(1, 'applies to no tax class'),
}).strict();

const versionSchema = z.object({
  effectiveFrom: z.string().refine(isStoreDay, 'is not a date like 2025-04-01'),
  rules: z.record(z.string(), z.array(ruleSchema).min(1, 'has no tax')),
}).strict();

const fileSchema = z.object({ about: z.string().optional(), versions: z.array(z.unknown()).min(1, 'has no version') }).strict();

function issueText(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.length ? `${i.path.join('.')} ` : ''}${i.message}`).join('; ');
}

function parseVersion(raw: unknown, index: number): TaxTableVersion {
  const at = typeof (raw as { effectiveFrom?: unknown })?.effectiveFrom === 'string' ? `version ${(raw as { effectiveFrom: string }).effectiveFrom}` : `version ${index + 1}`;
  const rulesOf = (raw as { rules?: unknown })?.rules;
  // Name the province and the rule when one of them is wrong.
  if (rulesOf && typeof rulesOf === 'object') {
    for (const [province, rules] of Object.entries(rulesOf)) {
      if (!(PROVINCES as readonly string[]).includes(province)) throw new TaxTableError(`${at}, ${province}`, 'is not a province or territory code');
      if (!Array.isArray(rules)) throw new TaxTableError(`${at}, ${province}`, 'rules must be a list');
      rules.forEach((rule: unknown, i) => {
        const parsed = ruleSchema.safeParse(rule);
        if (!parsed.success) throw new TaxTableError(`${at}, ${province}, rule ${i + 1}${typeof (rule as { code?: unknown })?.code === 'string' ? ` (${(rule as { code: string }).code})` : ''}`, issueText(parsed.error.issues));
      });
      const codes = rules.map((r: { code: string }) => r.code);
      if (new Set(codes).size !== codes.length) throw new TaxTableError(`${at}, ${province}`, `charges a tax twice (${codes.join(', ')})`);
    }
  }
  const parsed = versionSchema.safeParse(raw);
  if (!parsed.success) throw new TaxTableError(at, issueText(parsed.error.issues));
  const missing = PROVINCES.filter((p) => !Object.hasOwn(parsed.data.rules, p));
  if (missing.length > 0) throw new TaxTableError(at, `has no rules for ${missing.join(', ')}`);
  return { effectiveFrom: parsed.data.effectiveFrom, rules: parsed.data.rules as Record<Province, TaxRule[]> };
}

/**
 * Reads and checks a table (the shape of tax-rates.json): every province and territory in every version, known tax
 * codes and classes, rates whole numbers in 1..25 000 per 100 000, versions in strictly ascending date order.
 * Throws TaxTableError naming the row.
 */
export function parseTaxTable(data: unknown): readonly TaxTableVersion[] {
  const file = fileSchema.safeParse(data);
  if (!file.success) throw new TaxTableError('file', issueText(file.error.issues));
  const versions = file.data.versions.map(parseVersion);
  versions.forEach((v, i) => {
    const before = versions[i - 1];
    if (before && before.effectiveFrom >= v.effectiveFrom) throw new TaxTableError(`version ${v.effectiveFrom}`, `is not after the version before it (${before.effectiveFrom}): versions must be in ascending date order`);
  });
  return Object.freeze(versions);
}

/**
 * Oldest first, from tax-rates.json. 2019-07-01: Manitoba's RST went from 8% to 7%, the last change before Nova
 * Scotia's; every other rate held from then. 2025-04-01: Nova Scotia's HST went from 15% to 14%.
 */
export const TAX_TABLE: readonly TaxTableVersion[] = parseTaxTable(shippedRates);

/** A manager's override of one tax's rate in one province from a store day (main/journal/tax-overrides.ts). */
export interface TaxRateOverride {
  province: Province;
  code: TaxCode;
  ratePer100k: number;
  effectiveFrom: string;
}

/**
 * The rules in force in `province` on `storeDay` (YYYY-MM-DD); a day before the oldest version is refused.
 * `overrides` (the manager's, in the order they were made): for each tax of the version, the latest-dated of the
 * version and the overrides of that province and code in force that day wins; an override dated the same day as the
 * version wins over it, and of two overrides of the same day the later made (docs/register.md "Rate overrides").
 */
export function taxSetupFor(
  province: Province, storeDay: string, pricesIncludeTax: boolean, table: readonly TaxTableVersion[] = TAX_TABLE, overrides: readonly TaxRateOverride[] = [],
): SaleTaxSetup {
  if (!(PROVINCES as readonly string[]).includes(province)) throw new RangeError(`unknown province ${province}`);
  const found = versionOn(storeDay, table);
  const rules = found.rules[province].map((r) => ({ ...r, ratePer100k: overrideInForce(province, r.code, storeDay, overrides, found)?.ratePer100k ?? r.ratePer100k, classes: [...r.classes] }));
  return { province, table: found.effectiveFrom, pricesIncludeTax, rules };
}

function versionOn(storeDay: string, table: readonly TaxTableVersion[]): TaxTableVersion {
  const found = [...table].reverse().find((v) => v.effectiveFrom <= storeDay);
  if (!found) throw new RangeError(`no tax table is in force on ${storeDay}`);
  return found;
}

/** The override that sets `code`'s rate in `province` on `storeDay` (taxSetupFor's precedence), if any does. */
export function overrideInForce<O extends TaxRateOverride>(province: Province, code: TaxCode, storeDay: string, overrides: readonly O[], version: TaxTableVersion | readonly TaxTableVersion[] = TAX_TABLE): O | undefined {
  let since = 'effectiveFrom' in version ? version.effectiveFrom : versionOn(storeDay, version).effectiveFrom;
  let winner: O | undefined;
  for (const o of overrides) {
    if (o.province !== province || o.code !== code || o.effectiveFrom > storeDay || o.effectiveFrom < since) continue;
    winner = o;
    since = o.effectiveFrom;
  }
  return winner;
}
