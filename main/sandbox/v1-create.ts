// POST /v1/create_order: QR (customer scans), micropay (merchant scans, scenario by code) and app orders.
import { assertNever, type GatewayContext, type GatewayReply } from './gateway-context.js';
import type { V1Order } from './ledger-records.js';
import { channelOrderNo, numericId, v1PayOrderId } from './order-ids.js';
import { isWalletCode, scenarioFor, type MicropayScenario } from './scenarios.js';
import { requestFail, v1BusinessFail, v1Success } from './v1-replies.js';
import { checkCreate, type CreateRequest } from './v1-validate.js';
import type { WireParams } from './wire-parse.js';
import { SANDBOX_ERR as ERR, type MicropayChannel } from './wire-rules.js';

function newOrder(request: CreateRequest, now: number, status: number): V1Order {
  const { kind: _kind, identityCode, ...fields } = request;
  return {
    api: 'v1',
    ...fields,
    payOrderId: v1PayOrderId(request.channelId, now),
    ...(identityCode !== '' ? { identityCode } : {}),
    status,
    refundedAmount: 0,
    createdAt: now,
  };
}

/** The code URL embeds the payOrderId, so the control API can pay "the QR the customer scanned". */
export function qrLink(order: V1Order): string {
  switch (order.channelId) {
    case 'WX_NATIVE':
      return `weixin://wxpay/bizpayurl?pr=${order.payOrderId}`;
    case 'ALIPAY_QR':
      return `https://qr.alipay.com/sandbox/${order.payOrderId}`;
    default:
      return `https://qr.95516.com/sandbox/${order.payOrderId}`;
  }
}

function createQr(ctx: GatewayContext, request: CreateRequest): GatewayReply {
  const order = ctx.ledger.commit((data) => {
    const created = newOrder(request, ctx.clock.now(), 0);
    data.orders.push(created);
    return created;
  });
  const link = qrLink(order);
  const linkField = order.channelId === 'WX_NATIVE' ? { codeUrl: link } : { qr_code: link };
  const ids = { payOrderId: order.payOrderId, mchOrderNo: order.mchOrderNo };
  return v1Success({ ...ids, ...linkField, retDetail: link, retParams: link }, ctx.merchant.key);
}

function payParamsFor(order: V1Order): Record<string, unknown> | string {
  if (order.channelId === 'WX_APP') {
    const appId = (JSON.parse(order.extra) as { appId: string }).appId;
    const timeStamp = String(Math.floor(order.createdAt / 1000));
    return { appId, partnerId: '1900000109', prepayId: `wx${numericId(26)}`, package: 'Sign=WXPay', nonceStr: numericId(16), timeStamp, sign: 'SANDBOX' };
  }
  if (order.channelId === 'ALIPAY_MOBILE') return { orderString: `sandbox_trade_no=${order.payOrderId}` };
  return { tn: numericId(21) };
}

/** Alipay's SDK takes its order as one `k=v&k=v` string; WeChat's and UnionPay's as their JSON text. */
function stringParams(params: Record<string, unknown>): string {
  if (typeof params.orderString === 'string') return params.orderString;
  return JSON.stringify(params);
}

function createApp(ctx: GatewayContext, request: CreateRequest): GatewayReply {
  const order = ctx.ledger.commit((data) => {
    const created = newOrder(request, ctx.clock.now(), 0);
    data.orders.push(created);
    return created;
  });
  const params = payParamsFor(order);
  // `payParams=string`: the parameters as one string, as one client's docs show for Alipay app pay.
  const payParams = ctx.shapes.payParams === 'string' && typeof params === 'object' ? stringParams(params) : params;
  const fields = { payOrderId: order.payOrderId, mchOrderNo: order.mchOrderNo, payParams };
  return v1Success(fields, ctx.merchant.key);
}

/** A code is single-use: once any order carried it, the wallet refuses it (docs/iotpay-api.md §5 "Payment-code lifetime"). */
function micropayScenario(ctx: GatewayContext, request: CreateRequest): MicropayScenario {
  const channel = request.channelId as MicropayChannel;
  if (!isWalletCode(channel, request.identityCode)) return 'invalid-code';
  if (ctx.ledger.v1OrderByCode(request.identityCode)) return 'invalid-code';
  return scenarioFor(request.identityCode);
}

function applyScenario(order: V1Order, scenario: MicropayScenario, now: number, passwordMs: number): void {
  switch (scenario) {
    case 'paid':
    case 'charged-then-dropped':
    case 'charged-then-slow':
      order.status = 2;
      order.paySuccTime = now;
      order.channelOrderNo = channelOrderNo(order.channelId, now);
      return;
    case 'password-then-paid':
    case 'password-then-cancelled': {
      const finalStatus = scenario === 'password-then-paid' ? 2 : 9;
      order.status = 1;
      order.pending = { settlesAt: now + passwordMs, finalStatus, channelOrderNo: channelOrderNo(order.channelId, now) };
      return;
    }
    case 'insufficient-funds':
    case 'invalid-code':
      order.status = 4; // refused by the wallet: closed, nothing charged
      return;
    default:
      assertNever(scenario);
  }
}

function createMicropay(ctx: GatewayContext, request: CreateRequest): GatewayReply {
  const scenario = micropayScenario(ctx, request);
  const order = ctx.ledger.commit((data) => {
    const now = ctx.clock.now();
    const created = newOrder(request, now, 0);
    applyScenario(created, scenario, now, ctx.passwordMs);
    data.orders.push(created);
    return created;
  });
  // The logger masks `code` to its last 4 digits (docs/style.md §11).
  ctx.logger.info('micropay', { mchOrderNo: order.mchOrderNo, code: request.identityCode, scenario });
  const ids = { payOrderId: order.payOrderId, mchOrderNo: order.mchOrderNo };
  if (scenario === 'insufficient-funds') return v1BusinessFail(ctx, ERR.INSUFFICIENT_FUNDS, ids);
  if (scenario === 'invalid-code') return v1BusinessFail(ctx, ERR.AUTH_CODE_INVALID, ids);
  // `userpaying`: the password prompt as WeChat reports it, a business FAIL that is not a failure (docs/iotpay-api.md §3.3).
  if (ctx.shapes.userpaying && order.status === 1) return v1BusinessFail(ctx, ERR.USERPAYING, ids);
  const paid = order.channelOrderNo ? { channelOrderNo: order.channelOrderNo } : {};
  const reply = v1Success({ ...ids, status: order.status, ...paid }, ctx.merchant.key);
  if (scenario === 'charged-then-dropped') return { ...reply, afterCommit: 'destroy' };
  if (scenario === 'charged-then-slow') return { ...reply, afterCommit: 'hold' };
  return reply;
}

export function createOrder(ctx: GatewayContext, params: WireParams): GatewayReply {
  const checked = checkCreate(params);
  if (!checked.ok) return requestFail(checked.message);
  const request = checked.value;
  if (ctx.ledger.v1Order({ mchOrderNo: request.mchOrderNo })) {
    return v1BusinessFail(ctx, ERR.DUPLICATE_ORDER, { mchOrderNo: request.mchOrderNo });
  }
  switch (request.kind) {
    case 'qr':
      return createQr(ctx, request);
    case 'app':
      return createApp(ctx, request);
    case 'micropay':
      return createMicropay(ctx, request);
    default:
      return assertNever(request.kind);
  }
}
