// Checks applied before any byte is sent, so a bad request fails here with a clear message instead of at
// the gateway (or worse, being half-accepted). Limits come from wire.ts (docs/iotpay-api.md §5).
import { ValidationError } from './errors.js';
import { MAX_AMOUNT_CENTS, type Currency } from './wire.js';

/** Order and refund numbers: IOTPay states no charset, so keep to what every system round-trips safely. */
const ORDER_NUMBER = /^[A-Za-z0-9_-]+$/;

export function checkText(field: string, value: unknown, max: number, optional = false): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (optional) return undefined;
    throw new ValidationError(field, 'is required');
  }
  if (typeof value !== 'string') throw new ValidationError(field, `must be text, got ${typeof value}`);
  if ([...value].length > max) throw new ValidationError(field, `must be at most ${max} characters, got ${[...value].length}`);
  if (value !== value.trim()) throw new ValidationError(field, 'must not start or end with spaces (they are signed as sent)');
  return value;
}

export function checkOrderNumber(field: string, value: unknown, max: number): string {
  const text = checkText(field, value, max) as string;
  if (!ORDER_NUMBER.test(text)) throw new ValidationError(field, 'may only hold letters, digits, "-" and "_"');
  return text;
}

/** Money is a positive integer number of cents (docs/iotpay-api.md §2.6); 12.5 or 1e21 must never reach the wire. */
export function checkAmount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValidationError(field, `must be an integer number of cents, got ${String(value)}`);
  }
  if (value <= 0) throw new ValidationError(field, `must be positive, got ${value}`);
  if (value > MAX_AMOUNT_CENTS) throw new ValidationError(field, `must be at most ${MAX_AMOUNT_CENTS} cents`);
  return value;
}

export function checkOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')}, got ${String(value)}`);
  }
  return value as T;
}

export function checkCurrency(value: unknown, allowed: readonly Currency[], channel: string): Currency {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError('currency', `${String(value)} is not accepted for ${channel} (allowed: ${allowed.join(', ')})`);
  }
  return value as Currency;
}

/** Exactly one of two identifiers, as query_order and cc_query require. */
export function checkOneId(
  ref: { mchOrderNo?: string; payOrderId?: string },
  max: number,
): { mchOrderNo: string } | { payOrderId: string } {
  const hasMch = ref.mchOrderNo !== undefined;
  const hasPay = ref.payOrderId !== undefined;
  if (hasMch === hasPay) throw new ValidationError('mchOrderNo/payOrderId', 'give exactly one of them');
  return hasMch
    ? { mchOrderNo: checkOrderNumber('mchOrderNo', ref.mchOrderNo, max) }
    : { payOrderId: checkText('payOrderId', ref.payOrderId, max) as string };
}
