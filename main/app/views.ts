// Journal records as the screens see them (the contract's shapes). Only what a screen shows crosses over:
// no payment-code fingerprints, no gateway internals beyond the manager's technical detail.
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { attemptPhase } from '../../preload/payment-states.js';
import type { Journal } from '../journal/database.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { saleBalance } from '../journal/sale-balance.js';
import { getSale } from '../journal/sale-queries.js';
import { attemptReason } from '../payments/attempt-reasons.js';
import { rateLabel } from '../shared/sales-tax.js';
import { refundReturnFields, returnedByLine } from './return-views.js';
import { creditsToSale, creditToSale } from '../journal/return-queries.js';

export function attemptView(a: AttemptRecord): AttemptView {
  return {
    id: a.id, saleId: a.saleId, tender: a.tender, channel: a.channel, amountCents: a.amountCents, currency: a.currency, state: a.state,
    phase: attemptPhase(a.state), reason: attemptReason(a), released: a.released,
    needsAction: a.needsAction, mchOrderNo: a.mchOrderNo, codeLast4: a.codeLast4, failureCode: a.failureCode,
    failureMessage: a.failureMessage, cashTenderedCents: a.cashTenderedCents, changeCents: a.changeCents, roundingCents: a.roundingCents, createdAt: a.createdAt,
  };
}

export function saleView(journal: Journal, saleId: number): SaleView {
  const { sale, lines, taxes, attempts, refunds } = getSale(journal, saleId);
  const balance = saleBalance(sale.totalCents, attempts, refunds, sale.currency, creditToSale(journal, saleId));
  const open = sale.status === 'open';
  const returned = returnedByLine(journal, saleId);
  return {
    id: sale.id, status: sale.status, currency: sale.currency, cashier: sale.cashier, subtotalCents: sale.subtotalCents,
    discountCents: sale.discountCents, saleDiscount: sale.saleDiscount,
    // A tax with nothing to tax (no line of its classes) is left off the screens and the receipt.
    taxes: taxes.filter((t) => t.baseCents > 0 || t.amountCents > 0).map((t) => ({ code: t.code, ratePer100k: t.ratePer100k, rateLabel: rateLabel(t.ratePer100k), baseCents: t.baseCents, amountCents: t.amountCents })),
    pricesIncludeTax: sale.pricesIncludeTax, totalCents: sale.totalCents,
    paidCents: balance.paidCents, dueCents: open ? balance.dueCents : 0, heldCents: balance.heldCents,
    holdingAttemptId: balance.holding?.id ?? null, overpaidCents: balance.overpaidCents, changeCents: balance.changeCents,
    roundingCents: balance.roundingCents, cashDueCents: open ? balance.cashDueCents : 0, createdAt: sale.createdAt,
    lines: lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity, lineTotalCents: l.lineTotalCents, taxClass: l.taxClass,
      discountCents: l.discountCents, lineDiscount: l.lineDiscount, catalogPriceCents: l.catalogPriceCents, returnedQuantity: returned.get(l.lineNo) ?? 0 })),
    attempts: attempts.map(attemptView),
    // Exchange credits that pay this sale (returned lines of an earlier sale): their own row on screen and receipt.
    credits: creditsToSale(journal, saleId),
    refunds: refunds.map((r) => ({ id: r.id, attemptId: r.attemptId, mchRefundNo: r.mchRefundNo, amountCents: r.amountCents, state: r.state, reason: r.reason, createdAt: r.createdAt, ...refundReturnFields(journal, r.id) })),
  };
}
