// v1 refund_order (docs/iotpay-api.md §3.8). An uncertain refund is retried by the caller with the SAME mchRefundNo;
// the gateway (and our sandbox) answers a repeated mchRefundNo with the first refund's result.
import { z } from 'zod';
import { businessFailure, intLike, parseReply, text } from './response-fields.js';
import type { RequestSender } from './request-sender.js';
import type { ClientSettings } from './client-settings.js';
import { checkAmount, checkOneOf, checkOrderNumber, checkText } from './validation.js';
import { V1_CHANNELS, V1_LIMITS, type Currency, type V1Channel } from './wire.js';

export interface RefundRequest {
  mchRefundNo: string;
  /** IOTPay's id of the payment being refunded. */
  payOrderId: string;
  amountCents: number;
  /** Required by one version of IOTPay's refund page, sent by its samples (docs/iotpay-api.md §3.8): always sent. */
  currency: Currency;
  /** Present in IOTPay's wire sample, absent from its field table; sent when given. */
  channel?: V1Channel;
}

/**
 * What a refund answer means for the money (xxpay's refund statuses, docs/iotpay-api.md findings table):
 *   refunded    status 2 (success) or 4 (complete): book it.
 *   processing  status 0 (init) or 1 (refunding): accepted, not done; re-send the same mchRefundNo until final.
 *   failed      status 3: the refund failed, nothing refunded.
 *   unknown     no status, or one we do not know: never booked; re-send the same mchRefundNo.
 */
export type RefundState = 'refunded' | 'processing' | 'failed' | 'unknown';

export interface RefundResult {
  mchRefundNo: string;
  refundOrderId?: string;
  amountCents?: number;
  /** The status as IOTPay sent it, when it sent one. */
  status?: number;
  state: RefundState;
  /** Whether the answer carried a signature (which then verified); IOTPay documents none here (signature-policy.ts). */
  signed: boolean;
}

/** The one place a refund status becomes a money decision. Only an explicit 2 or 4 books a refund. */
export function stateOfRefundStatus(status: number | undefined): RefundState {
  switch (status) {
    case 0:
    case 1:
      return 'processing';
    case 2:
    case 4:
      return 'refunded';
    case 3:
      return 'failed';
    default:
      return 'unknown';
  }
}

const refundResponse = z.object({
  refundOrderId: text.optional(),
  refundAmount: intLike.optional(),
  status: intLike.optional(),
});

export class RefundsResource {
  constructor(private readonly sender: RequestSender, private readonly settings: ClientSettings) {}

  async create(request: RefundRequest): Promise<RefundResult> {
    const params = {
      mchId: this.settings.mchId,
      mchRefundNo: checkOrderNumber('mchRefundNo', request.mchRefundNo, V1_LIMITS.mchRefundNo),
      payOrderId: checkText('payOrderId', request.payOrderId, V1_LIMITS.payOrderId),
      refundAmount: checkAmount('refundAmount', request.amountCents),
      clientIp: this.settings.clientIp,
      device: this.settings.device,
      loginName: checkText('loginName', this.settings.loginName, V1_LIMITS.loginName),
      currency: checkOneOf('currency', request.currency, ['CAD', 'USD', 'CNY']),
      channelId: request.channel === undefined ? undefined : checkOneOf('channel', request.channel, V1_CHANNELS),
    };
    const reply = await this.sender.postV1('refund_order', 'refund_order', params, this.settings.timeouts.refundMs);
    // Both retCode and resCode must be SUCCESS (docs/iotpay-api.md §3.8: do not copy the sample's OR).
    if (reply.body.resCode !== 'SUCCESS') throw businessFailure(reply);
    const fields = parseReply(refundResponse, reply);
    return {
      mchRefundNo: params.mchRefundNo, refundOrderId: fields.refundOrderId, amountCents: fields.refundAmount,
      status: fields.status, state: stateOfRefundStatus(fields.status), signed: reply.signed,
    };
  }
}
