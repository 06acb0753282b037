// How a discount reads on the cart, the customer display and the discount panel (docs/register.md "Discounts"):
// "−$2.40 (10%)". Percentages cross the contract as hundredths of a percent (1 000 = 10%); typed text becomes them
// by string arithmetic (money.ts parseAmountToCents with two decimals), never through a float.
import type { SaleView } from '../../preload/contract.js';
import { parseAmountToCents } from './money.js';

type Given = NonNullable<SaleView['saleDiscount']>;

const percentFormats = new Map<string, Intl.NumberFormat>();

/** 1 000 → "10%", 1 250 → "12.5%" ("12,5 %" in fr-CA). */
export function formatPercentBp(bp: number, locale: string): string {
  let fmt = percentFormats.get(locale);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    percentFormats.set(locale, fmt);
  }
  // Division only for display; nothing computed from it goes back into a sale.
  return fmt.format(bp / 10_000);
}

/** "10", "12.5", "12,5" → hundredths of a percent (1 000, 1 250); null unless 0.01..100. */
export function parsePercentToBp(text: string): number | null {
  const bp = parseAmountToCents(text.replace(/\s*%$/, ''), 2);
  return bp === null || bp <= 0 || bp > 10_000 ? null : bp;
}

/** "−$2.40 (10%)" for a percentage, "−$2.00" for an amount. */
export function discountText(d: Given, money: (cents: number) => string, locale: string): string {
  return d.kind === 'pct' ? `−${money(d.cents)} (${formatPercentBp(d.value, locale)})` : `−${money(d.cents)}`;
}
