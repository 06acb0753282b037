// The till's own refusals, each with a stable code the screens word (renderer dictionaries, `errorCode.<CODE>`).
import type { ErrorCode } from '../../preload/error-codes.js';

export type TillErrorCode = Extract<ErrorCode, 'UNKNOWN_PRODUCT' | 'UNKNOWN_LINE' | 'SALE_HAS_PAYMENTS' | 'BELOW_PAID' | 'NOT_THIS_TILL' | 'NOTHING_TO_REFUND' | 'DISCOUNT_NEEDS_APPROVAL' | 'PRICE_OVERRIDE_NEEDS_APPROVAL' | 'DISCOUNT_TOO_LARGE' | 'SALE_HAS_CREDIT'>;

export class TillError extends Error {
  constructor(readonly code: TillErrorCode, message: string) {
    super(message);
    this.name = 'TillError';
  }
}
