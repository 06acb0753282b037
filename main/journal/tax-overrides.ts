// The manager's tax rate overrides (migration 0150, docs/register.md "Rate overrides"). Each change is one event in
// the hash chain carrying everything the row then holds, so `journal verify` rebuilds the table from the events
// (tax-override-rebuild.ts). An override is never deleted: removing it stamps who, when and why, and the row stays.
// What may be overridden (a tax the province charges, from today on) is decided in main/checkout/rate-overrides.ts.
import type { Province, TaxCode } from '../shared/sales-tax.js';
import type { Journal } from './database.js';
import { JournalInputError, JournalNotFoundError } from './errors.js';
import { appendEvent } from './events.js';

export interface TaxRateOverrideRecord {
  id: number;
  province: Province;
  code: TaxCode;
  ratePer100k: number;
  /** The table's rate for that tax on the day the override starts, when it was made. */
  tableRatePer100k: number;
  effectiveFrom: string;
  reason: string;
  createdAt: number;
  createdBy: string;
  removedAt: number | null;
  removedBy: string | null;
  removalReason: string | null;
}

export interface NewTaxRateOverride {
  province: Province;
  code: TaxCode;
  ratePer100k: number;
  tableRatePer100k: number;
  effectiveFrom: string;
  reason: string;
  createdBy: string;
}

const SELECT = `SELECT id, province, code, rate_per_100k AS ratePer100k, table_rate_per_100k AS tableRatePer100k, effective_from AS effectiveFrom,
  reason, created_at AS createdAt, created_by AS createdBy, removed_at AS removedAt, removed_by AS removedBy, removal_reason AS removalReason
  FROM tax_rate_overrides`;

const rate = (field: string, v: number) => {
  if (!Number.isInteger(v) || v < 1 || v > 25_000) throw new JournalInputError(field, `${v} is not a rate of 1 to 25 000 per 100 000`);
};
const text = (field: string, v: string): string => {
  const t = v.trim();
  if (t.length < 1 || t.length > 200) throw new JournalInputError(field, 'must be 1 to 200 characters');
  return t;
};

export function getTaxRateOverride(journal: Journal, id: number): TaxRateOverrideRecord {
  const row = journal.statement(`${SELECT} WHERE id = ?`).get(id) as TaxRateOverrideRecord | undefined;
  if (!row) throw new JournalNotFoundError('tax rate override', id);
  return row;
}

/** Every override, newest first (at most `limit`). */
export function listTaxRateOverrides(journal: Journal, limit = 50): TaxRateOverrideRecord[] {
  return journal.statement(`${SELECT} ORDER BY id DESC LIMIT ?`).all(limit) as TaxRateOverrideRecord[];
}

/** The overrides not removed, in the order they were made (taxSetupFor's precedence depends on it). */
export function activeTaxRateOverrides(journal: Journal): TaxRateOverrideRecord[] {
  return journal.statement(`${SELECT} WHERE removed_at IS NULL ORDER BY id`).all() as TaxRateOverrideRecord[];
}

export function insertTaxRateOverride(journal: Journal, input: NewTaxRateOverride): TaxRateOverrideRecord {
  if (!/^[A-Z]{2}$/.test(input.province)) throw new JournalInputError('province', `'${input.province}' is not a province code`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.effectiveFrom)) throw new JournalInputError('effectiveFrom', `'${input.effectiveFrom}' is not a date`);
  rate('ratePer100k', input.ratePer100k);
  rate('tableRatePer100k', input.tableRatePer100k);
  const reason = text('reason', input.reason);
  const by = text('createdBy', input.createdBy);
  return journal.write(() => {
    const info = journal
      .statement(`INSERT INTO tax_rate_overrides (province, code, rate_per_100k, table_rate_per_100k, effective_from, reason, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.province, input.code, input.ratePer100k, input.tableRatePer100k, input.effectiveFrom, reason, journal.clock.now(), by);
    const record = getTaxRateOverride(journal, Number(info.lastInsertRowid));
    appendEvent(journal, { kind: 'tax.override.set', entity: 'tax_override', entityId: record.id, payload: { ...record, approval: 'settings' } });
    return record;
  });
}

/** Removes an override not yet removed; sales opened after it take the table's rate (or an older override) again. */
export function removeTaxRateOverride(journal: Journal, id: number, removedBy: string, removalReason: string): TaxRateOverrideRecord {
  const by = text('removedBy', removedBy);
  const reason = text('removalReason', removalReason);
  return journal.write(() => {
    const before = getTaxRateOverride(journal, id);
    if (before.removedAt !== null) throw new JournalNotFoundError('tax rate override in force', id);
    journal.statement('UPDATE tax_rate_overrides SET removed_at = ?, removed_by = ?, removal_reason = ? WHERE id = ?').run(journal.clock.now(), by, reason, id);
    const record = getTaxRateOverride(journal, id);
    appendEvent(journal, { kind: 'tax.override.removed', entity: 'tax_override', entityId: id, payload: { ...record, approval: 'settings' } });
    return record;
  });
}
