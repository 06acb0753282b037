// Exchanges (docs/register.md "Returns and exchanges"): lines of a paid sale come back and their value pays a new,
// open sale instead of going back to the customer, so the customer pays, or gets back, only the difference. In ONE
// transaction: the lines are priced and capped as any return (returns.ts quoteReturn); the credit is the value up to
// what the new sale still owes, drawn from the old sale's tenders (cards and wallets first, then cash) so that money
// is no longer refundable there (`return_credits`; from cash, the 5¢-rounded cash its value frees, rule 3); the rest, if
// any, is refunded on those tenders by the return rules (the credited cash value counts toward the cumulative cash
// base, so the cash given back never passes what the drawer took); the new sale counts the credit as paid (journal/sale-balance.ts `creditCents`) and is
// closed as paid when the credit covers it. The tax stays gross on both sides: refunded on the returned lines (the
// credit carries its share of each tax, exactly), collected on the new sale's.
import type { Journal } from './database.js';
import { RefundExceedsPaidError, SaleStateError } from './errors.js';
import { appendEvent } from './events.js';
import { assertText } from './money.js';
import type { RefundRecord } from './payment-records.js';
import { openPeriod } from './periods.js';
import { cashBack } from './return-amounts.js';
import { getReturn, type ReturnRecord } from './return-queries.js';
import { allocateTenders, quoteReturn, writeQuotedLines, writeTenderRefunds, type NewReceiptReturn, type ReturnQuote, type TenderRoom } from './returns.js';
import { saleBalanceOf } from './sale-queries.js';
import { settleSale } from './sale-settlement.js';
import { getSaleRecord } from './sales.js';

export interface NewExchange extends NewReceiptReturn {
  /** The open sale the returned value pays. */
  newSaleId: number;
}

export interface ExchangeQuote extends ReturnQuote {
  newSaleId: number;
  /** What of the value pays the new sale, and from which of the old sale's tenders it is drawn. */
  creditCents: number;
  credits: Array<{ attemptId: number; amountCents: number }>;
  /** What the new sale still owes after the credit (the customer pays it). */
  stillDueCents: number;
}

/**
 * Credit drawn from the rooms (which are reduced by it): cards and wallets first, at its value; what is left comes
 * from cash, and frees the cash that a refund of that value would have paid (rule 3: 5¢-rounded on the cumulative
 * cash base), so the cash given back over a sale's returns and exchanges still adds up to round5 of its cash value and
 * never passes what the drawer took. Null when the rooms cannot hold it.
 */
function drawCredit(amount: number, rooms: TenderRoom[], cashValueBefore: number, currency: string): { drawn: Array<{ attemptId: number; amountCents: number }>; fromCash: number } | null {
  let left = amount;
  const drawn: Array<{ attemptId: number; amountCents: number }> = [];
  for (const room of rooms.filter((r) => !r.cash)) {
    const take = Math.min(left, room.refundableCents);
    if (take <= 0) continue;
    drawn.push({ attemptId: room.attemptId, amountCents: take });
    room.refundableCents -= take;
    left -= take;
  }
  const fromCash = left;
  if (fromCash > 0 && !rooms.some((r) => r.cash)) return null;
  let money = cashBack(cashValueBefore, fromCash, currency);
  for (const room of rooms.filter((r) => r.cash)) {
    const take = Math.min(money, room.refundableCents);
    if (take <= 0) continue;
    drawn.push({ attemptId: room.attemptId, amountCents: take });
    room.refundableCents -= take;
    money -= take;
  }
  return money > 0 ? null : { drawn, fromCash };
}

/** What exchanging these lines against the open sale `newSaleId` would do. Read-only. */
export function quoteExchange(journal: Journal, input: Pick<NewExchange, 'saleId' | 'lines' | 'newSaleId'>): ExchangeQuote {
  const base = quoteReturn(journal, input.saleId, input.lines);
  const next = getSaleRecord(journal, input.newSaleId);
  if (next.status !== 'open' || next.id === input.saleId) throw new SaleStateError(input.newSaleId, `is ${next.status}; an exchange pays an open sale`);
  if (next.currency !== base.currency) throw new SaleStateError(input.newSaleId, `is in ${next.currency}, the returned lines in ${base.currency}`);
  const balance = saleBalanceOf(journal, input.newSaleId);
  if (balance.holding) throw new SaleStateError(input.newSaleId, 'has a payment in flight');
  if (balance.dueCents === 0) throw new SaleStateError(input.newSaleId, 'owes nothing');
  const creditCents = Math.min(base.valueCents, balance.dueCents);
  // The rooms as the plain return saw them (what is still refundable on each tender), then less the credit.
  const rooms: TenderRoom[] = base.rooms.map((r) => ({ ...r }));
  const credit = drawCredit(creditCents, rooms, base.cashValueBefore, base.currency);
  if (!credit) throw new RefundExceedsPaidError(0, creditCents, rooms.reduce((s, r) => s + r.refundableCents, 0));
  const creditFromCash = credit.fromCash;
  const drawn = credit.drawn;
  const cashBefore = base.cashValueBefore + creditFromCash;
  const rest = allocateTenders(base.valueCents - creditCents, rooms, cashBefore, base.currency);
  if (!rest) throw new RefundExceedsPaidError(0, base.valueCents - creditCents, rooms.reduce((s, r) => s + r.refundableCents, 0));
  return {
    ...base, ...rest, cashValueCents: rest.cashValueCents + creditFromCash,
    newSaleId: input.newSaleId, creditCents, credits: drawn, stillDueCents: balance.dueCents - creditCents,
  };
}

export interface ExchangeWritten {
  returned: ReturnRecord;
  refunds: RefundRecord[];
  quote: ExchangeQuote;
}

export function createExchange(journal: Journal, input: NewExchange): ExchangeWritten {
  assertText('reason', input.reason, 500);
  assertText('approvedBy', input.approvedBy);
  return journal.write(() => {
    const q = quoteExchange(journal, input);
    const now = journal.clock.now();
    const period = openPeriod(journal);
    const cashGiven = q.tenders.filter((t) => t.cash).reduce((s, t) => s + t.amountCents, 0);
    const { lastInsertRowid } = journal
      .statement(`INSERT INTO returns (sale_id, kind, currency, value_cents, tax_cents, cash_value_cents, cash_back_cents, credit_cents, credit_sale_id, reason, approved_by, created_at, period)
        VALUES (?, 'receipt', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(q.saleId, q.currency, q.valueCents, q.taxCents, q.cashValueCents, cashGiven, q.creditCents, q.newSaleId, input.reason, input.approvedBy, now, period);
    const id = Number(lastInsertRowid);
    const lines = writeQuotedLines(journal, id, q);
    const addCredit = journal.statement('INSERT INTO return_credits (return_id, attempt_id, amount_cents) VALUES (?, ?, ?)');
    for (const c of q.credits) addCredit.run(id, c.attemptId, c.amountCents);
    // Each tax split over the credit and the refunds by their values (largest remainder): the credit's share first.
    const { refunds, refundFields } = writeTenderRefunds(journal, id, lines, q.tenders, [BigInt(q.creditCents)], input);
    appendEvent(journal, {
      kind: 'return.created', entity: 'return', entityId: id,
      payload: {
        saleId: q.saleId, kind: 'receipt', currency: q.currency, valueCents: q.valueCents, taxCents: q.taxCents, cashValueCents: q.cashValueCents,
        cashBackCents: cashGiven, creditCents: q.creditCents, creditSaleId: q.newSaleId, credits: q.credits, period,
        reason: input.reason, approvedBy: input.approvedBy, createdAt: now, lines, refunds: refundFields,
      },
    });
    // The credit covers what the new sale owed: it is paid now (its own sale.paid event).
    if (q.stillDueCents === 0) settleSale(journal, q.newSaleId);
    return { returned: getReturn(journal, id) as ReturnRecord, refunds, quote: q };
  });
}
