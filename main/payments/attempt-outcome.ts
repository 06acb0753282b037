// What an error from the gateway means for an attempt or a refund, decided in one place for every flow
// (merchant-scan, customer QR, card, refunds): certainly not charged → failed, with a failure code the screens
// can word (main/payments/attempt-reasons.ts); anything else → unknown, settled only by a later query.
import { DeclinedError, GatewayUnavailableError, InvalidPaymentCodeError, NotChargedError, OutcomeUnknownError } from '../iotpay/errors.js';

export interface ErrorOutcome {
  to: 'failed' | 'unknown';
  failureCode: string;
  /** Technical detail for the log and the manager's detail view; never shown at the till. */
  failureMessage: string;
}

/** Gateway decline codes that mean the customer's balance is short (docs/iotpay-api.md §5.1; the sandbox's 04). */
const INSUFFICIENT = /INSUFFICIENT|NOTENOUGH|NOT_ENOUGH|BALANCE/i;

function notChargedCode(err: NotChargedError): string {
  if (err instanceof GatewayUnavailableError) return 'OFFLINE';
  if (err instanceof InvalidPaymentCodeError) return 'INVALID_PAYMENT_CODE';
  if (err instanceof DeclinedError) return INSUFFICIENT.test(err.gatewayCode) ? 'INSUFFICIENT_FUNDS' : 'DECLINED';
  return err.code;
}

export function attemptOutcome(err: unknown): ErrorOutcome {
  const failureMessage = err instanceof Error ? err.message : String(err);
  if (err instanceof NotChargedError) return { to: 'failed', failureCode: notChargedCode(err), failureMessage };
  // Not an IOTPay answer at all (a bug) is as uncertain as a lost one: only a query may settle it.
  return { to: 'unknown', failureCode: err instanceof OutcomeUnknownError ? err.code : 'INTERNAL', failureMessage };
}
