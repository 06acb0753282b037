// Integer minor units to a decimal string, with string arithmetic only (no float money).
// Minor-unit digits come from ISO 4217 via Intl (JPY 0, CAD 2, KWD 3).

const digitsCache = new Map<string, number>();

export function minorUnitDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function formatMinorUnits(cents: number, currency: string): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not integer minor units: ${cents}`);
  const digits = minorUnitDigits(currency);
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${abs}`;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
