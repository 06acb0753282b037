// v1 refund_order (docs/iotpay-api.md §3.8). An uncertain refund is retried by the caller with the SAME mchRefundNo;
// the gateway (and our sandbox) answers a repeated mchRefundNo with the first refund's result.
import { z } from 'zod';
import { UnrecognisedFailureError } from './errors.js';
import { businessFailure, intLike, parseFields, text } from './response-fields.js';
import type { RequestSender } from './request-sender.js';
import type { ClientSettings } from './client-settings.js';
import { checkAmount, checkOneOf, checkOrderNumber, checkText } from './validation.js';
import { V1_CHANNELS, V1_LIMITS, type Currency, type V1Channel } from './wire.js';

export interface RefundRequest {
  mchRefundNo: string;
  /** IOTPay's id of the payment being refunded. */
  payOrderId: string;
  amountCents: number;
  /** Listed as required on IOTPay's older refund page and sent by its samples; sent when given. */
  currency?: Currency;
  /** Present in IOTPay's wire sample, absent from its field table; sent when given. */
  channel?: V1Channel;
}

export type RefundState = 'refunded' | 'processing';

export interface RefundResult {
  mchRefundNo: string;
  refundOrderId?: string;
  amountCents?: number;
  state: RefundState;
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
      loginName: this.settings.loginName,
      currency: request.currency === undefined ? undefined : checkOneOf('currency', request.currency, ['CAD', 'USD', 'CNY']),
      channelId: request.channel === undefined ? undefined : checkOneOf('channel', request.channel, V1_CHANNELS),
    };
    const json = await this.sender.postV1('refund_order', params, this.settings.timeouts.refundMs);
    // Both retCode and resCode must be SUCCESS (docs/iotpay-api.md §3.8: do not copy the sample's OR).
    if (json.resCode !== 'SUCCESS') throw businessFailure(json, 'refund_order');
    const fields = parseFields(refundResponse, json, 'refund_order');
    // No refund status table is published. Read it like order statuses: 2/3 done, 0/1 accepted but not done;
    // anything else is not a state we can book, so the caller must treat the refund as uncertain.
    const status = fields.status;
    let state: RefundState;
    if (status === undefined || status === 2 || status === 3) state = 'refunded';
    else if (status === 0 || status === 1) state = 'processing';
    else throw new UnrecognisedFailureError(`STATUS_${status}`, `refund_order: unexpected refund status ${status}`);
    return { mchRefundNo: params.mchRefundNo, refundOrderId: fields.refundOrderId, amountCents: fields.refundAmount, state };
  }
}
