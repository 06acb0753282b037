// The v1 gateway (docs/iotpay-api.md §3): authenticate, then create_order, query_order or refund_order.
import { ERR } from '../iotpay/wire.js';
import { assertNever, type GatewayContext, type GatewayReply } from './gateway-context.js';
import type { V1Order, V1Refund } from './ledger-records.js';
import { authProblem } from './merchant.js';
import { idWithPrefix } from './order-ids.js';
import { createOrder } from './v1-create.js';
import { requestFail, v1BusinessFail, v1Success } from './v1-replies.js';
import { checkQuery, checkRefund } from './v1-validate.js';
import { parseV1Body } from './wire-parse.js';

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
  if (!order) return v1BusinessFail(ERR.ORDER_NOT_EXIST, { ...checked.value }, ctx.merchant.key);
  return v1Success({ mchId: ctx.merchant.mchId, ...orderFields(order) }, ctx.merchant.key);
}

function refundFields(refund: V1Refund): Record<string, unknown> {
  const { api: _api, ...fields } = refund;
  return fields;
}

function refundOrder(ctx: GatewayContext, params: Record<string, unknown>): GatewayReply {
  const checked = checkRefund(params);
  if (!checked.ok) return requestFail(checked.message);
  const request = checked.value;
  const key = ctx.merchant.key;
  // A retried refund gets the first answer again, whatever amount it carries: retries must be safe.
  const earlier = ctx.ledger.v1Refund(request.mchRefundNo);
  if (earlier) return v1Success(refundFields(earlier), key);
  const ids = { mchRefundNo: request.mchRefundNo, payOrderId: request.payOrderId };
  const order = ctx.ledger.v1Order({ payOrderId: request.payOrderId });
  if (!order) return v1BusinessFail(ERR.ORDER_NOT_EXIST, ids, key);
  if (order.status !== 2 && order.status !== 3) return v1BusinessFail(ERR.ORDER_NOT_PAID, ids, key);
  if (request.refundAmount > order.amount - order.refundedAmount) return v1BusinessFail(ERR.REFUND_EXCEEDS_PAID, ids, key);
  const refund = ctx.ledger.commit((data) => {
    const now = ctx.clock.now();
    const created: V1Refund = { api: 'v1', refundOrderId: idWithPrefix('RF', now), ...ids, refundAmount: request.refundAmount, status: 2, refundSuccTime: now };
    order.refundedAmount += request.refundAmount;
    data.refunds.push(created);
    return created;
  });
  return v1Success(refundFields(refund), key);
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
