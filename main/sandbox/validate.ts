// Field checks shared by the v1 and v3 handlers, with the exact retMsg texts of docs/sandbox.md
// ("<field> is required", "<field> exceeds <n> characters", the amount message).
import { MAX_CENTS } from './wire-rules.js';
import type { WireParams } from './wire-parse.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export function rejected<T>(message: string): Checked<T> {
  return { ok: false, message };
}

/** A scalar field as text; '' when absent. IOTPay samples send numbers and strings interchangeably. */
export function text(params: WireParams, name: string): string {
  const value = params[name];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function isScalar(value: unknown): boolean {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The first missing required field or over-long field, in the order the fields are listed. */
export function fieldProblem(
  params: WireParams,
  required: readonly string[],
  limits: Readonly<Record<string, number>>,
): string | null {
  for (const name of required) {
    if (text(params, name) === '' && isScalar(params[name])) return `${name} is required`;
  }
  for (const [name, limit] of Object.entries(limits)) {
    // Objects would be left out of the signature and then lost, so they are refused rather than guessed at.
    if (!isScalar(params[name])) return `${name} must be a string`;
    if (text(params, name).length > limit) return `${name} exceeds ${limit} characters`;
  }
  return null;
}

/** A positive whole number of cents, as a JSON number or a digit string; null for anything else. */
export function centsOf(value: unknown): number | null {
  let cents: number;
  if (typeof value === 'number') cents = value;
  else if (typeof value === 'string' && /^\d{1,15}$/.test(value)) cents = Number(value);
  else return null;
  return Number.isSafeInteger(cents) && cents > 0 && cents <= MAX_CENTS ? cents : null;
}

export function amountProblem(field: string): string {
  return `${field} must be a positive integer number of cents`;
}

/** `extra` is a JSON string (docs/iotpay-api.md §2.2); an unparsable one counts as having none of the named members. */
export function extraMember(extra: string, name: string): string {
  try {
    const parsed: unknown = JSON.parse(extra);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const value = (parsed as Record<string, unknown>)[name];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    }
  } catch {
    // Falls through: a malformed extra has no members, which the caller reports as a missing one.
  }
  return '';
}
