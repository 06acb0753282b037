// v3 transaction records as IOTPay returns them in retData and notifications (docs/iotpay-api.md §4.4, §4.9), and the
// v3 envelope: `sign` over retData's top-level scalars (the sandbox's addition, docs/sandbox.md "v3 responses").
import { answerFields, sandboxSign } from './signing.js';
import type { GatewayReply } from './gateway-context.js';
import type { CardFace, V3Purchase, V3Refund } from './ledger-records.js';

function cardFields(card: CardFace | undefined): Record<string, string> {
  return { cardNum: card?.cardNum ?? '', cardType: card?.cardType ?? '', expiryDate: card?.expiryDate ?? '' };
}

export function purchaseRecord(order: V3Purchase, mchId: string): Record<string, unknown> {
  return {
    payOrderId: order.payOrderId,
    mchId,
    mchOrderNo: order.mchOrderNo,
    originalOrderId: '',
    currency: order.currency,
    amount: order.amount,
    payType: 'pay',
    refundable: order.refundable,
    status: order.status,
    paySuccTime: order.paySuccTime ?? '',
    ...cardFields(order.card),
    invoiceNum: order.invoiceNum,
    authNum: order.authNum,
    transNum: order.transNum,
    channel: order.channel,
  };
}

/** Refund records keep the merchant's mchRefundNo in mchOrderNo, as IOTPay's void/refund responses do. */
export function refundRecord(refund: V3Refund, mchId: string): Record<string, unknown> {
  return {
    payOrderId: refund.payOrderId,
    mchId,
    mchOrderNo: refund.mchRefundNo,
    originalOrderId: refund.originalOrderId,
    currency: refund.currency,
    amount: refund.amount,
    payType: 'refund',
    refundable: 0,
    status: refund.status,
    paySuccTime: refund.paySuccTime,
    ...cardFields(refund.card),
    invoiceNum: refund.invoiceNum,
    authNum: refund.authNum,
    transNum: refund.transNum,
    channel: refund.channel,
  };
}

export function v3Fail(retMsg: string): GatewayReply {
  return { body: { retCode: 'FAIL', retMsg } };
}

export function v3Success(retData: Record<string, unknown>, key: string): GatewayReply {
  return { body: { retCode: 'SUCCESS', retMsg: '', retData, sign: sandboxSign(answerFields(retData), key) } };
}
