// Customer-scan: create a one-time QR order, show it on the customer display, poll every 2 s while it shows.
// After 120 s the QR is withdrawn and the attempt expires; the reconciler keeps asking for 10 more minutes,
// because IOTPay documents no call to close an unpaid order (API.md §3.11) and the customer may still pay.
import { GatewayUnavailableError, NotChargedError, OutcomeUnknownError } from '../iotpay/errors.js';
import type { QrChannel } from '../iotpay/wire.js';
import { createAttempt } from '../journal/attempts.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { moveAttempt } from './attempt-moves.js';
import type { PaymentContext } from './payment-context.js';
import { waitForOutcome } from './polling.js';
import { amountToCharge } from './tender-checks.js';

export interface QrCharge {
  saleId: number;
  channel: QrChannel;
  cashier: string;
  amountCents?: number;
  subject?: string;
}

export async function chargeByQr(ctx: PaymentContext, charge: QrCharge, signal: AbortSignal, onAttempt?: (a: AttemptRecord) => void): Promise<AttemptRecord> {
  const amountCents = amountToCharge(ctx, charge.saleId, charge.amountCents, { needsGateway: true });
  const created = createAttempt(ctx.journal, {
    saleId: charge.saleId, tender: 'wallet_qr', channel: charge.channel, amountCents, currency: ctx.currency, cashier: charge.cashier,
  });
  onAttempt?.(created);
  const sent = moveAttempt(ctx, created.id, 'sent');
  const subject = charge.subject ?? `Sale ${charge.saleId}`;
  try {
    const order = await ctx.client.orders.createQr({
      mchOrderNo: sent.mchOrderNo, channel: charge.channel, amountCents, currency: ctx.currency as 'CAD', subject, body: subject,
    });
    ctx.connectivity.observe(order);
    moveAttempt(ctx, sent.id, 'pending', { payOrderId: order.payOrderId });
    const expiresAt = ctx.clock.now() + ctx.timings.qrExpiryMs;
    ctx.events.emit({ type: 'qr', attemptId: sent.id, saleId: charge.saleId, channel: charge.channel, codeUrl: order.codeUrl, amountCents, currency: ctx.currency, expiresAt });
    return await waitForOutcome(ctx, sent.id, { everyMs: ctx.timings.qrPollMs, deadlineAt: expiresAt, signal, expiredCode: 'QR_EXPIRED' });
  } catch (err) {
    ctx.connectivity.observe(err);
    if (err instanceof NotChargedError) {
      return moveAttempt(ctx, sent.id, 'failed', { failureCode: err instanceof GatewayUnavailableError ? 'OFFLINE' : err.code, failureMessage: err.message });
    }
    // No QR was shown, so nobody can pay it; still, only a query may close the attempt (reconciler).
    const code = err instanceof OutcomeUnknownError ? err.code : 'INTERNAL';
    return moveAttempt(ctx, sent.id, 'unknown', { failureCode: code, failureMessage: String(err instanceof Error ? err.message : err), nextCheckAt: ctx.clock.now() });
  }
}
