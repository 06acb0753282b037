// Merchant-scan: the cashier scans the customer's wallet code; create_order with codeType=barcode, then poll
// every 3 s until the per-wallet deadline (WeChat revokes unpaid micropay orders after about 45 s; Alipay and
// UnionPay allow 60 s; docs/architecture.md §3). After an uncertain answer we only ever query, never re-send.
// The code arrives classified: the scanner door (main/app/scanner-service.ts) classifies every code once, with
// the configured rules, so the engine never second-guesses which wallet it is.
import type { MicropayChannel } from '../iotpay/wire.js';
import { createAttempt } from '../journal/attempts.js';
import type { AttemptRecord } from '../journal/payment-records.js';
import { moveAttempt } from './attempt-moves.js';
import { attemptOutcome } from './attempt-outcome.js';
import { checkAttempt } from './gateway-outcome.js';
import type { PaymentContext } from './payment-context.js';
import { waitForOutcome } from './polling.js';
import { amountToCharge } from './tender-checks.js';
import type { WaitSignals } from './wait-signals.js';

export interface ScanCharge {
  saleId: number;
  /** The wallet the scanner door classified the code as. */
  wallet: MicropayChannel;
  /** The wallet payment code, as classified (configured prefixes already stripped). */
  code: string;
  cashier: string;
  /** Defaults to everything still due (split tender: pass part of it). */
  amountCents?: number;
  subject?: string;
}

export async function chargeByScan(ctx: PaymentContext, charge: ScanCharge, signals: WaitSignals, onAttempt?: (a: AttemptRecord) => void): Promise<AttemptRecord> {
  const amountCents = amountToCharge(ctx, charge.saleId, charge.amountCents, { needsGateway: true });
  // Journal first: the attempt, its mchOrderNo and the code's fingerprint (replay guard) are committed before
  // anything leaves, and `sent` is committed before the request, so a crash leaves a trace to reconcile.
  const created = createAttempt(ctx.journal, {
    saleId: charge.saleId, tender: 'wallet_scan', channel: charge.wallet, amountCents, currency: ctx.currency,
    cashier: charge.cashier, paymentCode: charge.code,
  });
  onAttempt?.(created);
  const sent = moveAttempt(ctx, created.id, 'sent');
  const closesAt = ctx.clock.monotonic() + ctx.timings.scanDeadlineMs[charge.wallet];
  // The countdown starts now, not when create_order answers: a slow gateway must not leave the till silent.
  ctx.events.emit({ type: 'countdown', attemptId: sent.id, remainingMs: closesAt - ctx.clock.monotonic(), phase: 'waiting' });
  await submit(ctx, sent, charge.code, charge.subject ?? `Sale ${charge.saleId}`);
  return waitForOutcome(ctx, sent.id, { everyMs: ctx.timings.scanPollMs, waitUntil: closesAt, closesAt, ...signals, expiredCode: 'NO_ANSWER_AT_TILL' });
}

async function submit(ctx: PaymentContext, attempt: AttemptRecord, code: string, subject: string): Promise<void> {
  try {
    const result = await ctx.client.orders.createMicropay({
      mchOrderNo: attempt.mchOrderNo, channel: attempt.channel as MicropayChannel, amountCents: attempt.amountCents,
      currency: ctx.currency, subject, body: subject, identityCode: code,
    });
    ctx.connectivity.observe(result);
    const ids = { payOrderId: result.payOrderId, channelOrderNo: result.channelOrderNo };
    // Paid at once still goes through a query: success means the gateway's amount and currency match ours.
    if (result.state === 'paid') await checkAttempt(ctx, moveAttempt(ctx, attempt.id, 'pending', ids));
    else if (result.state === 'cancelled') moveAttempt(ctx, attempt.id, 'failed', { ...ids, failureCode: 'CANCELLED_BY_CUSTOMER' });
    else moveAttempt(ctx, attempt.id, 'pending', ids);
  } catch (err) {
    ctx.connectivity.observe(err);
    const outcome = attemptOutcome(err);
    if (outcome.failureCode === 'INTERNAL') ctx.logger.error('unexpected error during create_order', { mchOrderNo: attempt.mchOrderNo, error: String(err) });
    moveAttempt(ctx, attempt.id, outcome.to, { failureCode: outcome.failureCode, failureMessage: outcome.failureMessage });
  }
}
