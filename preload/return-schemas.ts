// The shapes of returns by line (docs/register.md "Returns and exchanges"), kept beside the contract's own schemas
// (contract-schemas.ts) and used by contract.ts. Money is integer cents.
import { z } from 'zod';
import { cents, refundView } from './contract-schemas.js';

const id = z.number().int().positive();
const session = z.object({ session: z.string().min(16).max(128) });
const reason = z.string().trim().min(3).max(200);
const taxCode = z.enum(['GST', 'HST', 'PST', 'QST', 'RST']);
/** A line of the sale and how many of its units come back. */
const lineWanted = z.object({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1).max(999) });
/** An item from the catalog, by the SKU or barcode typed or scanned, and how many come back. */
const itemWanted = z.object({ code: z.string().trim().min(1).max(64), quantity: z.number().int().min(1).max(999) });

export const requests = {
  quote: session.extend({ saleId: id, lines: z.array(lineWanted).min(1).max(200) }),
  returnLines: session.extend({ saleId: id, lines: z.array(lineWanted).min(1).max(200), reason }),
  /** The lines' value pays the sale open at the counter till; only the rest goes back (docs/register.md "Returns and exchanges"). */
  quoteExchange: session.extend({ saleId: id, lines: z.array(lineWanted).min(1).max(200) }),
  exchange: session.extend({ saleId: id, lines: z.array(lineWanted).min(1).max(200), reason }),
  quoteNoReceipt: session.extend({ items: z.array(itemWanted).min(1).max(200) }),
  noReceipt: session.extend({ items: z.array(itemWanted).min(1).max(200), reason }),
};

const quoteLine = z.object({
  lineNo: z.number().int().min(1), sku: z.string(), name: z.string(), quantity: z.number().int().min(1),
  /** After discount (tax-inclusive prices: tax included). */
  netCents: cents,
  taxes: z.array(z.object({ code: taxCode, amountCents: cents })),
  /** What the customer gets for these units. */
  amountCents: cents,
});

export const returnQuote = z.object({
  currency: z.string(), pricesIncludeTax: z.boolean(), lines: z.array(quoteLine),
  valueCents: cents, taxCents: cents,
  /** Where it goes back: each tender's money (cash 5¢-rounded). */
  tenders: z.array(z.object({ attemptId: id.nullable(), tender: z.enum(['wallet_scan', 'wallet_qr', 'card', 'cash']), amountCents: cents })),
  /** What of the value goes back in cash, and the cash given for it. */
  cashValueCents: cents, cashBackCents: cents,
});

export const returnResult = returnQuote.extend({ returnId: id, refunds: z.array(refundView) });

/** An exchange against the counter's open sale: what of the value pays it, and what it still owes after. */
export const exchangeQuote = returnQuote.extend({ newSaleId: id, newSaleTotalCents: cents, creditCents: cents, stillDueCents: cents });
export const exchangeResult = exchangeQuote.extend({ returnId: id, refunds: z.array(refundView) });

export const responses = { returnQuote, returnResult, exchangeQuote, exchangeResult };

/** A PIN typed at the till by the supervisor or manager who approves (TillDeps.approve). */
const pin = z.string().regex(/^\d{4,8}$/, 'must be 4 to 8 digits');
/**
 * The same at the cashier screen (no session: whoever is signed in calls, a supervisor's or manager's PIN approves):
 * the new sale is the one open at this till, never one a quote opens.
 */
export const tillRequests = {
  /** The receipt's code (preload/receipt-code.ts), scanned or typed, or the sale number. */
  findSale: z.object({ query: z.string().trim().min(1).max(64) }),
  quoteExchange: z.object({ saleId: id, lines: z.array(lineWanted).min(1).max(200) }),
  exchange: z.object({ saleId: id, lines: z.array(lineWanted).min(1).max(200), reason, pin }),
  quoteNoReceipt: z.object({ items: z.array(itemWanted).min(1).max(200) }),
  noReceipt: z.object({ items: z.array(itemWanted).min(1).max(200), reason, pin }),
};
