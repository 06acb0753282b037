// Journal records as the screens see them (the contract's shapes). Only what a screen shows crosses over:
// no payment-code fingerprints, no gateway internals.
import type { AttemptView, SaleView } from '../../preload/contract.js';
import type { Journal } from '../journal/database.js';
import { paysSale, type AttemptRecord } from '../journal/payment-records.js';
import { getSale } from '../journal/sale-queries.js';

export function attemptView(a: AttemptRecord): AttemptView {
  return {
    id: a.id, saleId: a.saleId, tender: a.tender, channel: a.channel, amountCents: a.amountCents, currency: a.currency, state: a.state,
    needsAction: a.needsAction, mchOrderNo: a.mchOrderNo, codeLast4: a.codeLast4, failureCode: a.failureCode,
    failureMessage: a.failureMessage, cashTenderedCents: a.cashTenderedCents, changeCents: a.changeCents, createdAt: a.createdAt,
  };
}

export function saleView(journal: Journal, saleId: number): SaleView {
  const { sale, lines, attempts, refunds } = getSale(journal, saleId);
  const paid = attempts.filter(paysSale).reduce((s, a) => s + a.amountCents, 0);
  return {
    id: sale.id, status: sale.status, currency: sale.currency, cashier: sale.cashier, totalCents: sale.totalCents,
    paidCents: paid, dueCents: Math.max(0, sale.totalCents - paid), createdAt: sale.createdAt,
    lines: lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, name: l.name, unitPriceCents: l.unitPriceCents, quantity: l.quantity, lineTotalCents: l.lineTotalCents })),
    attempts: attempts.map(attemptView),
    refunds: refunds.map((r) => ({ id: r.id, attemptId: r.attemptId, mchRefundNo: r.mchRefundNo, amountCents: r.amountCents, state: r.state, reason: r.reason, createdAt: r.createdAt })),
  };
}
