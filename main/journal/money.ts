// Money enters the journal as integer cents (minor units) beside an ISO 4217 code; nothing else gets in.
import { JournalInputError } from './errors.js';

export function assertCents(field: string, value: number, options: { positive?: boolean } = {}): number {
  if (!Number.isSafeInteger(value)) throw new JournalInputError(field, `must be integer cents, got ${value}`);
  if (options.positive ? value <= 0 : value < 0) {
    throw new JournalInputError(field, `must be ${options.positive ? 'above' : 'at least'} zero, got ${value}`);
  }
  return value;
}

export function assertCurrency(value: string): string {
  if (!/^[A-Z]{3}$/.test(value)) throw new JournalInputError('currency', `'${value}' is not an ISO 4217 code`);
  return value;
}

export function assertText(field: string, value: string, maxLength = 200): string {
  if (value.trim().length === 0 || value.length > maxLength) {
    throw new JournalInputError(field, `must be 1 to ${maxLength} characters`);
  }
  return value;
}
