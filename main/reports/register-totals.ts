// The register's side of the reports (docs/register.md "In the reports"), per currency: net sales before tax and
// each tax collected, from the sale_taxes rows of the sales paid in the day (or Z period); the tax refunded, each
// succeeded refund of a paid sale apportioned over that sale's subtotal and each tax code in proportion (largest remainder,
// integer cents, so the parts add up to the refund); and the 5¢ cash rounding of the succeeded cash attempts.
import { TAX_CODES, type TaxCode } from '../shared/sales-tax.js';
import type { Journal } from '../journal/database.js';
import type { UtcRange } from '../journal/store-day.js';

export interface RegisterTax {
  code: TaxCode;
  collectedCents: number;
  refundedCents: number;
}

export interface RegisterTotals {
  currency: string;
  /** Sales paid in the day (or period). */
  salesCount: number;
  /** Their subtotals: the sales before tax, after discounts. */
  netSalesCents: number;
  /** What discounts took off those sales (line and sale discounts, docs/register.md "Discounts"): net sales are after it. */
  discountCents: number;
  /** The part of the refunds that was not tax (refunds less refunded tax). */
  refundedNetCents: number;
  /** Each tax with something collected or refunded, in GST HST PST QST RST order. */
  taxes: RegisterTax[];
  taxCollectedCents: number;
  taxRefundedCents: number;
  /** What the 5¢ cash rounding added to the cash taken (negative: the drawer got less than the sales). */
  roundingCents: number;
}

type Where = { sales: string; attempts: string; refunds: string };
const BY_DAY: Where = {
  sales: 'closed_at >= ? AND closed_at < ?',
  attempts: 'finalized_at >= ? AND finalized_at < ?',
  refunds: 'r.finalized_at >= ? AND r.finalized_at < ?',
};
const BY_PERIOD: Where = { sales: 'period = ?', attempts: 'period = ?', refunds: 'r.period = ?' };

function queries(w: Where) {
  return {
    NET_SALES: `SELECT currency, sum(subtotal_cents) AS cents, count(*) AS n FROM sales
      WHERE status = 'paid' AND ${w.sales} GROUP BY currency`,
    TAXES: `SELECT s.currency, t.code, sum(t.amount_cents) AS cents FROM sales s JOIN sale_taxes t ON t.sale_id = s.id
      WHERE s.status = 'paid' AND ${w.sales.replaceAll(/\b(closed_at|period)\b/g, 's.$1')} GROUP BY s.currency, t.code`,
    ROUNDING: `SELECT currency, sum(rounding_cents) AS cents FROM attempts
      WHERE state = 'succeeded' AND rounding_cents <> 0 AND ${w.attempts} GROUP BY currency`,
    REFUNDS: `SELECT r.id AS refundId, r.currency, r.amount_cents AS cents, s.id AS saleId, s.subtotal_cents AS subtotal, s.total_cents AS total
      FROM refunds r JOIN attempts a ON a.id = r.attempt_id JOIN sales s ON s.id = a.sale_id
      WHERE r.state = 'succeeded' AND s.status = 'paid' AND ${w.refunds}`,
    // Returns without a receipt (migration 0130): cash paid out at once, their tax exact from their lines.
    NO_RECEIPT: `SELECT r.id, r.currency, r.cash_back_cents AS cents FROM returns r
      WHERE r.kind = 'no-receipt' AND ${w.refunds.replaceAll('finalized_at', 'created_at')}`,
    // Exchanges: the part of a return's value credited to a new sale, on the day (period) of the exchange.
    CREDITED: `SELECT r.id, r.currency, r.credit_cents AS cents FROM returns r
      WHERE r.credit_cents > 0 AND ${w.refunds.replaceAll('finalized_at', 'created_at')}`,
    DISCOUNTS: `SELECT currency, sum(discount_cents) AS cents FROM sales
      WHERE status = 'paid' AND discount_cents > 0 AND ${w.sales} GROUP BY currency`,
  };
}

/** Exported so a test can check each query's plan stays on its index. */
export const REGISTER_DAY_SQL = queries(BY_DAY);
export const REGISTER_PERIOD_SQL = queries(BY_PERIOD);
const SALE_TAXES = 'SELECT code, amount_cents AS cents FROM sale_taxes WHERE sale_id = ?';
/** A refund that pays back returned lines carries its exact tax (migration 0130); others are apportioned. */
const REFUND_TAXES = 'SELECT t.code, t.amount_cents AS cents FROM return_refunds rr LEFT JOIN refund_taxes t ON t.refund_id = rr.refund_id WHERE rr.refund_id = ?';
const RETURN_TAXES = 'SELECT code, sum(amount_cents) AS cents FROM return_line_taxes WHERE return_id = ? GROUP BY code';
/** An exchange's credit carries the tax its refunds do not: the return's lines' tax less its refunds' (largest remainder). */
const CREDIT_TAXES = `SELECT l.code, l.cents - coalesce((SELECT sum(t.amount_cents) FROM return_refunds rr JOIN refund_taxes t ON t.refund_id = rr.refund_id
  WHERE rr.return_id = ? AND t.code = l.code), 0) AS cents FROM (SELECT code, sum(amount_cents) AS cents FROM return_line_taxes WHERE return_id = ? GROUP BY code) l`;

/**
 * Splits `amount` over `parts` in proportion (largest remainder; ties to the earlier part), in integer cents: the
 * shares add up to `amount` exactly. `amount` above the parts' sum is capped at it (a refund never holds more tax
 * than its sale had).
 */
export function apportion(amount: number, parts: readonly number[]): number[] {
  const whole = parts.reduce((a, b) => a + b, 0);
  if (whole <= 0 || amount <= 0) return parts.map(() => 0);
  const target = BigInt(Math.min(amount, whole));
  const total = BigInt(whole);
  const exact = parts.map((p) => BigInt(p) * target);
  const shares = exact.map((e) => e / total);
  let left = Number(target - shares.reduce((a, b) => a + b, 0n));
  const order = exact.map((e, i) => ({ i, rem: e % total })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0) break;
    shares[i] = (shares[i] as bigint) + 1n;
    left -= 1;
  }
  return shares.map(Number);
}

function totals(journal: Journal, sql: ReturnType<typeof queries>, params: number[]): RegisterTotals[] {
  const out = new Map<string, RegisterTotals & { byCode: Map<TaxCode, RegisterTax> }>();
  const of = (currency: string) => {
    let t = out.get(currency);
    if (!t) {
      t = { currency, salesCount: 0, netSalesCents: 0, discountCents: 0, refundedNetCents: 0, taxes: [], taxCollectedCents: 0, taxRefundedCents: 0, roundingCents: 0, byCode: new Map() };
      out.set(currency, t);
    }
    return t;
  };
  const tax = (t: ReturnType<typeof of>, code: TaxCode) => {
    let x = t.byCode.get(code);
    if (!x) t.byCode.set(code, (x = { code, collectedCents: 0, refundedCents: 0 }));
    return x;
  };
  for (const r of journal.statement(sql.NET_SALES).all(...params) as Array<{ currency: string; cents: number; n: number }>) {
    Object.assign(of(r.currency), { netSalesCents: r.cents, salesCount: r.n });
  }
  for (const r of journal.statement(sql.TAXES).all(...params) as Array<{ currency: string; code: TaxCode; cents: number }>) {
    tax(of(r.currency), r.code).collectedCents += r.cents;
  }
  for (const r of journal.statement(sql.ROUNDING).all(...params) as Array<{ currency: string; cents: number }>) {
    of(r.currency).roundingCents = r.cents;
  }
  for (const r of journal.statement(sql.DISCOUNTS).all(...params) as Array<{ currency: string; cents: number }>) {
    of(r.currency).discountCents = r.cents;
  }
  const refunds = journal.statement(sql.REFUNDS).all(...params) as Array<{ refundId: number; currency: string; cents: number; saleId: number; subtotal: number; total: number }>;
  for (const r of refunds) {
    const exact = journal.statement(REFUND_TAXES).all(r.refundId) as Array<{ code: TaxCode | null; cents: number | null }>;
    if (exact.length > 0) {
      // Returned lines: each tax exactly as the return's lines carried it; the rest (5¢ cash rounding included) is net.
      const t = of(r.currency);
      let taxed = 0;
      for (const x of exact) {
        if (x.code === null || x.cents === null) continue;
        tax(t, x.code).refundedCents += x.cents;
        taxed += x.cents;
      }
      t.refundedNetCents += r.cents - taxed;
      continue;
    }
    const byCode = new Map<TaxCode, number>();
    for (const x of journal.statement(SALE_TAXES).all(r.saleId) as Array<{ code: TaxCode; cents: number }>) byCode.set(x.code, (byCode.get(x.code) ?? 0) + x.cents);
    const codes = TAX_CODES.filter((c) => byCode.has(c));
    const t = of(r.currency);
    // Parts: the subtotal, then each tax code of the sale; a refund above the sale's total is net, not apportioned.
    const [net, ...taxShares] = apportion(r.cents, [r.subtotal, ...codes.map((c) => byCode.get(c) ?? 0)]);
    t.refundedNetCents += (net ?? 0) + Math.max(0, r.cents - r.total);
    codes.forEach((c, i) => (tax(t, c).refundedCents += taxShares[i] ?? 0));
  }
  for (const r of journal.statement(sql.NO_RECEIPT).all(...params) as Array<{ id: number; currency: string; cents: number }>) {
    const t = of(r.currency);
    let taxed = 0;
    for (const x of journal.statement(RETURN_TAXES).all(r.id) as Array<{ code: TaxCode; cents: number }>) {
      tax(t, x.code).refundedCents += x.cents;
      taxed += x.cents;
    }
    t.refundedNetCents += r.cents - taxed;
  }
  for (const r of journal.statement(sql.CREDITED).all(...params) as Array<{ id: number; currency: string; cents: number }>) {
    const t = of(r.currency);
    let taxed = 0;
    for (const x of journal.statement(CREDIT_TAXES).all(r.id, r.id) as Array<{ code: TaxCode; cents: number }>) {
      if (x.cents <= 0) continue;
      tax(t, x.code).refundedCents += x.cents;
      taxed += x.cents;
    }
    t.refundedNetCents += r.cents - taxed;
  }
  return [...out.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map(({ byCode, ...t }) => {
      const taxes = TAX_CODES.map((c) => byCode.get(c)).filter((x): x is RegisterTax => x !== undefined && (x.collectedCents > 0 || x.refundedCents > 0));
      return {
        ...t, taxes,
        taxCollectedCents: taxes.reduce((n, x) => n + x.collectedCents, 0),
        taxRefundedCents: taxes.reduce((n, x) => n + x.refundedCents, 0),
      };
    });
}

export function registerTotalsForRange(journal: Journal, range: UtcRange): RegisterTotals[] {
  return totals(journal, REGISTER_DAY_SQL, [range.startMs, range.endMs]);
}

export function registerTotalsForPeriod(journal: Journal, period: number): RegisterTotals[] {
  return totals(journal, REGISTER_PERIOD_SQL, [period]);
}
