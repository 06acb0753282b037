// The journal's failure codes as the reasons a person reads (preload/payment-states.ts ATTEMPT_REASONS; each
// screen words them as `reason.<CODE>`). Gateway error codes and internal codes stop here.
import type { AttemptReason } from '../../preload/payment-states.js';
import type { AttemptRecord } from '../journal/payment-records.js';

const BY_FAILURE_CODE: Readonly<Record<string, AttemptReason>> = {
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  INVALID_PAYMENT_CODE: 'INVALID_PAYMENT_CODE',
  DECLINED: 'DECLINED',
  CANCELLED_BY_CUSTOMER: 'CANCELLED_BY_CUSTOMER',
  // Journals written before the reasons were split say CANCELLED for both.
  CANCELLED: 'CANCELLED_BY_CUSTOMER',
  CLOSED_BY_GATEWAY: 'CLOSED_BY_GATEWAY',
  CANCELLED_AT_TILL: 'CANCELLED_AT_TILL',
  NO_ANSWER_AT_TILL: 'NO_ANSWER_AT_TILL',
  QR_EXPIRED: 'QR_EXPIRED',
  CARD_FORM_TIMEOUT: 'CARD_FORM_TIMEOUT',
  OFFLINE: 'OFFLINE',
  NEVER_CREATED: 'NEVER_CREATED',
  AMOUNT_MISMATCH: 'AMOUNT_MISMATCH',
  INTERRUPTED: 'INTERRUPTED',
  RESPONSE_LOST: 'ANSWER_LOST',
  GATEWAY_SERVER_ERROR: 'ANSWER_LOST',
  MALFORMED_RESPONSE: 'ANSWER_LOST',
  RESPONSE_SIGNATURE: 'ANSWER_LOST',
  DUPLICATE_ORDER: 'ANSWER_LOST',
  UNRECOGNISED_FAILURE: 'ANSWER_LOST',
  SIGNATURE_REJECTED: 'GATEWAY_REFUSED',
  REQUEST_REJECTED: 'GATEWAY_REFUSED',
  VALIDATION: 'GATEWAY_REFUSED',
};

/** Why the attempt is not paid (or not yet known), or null when it is paid or nothing went wrong. */
export function attemptReason(a: Pick<AttemptRecord, 'state' | 'failureCode'>): AttemptReason | null {
  if (a.state === 'succeeded' || a.failureCode === null) return null;
  return Object.hasOwn(BY_FAILURE_CODE, a.failureCode) ? BY_FAILURE_CODE[a.failureCode]! : 'OTHER';
}
