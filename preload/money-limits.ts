// The largest amount the contract carries (preload/contract-schemas.ts `cents`), declared once so main refuses a
// change that would take a sale past it before anything is written (main/journal/sales.ts), instead of committing
// it and then failing to answer every later sale:current. Pure data, no imports.

/** 100 million dollars in cents: far above any till sale, well inside Number.MAX_SAFE_INTEGER. */
export const MAX_CENTS = 100_000_000_00;

/**
 * Canadian cash rounding (docs/register.md "Cash rounding"): with no penny, a cash payment is rounded to the nearest
 * 5¢: ending in 1 or 2 down to 0, 3 or 4 up to 5, 6 or 7 down to 5, 8 or 9 up to 10. Only cash, only CAD; wallets
 * and cards are charged to the cent. Main rounds the tender (main/payments/cash.ts); the cash panel shows the same.
 */
export function roundCashCents(cents: number, currency = 'CAD'): number {
  if (currency !== 'CAD') return cents;
  const r = cents % 5;
  return r <= 2 ? cents - r : cents + 5 - r;
}
