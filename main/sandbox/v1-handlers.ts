// The v1 gateway (docs/iotpay-api.md §3): authenticate, then create_order, query_order or refund_order.
import { assertNever, type GatewayContext, type GatewayReply } from './gateway-context.js';
import type { V1Order, V1Refund } from './ledger-records.js';
import { authProblem } from './merchant.js';
import { idWithPrefix } from './order-ids.js';
import { createOrder } from './v1-create.js';
import { requestFail, v1BusinessFail, v1Success, withoutSign } from './v1-replies.js';
import { checkQuery, checkRefund } from './v1-validate.js';
import { parseV1Body } from './wire-parse.js';
import { REFUND_STATUS, SANDBOX_ERR as ERR } from './wire-rules.js';

export const V1_ENDPOINTS = ['create_order', 'query_order', 'refund_order'] as const;
export type V1Endpoint = (typeof V1_ENDPOINTS)[number];

export function orderFields(order: V1Order): Record<string, unknown> {
  const paid = order.status === 2 || order.status === 3;
  return {
    payOrderId: order.payOrderId,
    mchOrderNo: order.mchOrderNo,
    channelId: order.channelId,
    currency: order.currency,
    amount: order.amount,
    status: order.status,
    subject: order.subject,
    body: order.body,
    clientIp: order.clientIp,
    device: order.device,
    extra: order.extra,
    notifyUrl: order.notifyUrl,
    param1: order.param1,
    param2: order.param2,
    ...(paid && order.channelOrderNo ? { channelOrderNo: order.channelOrderNo } : {}),
    ...(paid && order.paySuccTime !== undefined ? { paySuccTime: order.paySuccTime } : {}),
    refundedAmount: order.refundedAmount,
  };
}

function queryOrder(ctx: GatewayContext, params: Record<string, unknown>): GatewayReply {
  const checked = checkQuery(params);
  if (!checked.ok) return requestFail(checked.message);
  const order = ctx.ledger.v1Order(checked.value);
  const reply = order
    ? v1Success({ mchId: ctx.merchant.mchId, ...orderFields(order) }, ctx.merchant.key)
    : v1BusinessFail(ctx, ERR.ORDER_NOT_EXIST, { ...checked.value });
  return withoutSign(reply, ctx.shapes.unsignedQuery);
}

/** What a refund answer carries; `refundStatus=none` leaves the status out, as IOTPay's refund page documents none. */
function refundFields(ctx: GatewayContext, refund: V1Refund): Record<string, unknown> {
  const { api: _api, pending: _pending, status, ...fields } = refund;
  return ctx.shapes.refundStatus === 'none' ? fields : { ...fields, status };
}

function newRefund(ctx: GatewayContext, ids: { mchRefundNo: string; payOrderId: string }, refundAmount: number, now: number): V1Refund {
  const shape = ctx.shapes.refundStatus;
  const status = shape === 'none' ? REFUND_STATUS.SUCCESS : shape;
  const refund: V1Refund = { api: 'v1', refundOrderId: idWithPrefix('RF', now), ...ids, refundAmount, status, refundSuccTime: now };
  // In progress (0 init, 1 refunding): money is set aside now and the refund succeeds after refundSettleMs.
  if (status === REFUND_STATUS.INIT || status === REFUND_STATUS.REFUNDING) refund.pending = { settlesAt: now + ctx.refundSettleMs, finalStatus: REFUND_STATUS.SUCCESS };
  return refund;
}

function refundOrder(ctx: GatewayContext, params: Record<string, unknown>): GatewayReply {
  const checked = checkRefund(params);
  if (!checked.ok) return requestFail(checked.message);
  const request = checked.value;
  const key = ctx.merchant.key;
  const answer = (reply: GatewayReply) => withoutSign(reply, ctx.shapes.unsignedRefund);
  // A retried refund gets the first answer again (its current status), whatever amount it carries: retries must be safe.
  const earlier = ctx.ledger.v1Refund(request.mchRefundNo);
  if (earlier) return answer(v1Success(refundFields(ctx, earlier), key));
  const ids = { mchRefundNo: request.mchRefundNo, payOrderId: request.payOrderId };
  const order = ctx.ledger.v1Order({ payOrderId: request.payOrderId });
  if (!order) return answer(v1BusinessFail(ctx, ERR.ORDER_NOT_EXIST, ids));
  if (order.status !== 2 && order.status !== 3) return answer(v1BusinessFail(ctx, ERR.ORDER_NOT_PAID, ids));
  if (request.refundAmount > order.amount - order.refundedAmount) return answer(v1BusinessFail(ctx, ERR.REFUND_EXCEEDS_PAID, ids));
  const refund = ctx.ledger.commit((data) => {
    const created = newRefund(ctx, ids, request.refundAmount, ctx.clock.now());
    // Status 3 is a failed refund: it is remembered (a retry gets the same answer) but nothing is refunded.
    if (created.status !== REFUND_STATUS.FAIL) order.refundedAmount += request.refundAmount;
    data.refunds.push(created);
    return created;
  });
  return answer(v1Success(refundFields(ctx, refund), key));
}

export function handleV1(ctx: GatewayContext, endpoint: V1Endpoint, rawBody: string): GatewayReply {
  const params = parseV1Body(rawBody);
  if (!params) return requestFail('params must be a JSON object');
  const authIssue = authProblem(params, ctx.merchant);
  if (authIssue) return requestFail(authIssue);
  switch (endpoint) {
    case 'create_order':
      return createOrder(ctx, params);
    case 'query_order':
      return queryOrder(ctx, params);
    case 'refund_order':
      return refundOrder(ctx, params);
    default:
      return assertNever(endpoint);
  }
}
