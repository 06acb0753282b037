// Every code a screen can receive in a refusal (`IpcError.code`), declared once. Pure data with no imports, so
// main (the door answers only these, main/app/dispatch.ts), the hosts and the renderer share the list. Each
// code has words in every dictionary (`errorCode.<CODE>`, renderer/shared/i18n/error-messages.ts checks it at
// compile time). A new error class that can reach a screen adds its code here, or the door answers INTERNAL
// (test/unit/error-codes.test.ts scans the error classes for codes missing from this list).

export const ERROR_CODES = [
  // The door (main/app/dispatch.ts) and the hosts (main/electron/ipc-registration.ts, main/browser-host/bridge-protocol.ts).
  'UNKNOWN_CHANNEL', 'NOT_ALLOWED', 'SENDER_REFUSED', 'INVALID_REQUEST', 'INTERNAL',
  'MESSAGE_TOO_LARGE', 'BAD_JSON', 'BAD_MESSAGE', 'NOT_AUTHENTICATED', 'TOO_MANY_CALLS',
  // The screen's own transport (preload/role-api.ts, renderer/shared/browser-bridge.ts, renderer/shared/invoke.ts).
  'IPC_FAILED', 'BRIDGE_DISCONNECTED', 'BRIDGE_NO_TOKEN', 'BRIDGE_UNAUTHORIZED', 'TRANSPORT',
  // Manager PIN and settings (main/app/manager-sessions.ts, main/app/handlers/settings-handlers.ts, main/config/load-settings.ts).
  'PIN_WRONG', 'PIN_LOCKED', 'SESSION_EXPIRED', 'SECRET_STORE_UNAVAILABLE', 'CONFIG_INVALID',
  // Staff, sign-in and shifts (main/app/manager-sessions.ts, main/app/till-operator.ts, main/staff/).
  'SIGNED_OUT', 'STAFF_ROLE_TOO_LOW', 'APPROVAL_NOT_ALLOWED', 'PIN_CHANGE_REQUIRED', 'PIN_TAKEN', 'PIN_NOT_ALLOWED',
  'STAFF_NAME_TAKEN', 'STAFF_NOT_FOUND', 'LAST_MANAGER', 'SHIFT_NOT_OPEN', 'SHIFT_ALREADY_OPEN', 'CASH_VARIANCE_NEEDS_APPROVAL',
  // The till (main/checkout/till-errors.ts, main/checkout/till.ts scan refusals).
  'UNKNOWN_PRODUCT', 'UNKNOWN_LINE', 'SALE_HAS_PAYMENTS', 'BELOW_PAID', 'NOT_THIS_TILL', 'NOTHING_TO_REFUND',
  'SCAN_UNKNOWN_PRODUCT', 'SCAN_EMPTY_SALE', 'SCAN_UNREADABLE',
  // Held (parked) sales (main/checkout/parked-sales.ts).
  'PARK_EMPTY_SALE', 'PARK_SALE_HAS_PAYMENTS', 'PARK_SALE_HAS_CREDIT', 'PARK_PAYMENT_IN_FLIGHT', 'PARKED_SALE_NOT_FOUND', 'PARK_NOT_AVAILABLE',
  // Discounts and price overrides (main/checkout/discounts.ts).
  'DISCOUNT_NEEDS_APPROVAL', 'PRICE_OVERRIDE_NEEDS_APPROVAL', 'DISCOUNT_TOO_LARGE',
  // Tax rate overrides (main/checkout/rate-overrides.ts).
  'TAX_OVERRIDE_INVALID', 'TAX_OVERRIDE_NOT_FOUND',
  // The payment engine (main/payments/payment-errors.ts).
  'OFFLINE', 'AMOUNT_EXCEEDS_DUE', 'PAYMENT_IN_PROGRESS', 'NOT_A_PAYMENT_CODE', 'PAYMENT_CODE_REUSED', 'INSUFFICIENT_CASH',
  'CASH_ROUNDS_TO_NOTHING',
  'ATTEMPT_STATE', 'RESOLUTION_REFUSED',
  // The IOTPay client (main/iotpay/errors.ts, main/iotpay/notifications.ts).
  'VALIDATION', 'SIGNATURE_REJECTED', 'REQUEST_REJECTED', 'DECLINED', 'INVALID_PAYMENT_CODE', 'REFUND_REJECTED', 'ORDER_NOT_FOUND',
  'GATEWAY_UNAVAILABLE', 'RESPONSE_LOST', 'GATEWAY_SERVER_ERROR', 'MALFORMED_RESPONSE', 'RESPONSE_SIGNATURE', 'DUPLICATE_ORDER',
  'UNRECOGNISED_FAILURE', 'NOTIFICATION_REJECTED',
  // The journal (main/journal/errors.ts).
  'JOURNAL_CORRUPT', 'JOURNAL_VERSION', 'ILLEGAL_TRANSITION', 'REFUND_EXCEEDS_PAID', 'JOURNAL_NOT_FOUND', 'SALE_STATE', 'JOURNAL_INPUT',
  'DAY_ALREADY_CLOSED', 'SALE_TOTAL_TOO_LARGE', 'PERIOD_NOT_BEGUN', 'PERIOD_DATE_BEFORE_LAST',
  // Returns by line (main/journal/return-errors.ts).
  'RETURN_EXCEEDS_SOLD', 'RETURN_LINES',
  // Exchanges at the till (main/app/handlers/till-return-handlers.ts, main/checkout/till.ts voidCurrent).
  'EXCHANGE_NO_SALE', 'EXCHANGE_SALE_NOT_FOUND', 'SALE_HAS_CREDIT',
  // Storage faults (main/shared/storage-faults.ts) and the training sandbox lock (main/app/training-gateway.ts).
  'STORAGE_READ_ONLY', 'STORAGE_FULL', 'STORAGE_LOCKED', 'STORAGE_PERMISSION', 'JOURNAL_MISSING', 'TRAINING_SANDBOX_BUSY',
  // Receipt printing (main/printing/printer-errors.ts): the slip waits in the print queue, the sale stays paid.
  'PRINTER_PAPER_OUT', 'PRINTER_COVER_OPEN', 'PRINTER_OFFLINE', 'PRINTER_TIMEOUT', 'PRINTER_NOT_CONFIGURED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value);
}
