// The currencies a store may sell in, declared once (settings.json `currency`; IOTPay's own list, which adds CNY for
// WeChat, is main/iotpay/wire.ts). Money is integer cents with its ISO code beside it (docs/architecture.md §4).
// Pure data: main parses a stored currency with parseCurrency, so no payment flow casts a string.

export const CURRENCIES = ['CAD', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

/** A currency read back from a file or the journal; anything else is a bug or a foreign file, never guessed. */
export function parseCurrency(value: unknown): Currency {
  if (isCurrency(value)) return value;
  throw new TypeError(`not a store currency: ${JSON.stringify(value)} (expected one of ${CURRENCIES.join(', ')})`);
}
