// Money is integer minor units (cents) end to end; this is the one place that turns it into text, and the one
// place that turns typed text into cents — by string arithmetic, never by multiplying a float.

const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO currency (2 for CAD, 0 for JPY), as Intl knows them. */
export function fractionDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, fmt);
  }
  // Division happens only here, for display; nothing computed from the result goes back into a sale.
  return fmt.format(cents / 10 ** fractionDigits(currency));
}

/**
 * "12.5", "12,50", "$12" → cents; null when the text is not an amount. Accepts a comma decimal separator
 * because fr-CA cashiers type one. Thousands separators are refused rather than guessed at.
 */
export function parseAmountToCents(text: string, digits = 2): number | null {
  const cleaned = text.trim().replace(/^\$\s*/, '').replace(/\s*\$$/, '');
  const match = /^(\d{1,9})(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const frac = match[2] ?? '';
  if (frac.length > digits) return null;
  const padded = (frac + '0'.repeat(digits)).slice(0, digits);
  return Number(whole) * 10 ** digits + (digits > 0 ? Number(padded) : 0);
}

/** The cash amounts a customer is likely to hand over for `dueCents`: exact, then the next round notes. */
export function cashSuggestions(dueCents: number): number[] {
  if (dueCents <= 0) return [];
  const out = [dueCents];
  for (const step of [500, 1000, 2000, 5000, 10_000]) {
    const next = Math.ceil(dueCents / step) * step;
    if (next > dueCents && !out.includes(next)) out.push(next);
  }
  return out.slice(0, 5);
}

/** Cents as the plain text an amount field holds ("19.99"), for pre-filling; exact, no float. */
export function centsToInput(cents: number, digits = 2): string {
  if (digits === 0) return String(cents);
  const unit = 10 ** digits;
  return `${Math.floor(cents / unit)}.${String(cents % unit).padStart(digits, '0')}`;
}

const rateFormats = new Map<string, Intl.NumberFormat>();

/** A tax rate in parts per 100 000 as this locale writes a percentage: "13%", "9.975%", "9,975 %" (display only). */
export function formatTaxRate(ratePer100k: number, locale: string): string {
  let fmt = rateFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 });
    rateFormats.set(locale, fmt);
  }
  return fmt.format(ratePer100k / 100_000);
}

/** An adjustment with its sign always shown, a true minus for less: "−$0.02", "+$0.01" (cash rounding). */
export function signedMoney(cents: number, format: (cents: number) => string): string {
  return `${cents < 0 ? '−' : '+'}${format(Math.abs(cents))}`;
}
