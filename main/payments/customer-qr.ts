// Customer-scan: create a one-time QR order, show it on the customer display, poll every 2 s while it shows.
// After 120 s (or a cashier cancel) the QR is withdrawn and the attempt is checking until the QR's own expiry;
// after that the reconciler keeps asking, ever more rarely, because IOTPay documents no call to close an
// unpaid order (docs/iotpay-api.md §6 B) and the customer may still pay.
import type { QrChannel } from '../iotpay/wire.js';
import { createAttempt } from '../journal/attempts.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { moveAttempt } from './attempt-moves.js';
import { attemptOutcome } from './attempt-outcome.js';
import type { PaymentContext } from './payment-context.js';
import { waitForOutcome } from './polling.js';
import { amountToCharge } from './tender-checks.js';
import type { WaitSignals } from './wait-signals.js';

export interface QrCharge {
  saleId: number;
  channel: QrChannel;
  cashier: string;
  amountCents?: number;
  subject?: string;
}

export async function chargeByQr(ctx: PaymentContext, charge: QrCharge, signals: WaitSignals, onAttempt?: (a: AttemptRecord) => void): Promise<AttemptRecord> {
  const amountCents = amountToCharge(ctx, charge.saleId, charge.amountCents, { needsGateway: true });
  const created = createAttempt(ctx.journal, {
    saleId: charge.saleId, tender: 'wallet_qr', channel: charge.channel, amountCents, currency: ctx.currency, cashier: charge.cashier,
  });
  onAttempt?.(created);
  const sent = moveAttempt(ctx, created.id, 'sent');
  const subject = charge.subject ?? `Sale ${charge.saleId}`;
  try {
    const order = await ctx.client.orders.createQr({
      mchOrderNo: sent.mchOrderNo, channel: charge.channel, amountCents, currency: ctx.currency, subject, body: subject,
    });
    ctx.connectivity.observe(order);
    moveAttempt(ctx, sent.id, 'pending', { payOrderId: order.payOrderId });
    const expiresAt = ctx.clock.monotonic() + ctx.timings.qrExpiryMs;
    ctx.events.emit({ type: 'qr', attemptId: sent.id, saleId: charge.saleId, channel: charge.channel, codeUrl: order.codeUrl, amountCents, currency: ctx.currency, expiresAt });
    return await waitForOutcome(ctx, sent.id, { everyMs: ctx.timings.qrPollMs, waitUntil: expiresAt, closesAt: expiresAt, ...signals, expiredCode: 'QR_EXPIRED' });
  } catch (err) {
    ctx.connectivity.observe(err);
    // No QR was shown, so nobody can pay it; still, only a query may close an uncertain attempt (reconciler).
    const outcome = attemptOutcome(err);
    return moveAttempt(ctx, sent.id, outcome.to, { failureCode: outcome.failureCode, failureMessage: outcome.failureMessage });
  }
}
