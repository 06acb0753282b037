// Plain constants (no zod) for the manager's scanner, timer and wedge settings: the request schemas
// (manager-schemas.ts) enforce them in main, and the setup screens show them, from this one place.

/**
 * Wallet timer bounds in ms, docs/architecture.md §3. WeChat revokes unpaid micropay orders after about 45 s, so a
 * longer deadline only keeps the cashier waiting on a dead order; the upper bounds keep a typo from stalling a till.
 */
export const TIMER_BOUNDS = {
  scanPollMs: [500, 10_000],
  scanDeadlineMs: [5_000, 120_000],
  qrPollMs: [500, 10_000],
  qrExpiryMs: [10_000, 600_000],
  qrBackgroundMs: [0, 3_600_000],
  reconcileEveryMs: [1_000, 3_600_000],
} as const;

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;
export const SUFFIXES = ['CR', 'LF', 'CRLF', 'TAB'] as const;
export const WEDGE_TERMINATORS = ['Enter', 'NumpadEnter', 'Tab'] as const;

/** The store's GST/HST registration number as printed on receipts: 9-digit business number, RT, 4-digit account. */
export const GST_NUMBER = /^\d{9}RT\d{4}$/;
/** Revenu Québec's QST registration number: 10 digits, TQ, 4 digits. */
export const QST_NUMBER = /^\d{10}TQ\d{4}$/;
