// The v3 card gateway (docs/iotpay-api.md §4): purchase and add-card sessions, token purchases, void, refund and query.
import { V3_NOT_FOUND_MSG } from './wire-rules.js';
import { assertNever, type GatewayContext, type GatewayReply } from './gateway-context.js';
import type { V3Purchase } from './ledger-records.js';
import { authProblem } from './merchant.js';
import { idWithPrefix, numericId, secureId as newSecureId, v3Time } from './order-ids.js';
import { withoutSign } from './v1-replies.js';
import { reverseTransaction } from './v3-reversals.js';
import { purchaseRecord, refundRecord, v3Fail, v3Success } from './v3-records.js';
import { checkAddCard, checkPurchase, checkTokenPurchase, checkV3Query } from './v3-validate.js';
import { parseV3Body, type WireParams } from './wire-parse.js';

export const V3_ENDPOINTS = ['cc_purchase', 'cc_addcard', 'cc_query', 'cc_void', 'cc_refund', 'cc_purchasewithtoken'] as const;
export type V3Endpoint = (typeof V3_ENDPOINTS)[number];

function isDuplicate(ctx: GatewayContext, mchOrderNo: string): boolean {
  return ctx.ledger.v3Purchase({ mchOrderNo }) !== undefined || ctx.ledger.v3Refund({ mchOrderNo }) !== undefined;
}

type PurchaseFields = Omit<V3Purchase, 'api' | 'payOrderId' | 'status' | 'refundable' | 'invoiceNum' | 'authNum' | 'transNum' | 'createdAt'>;

function newPurchase(now: number, fields: PurchaseFields): V3Purchase {
  return { api: 'v3', payOrderId: idWithPrefix('PC', now), ...fields, status: 0, refundable: 0, invoiceNum: numericId(12), authNum: '', transNum: numericId(12), createdAt: now };
}

function purchase(ctx: GatewayContext, params: WireParams): GatewayReply {
  const checked = checkPurchase(params);
  if (!checked.ok) return v3Fail(checked.message);
  if (isDuplicate(ctx, checked.value.mchOrderNo)) return v3Fail('mchOrderNo already exists');
  const session = newSecureId();
  ctx.ledger.commit((data) => {
    data.orders.push(newPurchase(ctx.clock.now(), { ...checked.value, secureId: session }));
  });
  return v3Success({ secureId: session, redirectUrl: `${ctx.gatewayUrl()}/cc/purchase?key=${session}` }, ctx.merchant.key);
}

function addCard(ctx: GatewayContext, params: WireParams): GatewayReply {
  const checked = checkAddCard(params);
  if (!checked.ok) return v3Fail(checked.message);
  const existing = ctx.ledger.card({ cardId: checked.value.cardId });
  // One card per cardId (docs/iotpay-api.md §4.2); an abandoned, never-completed session may be started again.
  if (existing?.state === 'bound') return v3Fail('cardId already exists');
  const session = newSecureId();
  ctx.ledger.commit((data) => {
    data.cards = data.cards.filter((card) => card !== existing);
    data.cards.push({ ...checked.value, secureId: session, state: 'pending', createdAt: ctx.clock.now() });
  });
  return v3Success({ secureId: session, redirectUrl: `${ctx.gatewayUrl()}/cc/addcard?key=${session}` }, ctx.merchant.key);
}

function purchaseWithToken(ctx: GatewayContext, params: WireParams): GatewayReply {
  const checked = checkTokenPurchase(params);
  if (!checked.ok) return v3Fail(checked.message);
  const { cardId, ...fields } = checked.value;
  const card = ctx.ledger.card({ cardId });
  if (card?.state !== 'bound' || !card.face) return v3Fail('cardId is not binding');
  if (isDuplicate(ctx, fields.mchOrderNo)) return v3Fail('mchOrderNo already exists');
  const order = ctx.ledger.commit((data) => {
    const now = ctx.clock.now();
    const created = newPurchase(now, { ...fields, channel: card.channel, returnUrl: '', card: card.face });
    created.status = card.declines ? 9 : 2;
    if (!card.declines) Object.assign(created, { refundable: created.amount, paySuccTime: v3Time(now), authNum: numericId(6) });
    data.orders.push(created);
    return created;
  });
  return v3Success(purchaseRecord(order, ctx.merchant.mchId), ctx.merchant.key);
}

function query(ctx: GatewayContext, params: WireParams): GatewayReply {
  const checked = checkV3Query(params);
  if (!checked.ok) return v3Fail(checked.message);
  const order = ctx.ledger.v3Purchase(checked.value);
  if (order) return v3Success(purchaseRecord(order, ctx.merchant.mchId), ctx.merchant.key);
  const refund = ctx.ledger.v3Refund(checked.value);
  if (refund) return v3Success(refundRecord(refund, ctx.merchant.mchId), ctx.merchant.key);
  return v3Fail(V3_NOT_FOUND_MSG);
}

/** `unsignedCards`: the answers exactly as IOTPay documents them, with no `sign` (docs/iotpay-api.md §2.3). */
export function handleV3(ctx: GatewayContext, endpoint: V3Endpoint, rawBody: string): GatewayReply {
  return withoutSign(answerV3(ctx, endpoint, rawBody), ctx.shapes.unsignedCards);
}

function answerV3(ctx: GatewayContext, endpoint: V3Endpoint, rawBody: string): GatewayReply {
  const params = parseV3Body(rawBody);
  if (!params) return v3Fail('request body must be a JSON object');
  const authIssue = authProblem(params, ctx.merchant);
  if (authIssue) return v3Fail(authIssue);
  switch (endpoint) {
    case 'cc_purchase':
      return purchase(ctx, params);
    case 'cc_addcard':
      return addCard(ctx, params);
    case 'cc_purchasewithtoken':
      return purchaseWithToken(ctx, params);
    case 'cc_query':
      return query(ctx, params);
    case 'cc_void':
      return reverseTransaction(ctx, params, 'void');
    case 'cc_refund':
      return reverseTransaction(ctx, params, 'refund');
    default:
      return assertNever(endpoint);
  }
}
