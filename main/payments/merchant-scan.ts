// Merchant-scan: the cashier scans the customer's wallet code; create_order with codeType=barcode, then poll
// every 3 s until the per-wallet deadline (WeChat revokes unpaid micropay orders after about 45 s; Alipay and
// UnionPay allow 60 s; ARCHITECTURE.md §3). After an uncertain answer we only ever query, never re-send.
import { NotChargedError, OutcomeUnknownError, GatewayUnavailableError } from '../iotpay/errors.js';
import { createAttempt } from '../journal/attempts.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { classifyCode } from '../scanners/classifier.js';
import { moveAttempt } from './attempt-moves.js';
import { checkAttempt } from './gateway-outcome.js';
import { NotAPaymentCodeError } from './payment-errors.js';
import type { PaymentContext } from './payment-context.js';
import { waitForOutcome } from './polling.js';
import { amountToCharge } from './tender-checks.js';

export interface ScanCharge {
  saleId: number;
  /** The wallet payment code exactly as scanned. */
  code: string;
  cashier: string;
  /** Defaults to everything still due (split tender: pass part of it). */
  amountCents?: number;
  subject?: string;
}

export async function chargeByScan(ctx: PaymentContext, charge: ScanCharge, signal: AbortSignal, onAttempt?: (a: AttemptRecord) => void): Promise<AttemptRecord> {
  const scanned = classifyCode(charge.code);
  if (scanned.kind !== 'payment') throw new NotAPaymentCodeError();
  const amountCents = amountToCharge(ctx, charge.saleId, charge.amountCents, { needsGateway: true });
  // Journal first: the attempt, its mchOrderNo and the code's fingerprint (replay guard) are committed before
  // anything leaves, and `sent` is committed before the request, so a crash leaves a trace to reconcile.
  const created = createAttempt(ctx.journal, {
    saleId: charge.saleId, tender: 'wallet_scan', channel: scanned.wallet, amountCents, currency: ctx.currency,
    cashier: charge.cashier, paymentCode: scanned.code,
  });
  onAttempt?.(created);
  const sent = moveAttempt(ctx, created.id, 'sent');
  const deadlineAt = ctx.clock.now() + ctx.timings.scanDeadlineMs[scanned.wallet];
  await submit(ctx, sent, scanned.code, charge.subject ?? `Sale ${charge.saleId}`);
  return waitForOutcome(ctx, sent.id, { everyMs: ctx.timings.scanPollMs, deadlineAt, signal, expiredCode: 'NO_ANSWER_AT_TILL' });
}

async function submit(ctx: PaymentContext, attempt: AttemptRecord, code: string, subject: string): Promise<void> {
  try {
    const result = await ctx.client.orders.createMicropay({
      mchOrderNo: attempt.mchOrderNo, channel: attempt.channel as 'WX_MICROPAY', amountCents: attempt.amountCents,
      currency: attempt.currency as 'CAD', subject, body: subject, identityCode: code,
    });
    ctx.connectivity.observe(result);
    const ids = { payOrderId: result.payOrderId, channelOrderNo: result.channelOrderNo };
    // Paid at once still goes through a query: success means the gateway's amount and currency match ours.
    if (result.state === 'paid') await checkAttempt(ctx, moveAttempt(ctx, attempt.id, 'pending', ids));
    else if (result.state === 'cancelled') moveAttempt(ctx, attempt.id, 'failed', { ...ids, failureCode: 'CANCELLED' });
    else moveAttempt(ctx, attempt.id, 'pending', ids);
  } catch (err) {
    ctx.connectivity.observe(err);
    if (err instanceof NotChargedError) {
      const code = err instanceof GatewayUnavailableError ? 'OFFLINE' : err.code;
      moveAttempt(ctx, attempt.id, 'failed', { failureCode: code, failureMessage: err.message });
    } else if (err instanceof OutcomeUnknownError) {
      moveAttempt(ctx, attempt.id, 'unknown', { failureCode: err.code, failureMessage: err.message });
    } else {
      // Not an IOTPay answer at all (a bug): keep the attempt uncertain so the reconciler settles it.
      ctx.logger.error('unexpected error during create_order', { mchOrderNo: attempt.mchOrderNo, error: String(err) });
      moveAttempt(ctx, attempt.id, 'unknown', { failureCode: 'INTERNAL', failureMessage: String(err) });
    }
  }
}
