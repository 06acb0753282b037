// GS1 product codes (docs/iotpay-api.md §7.2): EAN-8, UPC-A, EAN-13 and GTIN-14 all end in a mod-10 check digit.

export type Gs1Format = 'EAN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14';

const FORMAT_BY_LENGTH: Record<number, Gs1Format> = { 8: 'EAN-8', 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' };

export function gs1FormatForLength(length: number): Gs1Format | undefined {
  return FORMAT_BY_LENGTH[length];
}

/** The check digit for `body` (all digits but the last): weights 3,1,3,… from the right. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function hasValidGs1CheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/** Left-pads to GTIN-14 so one product scanned as UPC-A or EAN-13 finds the same catalog row. */
export function toGtin14(digits: string): string {
  return digits.padStart(14, '0');
}

/** Validates and normalises a GTIN as a catalog key; undefined when it is not a valid GS1 product code. */
export function normaliseGtin(value: string): { gtin: string; format: Gs1Format } | undefined {
  const format = gs1FormatForLength(value.length);
  if (!format || !hasValidGs1CheckDigit(value)) return undefined;
  return { gtin: toGtin14(value), format };
}
