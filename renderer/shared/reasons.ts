// Why a payment did not go through, in words. Main maps the gateway's own failure codes onto the short list in
// preload/payment-states.ts (ATTEMPT_REASONS); the cashier reads `reason.<CODE>`, and a customer (display,
// kiosk) reads a few of them in words meant for them, or just "did not go through".
import type { AttemptReason } from '../../preload/payment-states.js';
import type { MessageKey } from './i18n/translate.js';

export function reasonKey(reason: AttemptReason | null): MessageKey {
  return `reason.${reason ?? 'OTHER'}`;
}

const CUSTOMER_REASONS: Partial<Record<AttemptReason, MessageKey>> = {
  INSUFFICIENT_FUNDS: 'display.reason.INSUFFICIENT_FUNDS',
  INVALID_PAYMENT_CODE: 'display.reason.INVALID_PAYMENT_CODE',
  DECLINED: 'display.reason.DECLINED',
  CANCELLED_BY_CUSTOMER: 'display.reason.CANCELLED_BY_CUSTOMER',
  QR_EXPIRED: 'display.reason.QR_EXPIRED',
};

/** Words for the customer, or null when the reason is the till's business ("did not go through" says enough). */
export function customerReasonKey(reason: AttemptReason | null): MessageKey | null {
  return reason ? (CUSTOMER_REASONS[reason] ?? null) : null;
}
