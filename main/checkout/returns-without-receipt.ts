// A return without a receipt (docs/register.md "Returns and exchanges"): a manager's call, on the manager screen or
// with a manager's PIN at a till (`TillDeps.approve(pin, 'return-without-receipt')`). The items come from the catalog
// at their current price and tax class, taxed as one sale of them would be today (main/shared/sales-tax.ts), and go
// back in cash, 5¢-rounded: IOTPay refunds only name an original order (docs/iotpay-api.md §3.8, §4.10), so neither a
// card nor a wallet can take money back without the sale. Journaled with who approved and why
// (main/journal/returns.ts createNoReceiptReturn).
import type { ApprovalAction } from '../../preload/approvals.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Journal } from '../journal/database.js';
import { createNoReceiptReturn, type NoReceiptLine } from '../journal/returns.js';
import type { ReturnRecord } from '../journal/return-queries.js';
import { cashBack, lineShares, type SaleTaxAmount } from '../journal/return-amounts.js';
import { computeSaleTax, type SaleTaxSetup, type TaxCode } from '../shared/sales-tax.js';
import { TillError } from './till-errors.js';

export interface NoReceiptDeps {
  journal: Journal;
  catalog: Pick<Catalog, 'findBySku' | 'findByGtin'>;
  currency: string;
  /** The store's tax setup today (main/checkout/tax-table.ts taxSetupFor). */
  tax: () => SaleTaxSetup;
}

export interface ItemWanted {
  /** The SKU, or the barcode (GTIN) scanned or typed. */
  code: string;
  quantity: number;
}

export interface NoReceiptQuote {
  currency: string;
  pricesIncludeTax: boolean;
  lines: Array<{ lineNo: number; sku: string; name: string; quantity: number; netCents: number; taxes: Array<{ code: TaxCode; amountCents: number }>; amountCents: number }>;
  valueCents: number;
  taxCents: number;
  cashBackCents: number;
  /** What goes into the journal. */
  items: NoReceiptLine[];
  taxes: SaleTaxAmount[];
}

export function quoteNoReceipt(deps: NoReceiptDeps, wanted: readonly ItemWanted[]): NoReceiptQuote {
  const items: NoReceiptLine[] = wanted.map((w) => {
    const code = w.code.trim();
    const product = deps.catalog.findBySku(code) ?? deps.catalog.findByGtin(code);
    if (!product) throw new TillError('UNKNOWN_PRODUCT', `no product ${code.slice(0, 64)} in the catalog`);
    return { sku: product.sku, name: product.name, taxClass: product.taxClass, unitPriceCents: product.priceCents, quantity: w.quantity };
  });
  const setup = deps.tax();
  const sale = computeSaleTax(items.map((i) => ({ lineTotalCents: i.unitPriceCents * i.quantity, taxClass: i.taxClass })), setup.rules, setup.pricesIncludeTax);
  const taxes = setup.rules.map((r, i) => ({ code: r.code, ratePer100k: r.ratePer100k, classes: r.classes, amountCents: sale.taxes[i]?.amountCents ?? 0 }));
  const shares = lineShares(items.map((it, i) => ({ lineNo: i + 1, quantity: it.quantity, lineTotalCents: it.unitPriceCents * it.quantity, discountCents: 0, taxClass: it.taxClass })), taxes, setup.pricesIncludeTax);
  const lines = shares.map((s, i) => {
    const it = items[i] as NoReceiptLine;
    const byCode = new Map<TaxCode, number>();
    s.taxCents.forEach((c, j) => {
      const code = taxes[j]?.code;
      if (code && c > 0) byCode.set(code, (byCode.get(code) ?? 0) + c);
    });
    const tax = s.taxCents.reduce((a, b) => a + b, 0);
    return { lineNo: s.lineNo, sku: it.sku, name: it.name, quantity: s.quantity, netCents: s.netCents, taxes: [...byCode].map(([code, amountCents]) => ({ code, amountCents })), amountCents: setup.pricesIncludeTax ? s.netCents : s.netCents + tax };
  });
  const valueCents = sale.totalCents;
  const taxCents = sale.taxes.reduce((a, t) => a + t.amountCents, 0);
  return { currency: deps.currency, pricesIncludeTax: setup.pricesIncludeTax, lines, valueCents, taxCents, cashBackCents: cashBack(0, valueCents, deps.currency), items, taxes };
}

export function returnWithoutReceipt(deps: NoReceiptDeps, wanted: readonly ItemWanted[], reason: string, approvedBy: string): ReturnRecord {
  const q = quoteNoReceipt(deps, wanted);
  return createNoReceiptReturn(deps.journal, { currency: deps.currency, lines: q.items, taxes: q.taxes, pricesIncludeTax: q.pricesIncludeTax, reason, approvedBy });
}

/**
 * The same at a till: the manager types their PIN there; `approve` (TillDeps.approve) checks it for
 * 'return-without-receipt' and answers who approved, or throws (a wrong PIN counts toward the lockout) before
 * anything is written.
 */
export function returnWithoutReceiptAtTill(
  deps: NoReceiptDeps & { approve: (pin: string, action: Extract<ApprovalAction, 'return-without-receipt'>) => string },
  pin: string,
  wanted: readonly ItemWanted[],
  reason: string,
): ReturnRecord {
  quoteNoReceipt(deps, wanted); // an unknown item is refused before the PIN is spent
  const approvedBy = deps.approve(pin, 'return-without-receipt');
  return returnWithoutReceipt(deps, wanted, reason, approvedBy);
}
