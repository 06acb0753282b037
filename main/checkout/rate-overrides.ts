// A manager's override of one sales tax rate for the store's province, from a store day (docs/register.md "Rate
// overrides"): what may be overridden, and the store's tax setup with the overrides in force. The rows and their
// events live in the journal (main/journal/tax-overrides.ts); the precedence is taxSetupFor's (tax-table.ts).
import type { ErrorCode } from '../../preload/error-codes.js';
import type { Journal } from '../journal/database.js';
import { activeTaxRateOverrides, insertTaxRateOverride, listTaxRateOverrides, removeTaxRateOverride, type TaxRateOverrideRecord } from '../journal/tax-overrides.js';
import type { Province, SaleTaxSetup, TaxCode } from '../shared/sales-tax.js';
import { isStoreDay, MAX_RATE_PER_100K, TAX_TABLE, taxSetupFor, type TaxTableVersion } from './tax-table.js';

export type RateOverrideErrorCode = Extract<ErrorCode, 'TAX_OVERRIDE_INVALID' | 'TAX_OVERRIDE_NOT_FOUND'>;

export class RateOverrideError extends Error {
  constructor(readonly code: RateOverrideErrorCode, message: string) {
    super(message);
    this.name = 'RateOverrideError';
  }
}

/** How a sale opened now in `province` on `storeDay` is taxed: the table's version, with the overrides in force. */
export function storeTaxSetup(journal: Journal, province: Province, storeDay: string, pricesIncludeTax: boolean, table: readonly TaxTableVersion[] = TAX_TABLE): SaleTaxSetup {
  return taxSetupFor(province, storeDay, pricesIncludeTax, table, activeTaxRateOverrides(journal));
}

export interface RateOverrideRequest {
  province: Province;
  code: TaxCode;
  ratePer100k: number;
  /** Default: today. Never before today: a sale already opened keeps its rules, so an earlier day would claim what it cannot do. */
  effectiveFrom?: string;
  reason: string;
  /** The manager, as the journal keeps them (staff id). */
  by: string;
  today: string;
}

/** Journals an override of a tax the province charges on that day. Returns the row. */
export function overrideRate(journal: Journal, r: RateOverrideRequest, table: readonly TaxTableVersion[] = TAX_TABLE): TaxRateOverrideRecord {
  const from = r.effectiveFrom ?? r.today;
  if (!isStoreDay(from)) throw new RateOverrideError('TAX_OVERRIDE_INVALID', `${from} is not a date.`);
  if (from < r.today) throw new RateOverrideError('TAX_OVERRIDE_INVALID', 'An override starts today or later: sales already opened keep their taxes.');
  if (!Number.isInteger(r.ratePer100k) || r.ratePer100k < 1 || r.ratePer100k > MAX_RATE_PER_100K) throw new RateOverrideError('TAX_OVERRIDE_INVALID', 'The rate must be above 0% and at most 25%, to three decimals.');
  const reason = r.reason.trim();
  if (reason.length < 1 || reason.length > 200) throw new RateOverrideError('TAX_OVERRIDE_INVALID', 'Say why, in 1 to 200 characters.');
  const tableRule = taxSetupFor(r.province, from, false, table).rules.find((rule) => rule.code === r.code);
  if (!tableRule) throw new RateOverrideError('TAX_OVERRIDE_INVALID', `${r.province} charges no ${r.code}.`);
  return insertTaxRateOverride(journal, { province: r.province, code: r.code, ratePer100k: r.ratePer100k, tableRatePer100k: tableRule.ratePer100k, effectiveFrom: from, reason, createdBy: r.by });
}

/** Removes an override in force (or one dated later); refused when it was already removed or never existed. */
export function removeRateOverride(journal: Journal, id: number, by: string, reason: string): TaxRateOverrideRecord {
  const why = reason.trim();
  if (why.length < 1 || why.length > 200) throw new RateOverrideError('TAX_OVERRIDE_INVALID', 'Say why, in 1 to 200 characters.');
  const found = journal.statement('SELECT 1 FROM tax_rate_overrides WHERE id = ? AND removed_at IS NULL').get(id);
  if (!found) throw new RateOverrideError('TAX_OVERRIDE_NOT_FOUND', 'That override is no longer in force. It may have been removed already.');
  return removeTaxRateOverride(journal, id, by, why);
}

export interface RateOverview {
  province: Province;
  today: string;
  /** The province's taxes today: the table's rate and the one a sale opened now is charged. */
  taxes: { code: TaxCode; tableRatePer100k: number; ratePer100k: number }[];
  /** The province's overrides, newest first: those in force or dated later, then some removed ones. */
  overrides: TaxRateOverrideRecord[];
}

export function rateOverview(journal: Journal, province: Province, today: string, table: readonly TaxTableVersion[] = TAX_TABLE): RateOverview {
  const plain = taxSetupFor(province, today, false, table).rules;
  const charged = storeTaxSetup(journal, province, today, false, table).rules;
  return {
    province, today,
    taxes: plain.map((rule, i) => ({ code: rule.code, tableRatePer100k: rule.ratePer100k, ratePer100k: charged[i]?.ratePer100k ?? rule.ratePer100k })),
    overrides: listTaxRateOverrides(journal, 100).filter((o) => o.province === province).slice(0, 20),
  };
}
