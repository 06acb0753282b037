// The numbers a screen may see with a refusal, so it can say "2 tries left" or "$4.50 is due" in its own
// language (preload/contract.ts IpcError.details). A whitelist per error code: only these named fields, only
// finite numbers. Nothing else an error object carries (file paths, gateway texts, code digits, keys) is sent.
import type { ErrorCode } from '../../preload/error-codes.js';

/** Keyed by listed codes only (preload/error-codes.ts): a typo is a compile error. */
export const ERROR_DETAIL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  PIN_WRONG: ['triesLeft'],
  PIN_LOCKED: ['minutes'],
  AMOUNT_EXCEEDS_DUE: ['amountCents', 'dueCents'],
  INSUFFICIENT_CASH: ['tenderedCents', 'amountCents'],
  PAYMENT_IN_PROGRESS: ['attemptId'],
  REFUND_EXCEEDS_PAID: ['requestedCents', 'refundableCents'],
  DAY_ALREADY_CLOSED: ['zNumber'],
  GATEWAY_SERVER_ERROR: ['status'],
  CASH_VARIANCE_NEEDS_APPROVAL: ['varianceCents'],
} satisfies Partial<Record<ErrorCode, readonly string[]>>;

/** The whitelisted numeric fields of a coded error, or undefined when there are none. */
export function publicDetails(code: string, err: object): Record<string, number> | undefined {
  const fields = Object.hasOwn(ERROR_DETAIL_FIELDS, code) ? ERROR_DETAIL_FIELDS[code] : undefined;
  if (!fields) return undefined;
  const details: Record<string, number> = {};
  for (const field of fields) {
    const value = (err as Record<string, unknown>)[field];
    if (typeof value === 'number' && Number.isFinite(value)) details[field] = value;
  }
  return Object.keys(details).length > 0 ? details : undefined;
}
