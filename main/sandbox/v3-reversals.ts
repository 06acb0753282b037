// cc_void and cc_refund (docs/iotpay-api.md §4.9, §4.10): each creates an RP… record and lowers the original's
// refundable amount. The sandbox has no settlement cut-off, so every transaction can still be voided.
import type { GatewayContext, GatewayReply } from './gateway-context.js';
import type { V3Refund } from './ledger-records.js';
import { idWithPrefix, numericId, v3Time } from './order-ids.js';
import { refundRecord, v3Fail, v3Success } from './v3-records.js';
import { checkReverse } from './v3-validate.js';
import type { WireParams } from './wire-parse.js';

export function reverseTransaction(ctx: GatewayContext, params: WireParams, kind: 'void' | 'refund'): GatewayReply {
  const checked = checkReverse(params, kind === 'refund');
  if (!checked.ok) return v3Fail(checked.message);
  const request = checked.value;
  const { mchId, key } = ctx.merchant;
  // A retried void/refund gets the first record back: the retry of an uncertain reversal must be safe.
  const earlier = ctx.ledger.v3Refund({ mchOrderNo: request.mchRefundNo });
  if (earlier) return v3Success(refundRecord(earlier, mchId), key);
  if (ctx.ledger.v3Purchase({ mchOrderNo: request.mchRefundNo })) return v3Fail('mchRefundNo already exists');
  const original = ctx.ledger.v3Purchase({ payOrderId: request.payOrderId });
  if (!original) return v3Fail('order not exist');
  if (original.status !== 2 && original.status !== 3) return v3Fail('order is not paid');
  if (kind === 'void' && original.refundable !== original.amount) return v3Fail('only an unrefunded transaction can be voided');
  const amount = request.refundAmount ?? original.refundable;
  if (amount > original.refundable) return v3Fail('refund amount exceeds refundable');
  const refund = ctx.ledger.commit((data) => {
    const now = ctx.clock.now();
    const created: V3Refund = {
      api: 'v3', kind, payOrderId: idWithPrefix('RP', now), mchRefundNo: request.mchRefundNo, originalOrderId: original.payOrderId,
      channel: original.channel, currency: original.currency, amount, status: 2, paySuccTime: v3Time(now),
      ...(original.card ? { card: original.card } : {}), invoiceNum: numericId(12), authNum: numericId(6), transNum: numericId(12),
    };
    original.refundable -= amount;
    data.refunds.push(created);
    return created;
  });
  return v3Success(refundRecord(refund, mchId), key);
}
