// What an error from the gateway means for an attempt or a refund, decided in one place for every flow
// (merchant-scan, customer QR, card, refunds): certainly not charged → failed, with a failure code the screens
// can word (main/payments/attempt-reasons.ts); anything else → unknown, settled only by a later query.
// And what a refund answer means: booked refunded only on an explicit success.
import { DeclinedError, GatewayUnavailableError, InvalidPaymentCodeError, IotPayError, NotChargedError, OutcomeUnknownError } from '../iotpay/errors.js';
import type { RefundState as GatewayRefundState } from '../iotpay/refunds.js';

export interface ErrorOutcome {
  to: 'failed' | 'unknown';
  failureCode: string;
  /** Technical detail for the log and the manager's detail view; never shown at the till. */
  failureMessage: string;
}

/** Gateway decline codes that mean the customer's balance is short (docs/iotpay-api.md §5.1; the sandbox's 04). */
const INSUFFICIENT = /INSUFFICIENT|NOTENOUGH|NOT_ENOUGH|BALANCE/i;

function notChargedCode(err: NotChargedError): string {
  if (err instanceof GatewayUnavailableError) return 'OFFLINE';
  if (err instanceof InvalidPaymentCodeError) return 'INVALID_PAYMENT_CODE';
  if (err instanceof DeclinedError) return INSUFFICIENT.test(err.gatewayCode) ? 'INSUFFICIENT_FUNDS' : 'DECLINED';
  return err.code;
}

/**
 * The gateway's own words first, compactly (`create_order HTTP 200 retCode=SUCCESS resCode=FAIL
 * errCode=INSUFFICIENT_FUNDS — insufficient funds`), for the manager's technical details.
 */
function messageOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const summary = err instanceof IotPayError ? err.gatewaySummary : '';
  return summary === '' ? err.message : `${summary} — ${err.message}`;
}

export function attemptOutcome(err: unknown): ErrorOutcome {
  const failureMessage = messageOf(err);
  if (err instanceof NotChargedError) return { to: 'failed', failureCode: notChargedCode(err), failureMessage };
  // Not an IOTPay answer at all (a bug) is as uncertain as a lost one: only a query may settle it.
  return { to: 'unknown', failureCode: err instanceof OutcomeUnknownError ? err.code : 'INTERNAL', failureMessage };
}

/** A refund answer as both APIs give it: v1 refund_order (iotpay/refunds.ts) or a v3 cc_refund record. */
export interface RefundAnswer {
  state: GatewayRefundState;
  status?: number;
  amountCents?: number;
  refundOrderId?: string;
  signed: boolean;
}

export interface RefundOutcome {
  /** `processing`: accepted, not done; the refund stays in flight (journal state `sent`) and is re-sent. */
  to: 'succeeded' | 'failed' | 'unknown' | 'processing';
  failureCode?: string;
  failureMessage?: string;
}

export const REFUND_PROCESSING = 'REFUND_PROCESSING';

/**
 * xxpay's refund statuses (docs/iotpay-api.md findings table): 2 and 4 done, 0 and 1 in progress, 3 failed;
 * anything else, or no status, is unknown and re-sent with the same mchRefundNo. A "done" whose amount is not
 * the one we asked for is not booked either.
 */
export function refundAnswerOutcome(answer: RefundAnswer, askedCents: number): RefundOutcome {
  const status = answer.status === undefined ? 'no status' : `status ${answer.status}`;
  switch (answer.state) {
    case 'refunded':
      if (answer.amountCents !== undefined && answer.amountCents !== askedCents) {
        return { to: 'unknown', failureCode: 'REFUND_AMOUNT_MISMATCH', failureMessage: `gateway refunded ${answer.amountCents}, asked ${askedCents} (${status})` };
      }
      return { to: 'succeeded' };
    case 'processing':
      return { to: 'processing', failureCode: REFUND_PROCESSING, failureMessage: `refund accepted, not done yet (${status})` };
    case 'failed':
      return { to: 'failed', failureCode: 'REFUND_FAILED', failureMessage: `the gateway says the refund failed (${status})` };
    case 'unknown':
      return { to: 'unknown', failureCode: 'REFUND_STATUS_UNKNOWN', failureMessage: `refund answer not understood (${status}); re-sent with the same mchRefundNo` };
  }
}
