// The customer's side of a customer-scan (QR or app) order, driven through the control API: pay or cancel.
import type { GatewayContext } from './gateway-context.js';
import type { V1Order } from './ledger-records.js';
import { channelOrderNo } from './order-ids.js';

export type CustomerTarget = { codeUrl: string } | { payOrderId: string };

export type CustomerOutcome =
  | { ok: true; order: V1Order }
  | { ok: false; code: 'NOT_FOUND' | 'NOT_PENDING'; message: string };

/** The code URLs embed the payOrderId: `…bizpayurl?pr=<id>` or `…/sandbox/<id>` (docs/sandbox.md). */
export function payOrderIdOf(target: CustomerTarget): string {
  if ('payOrderId' in target) return target.payOrderId;
  try {
    const url = new URL(target.codeUrl);
    return url.searchParams.get('pr') ?? url.pathname.split('/').pop() ?? '';
  } catch {
    return '';
  }
}

function pendingOrder(ctx: GatewayContext, target: CustomerTarget): CustomerOutcome {
  const payOrderId = payOrderIdOf(target);
  const order = payOrderId === '' ? undefined : ctx.ledger.v1Order({ payOrderId });
  if (!order) return { ok: false, code: 'NOT_FOUND', message: `no order ${payOrderId || 'for that code'}` };
  if (order.status !== 0) return { ok: false, code: 'NOT_PENDING', message: `order ${payOrderId} has status ${order.status}` };
  return { ok: true, order };
}

export function customerPays(ctx: GatewayContext, target: CustomerTarget): CustomerOutcome {
  const found = pendingOrder(ctx, target);
  if (!found.ok) return found;
  const order = found.order;
  ctx.ledger.commit(() => {
    const now = ctx.clock.now();
    order.status = 2;
    order.paySuccTime = now;
    order.channelOrderNo = channelOrderNo(order.channelId, now);
  });
  ctx.notifier.notifyV1(order);
  return { ok: true, order: structuredClone(order) };
}

export function customerCancels(ctx: GatewayContext, target: CustomerTarget): CustomerOutcome {
  const found = pendingOrder(ctx, target);
  if (!found.ok) return found;
  ctx.ledger.commit(() => {
    found.order.status = 9;
  });
  return { ok: true, order: structuredClone(found.order) };
}
