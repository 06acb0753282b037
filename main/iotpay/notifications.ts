// Asynchronous notifications (docs/iotpay-api.md §3.7 v1, §4.4 v3). A notification is only a hint until its signature
// and merchant id check out; even then the engine books money only after matching amount and currency
// against its own journal. The replies are exact: IOTPay keeps re-sending until it reads them.
import { z } from 'zod';
import { intLike, parseFields, stateOfV1Status, text } from './response-fields.js';
import { stateOfV3Status, type CardTransaction } from './cards.js';
import type { QueriedOrder } from './orders.js';
import { verify } from './sign.js';
import { SIGNATURE_POLICY, type SignedAnswer } from './signature-policy.js';

/** v1: the body must be exactly `success` (docs/iotpay-api.md §3.7). */
export const V1_NOTIFY_ACK = 'success';
/** v3: IOTPay's PHP SDK answers `SUCCESS` to a valid notification (docs/iotpay-api.md §4.4). */
export const V3_NOTIFY_ACK = 'SUCCESS';

export class NotificationRejectedError extends Error {
  readonly code = 'NOTIFICATION_REJECTED';
  constructor(message: string) {
    super(message);
    this.name = 'NotificationRejectedError';
  }
}

/** A v1 notification carries what a query returns, and always names the gateway order. */
export type V1Notification = QueriedOrder & { payOrderId: string };

/** A v3 notification is the card transaction without the card details, which only cc_query returns. */
export type V3Notification = Omit<CardTransaction, 'paidAt' | 'cardNum' | 'cardType' | 'authNum' | 'channel'>;

const v1Fields = z.object({
  payOrderId: text, mchId: text, mchOrderNo: text, channelId: text, currency: text,
  amount: intLike, status: intLike, channelOrderNo: z.string().optional(), paySuccTime: intLike.optional(),
});

const v3Fields = z.object({
  payOrderId: text, mchId: text, mchOrderNo: text, originalOrderId: z.string().optional(), currency: text,
  amount: intLike, payType: z.enum(['pay', 'refund']), refundable: intLike.optional(), status: intLike,
});

function checked<T extends z.ZodType>(schema: T, fields: Record<string, unknown>, key: string, mchId: string, label: string, kind: SignedAnswer): z.output<T> {
  const present = typeof fields.sign === 'string' && fields.sign !== '';
  // Both notification rows are `required` (signature-policy.ts): anyone can post to a notifyUrl.
  if (present ? !verify(fields, key) : SIGNATURE_POLICY[kind] === 'required') throw new NotificationRejectedError(`${label}: signature missing or wrong`);
  let parsed: z.output<T>;
  try {
    parsed = parseFields(schema, fields, label);
  } catch (err) {
    throw new NotificationRejectedError(err instanceof Error ? err.message : String(err));
  }
  if ((parsed as { mchId: string }).mchId !== mchId) throw new NotificationRejectedError(`${label}: for another merchant`);
  return parsed;
}

/**
 * v1 notifications arrive as HTTP parameters: xxpay-style servers put them in the query string, others in a
 * form body (docs/iotpay-api.md §3.7), so both are merged. A field present in both with different values is refused.
 */
export function parseV1Notification(input: { query?: string; body?: string }, key: string, mchId: string): V1Notification {
  const fields: Record<string, string> = {};
  for (const source of [input.query ?? '', input.body ?? '']) {
    for (const [name, value] of new URLSearchParams(source)) {
      if (name in fields && fields[name] !== value) throw new NotificationRejectedError(`v1 notify: conflicting values for ${name}`);
      fields[name] = value;
    }
  }
  const f = checked(v1Fields, fields, key, mchId, 'v1 notify', 'notify:v1');
  return {
    signed: true,
    payOrderId: f.payOrderId, mchOrderNo: f.mchOrderNo, channel: f.channelId, amountCents: f.amount, currency: f.currency,
    status: f.status, state: stateOfV1Status(f.status), channelOrderNo: f.channelOrderNo || undefined, paidAt: f.paySuccTime || undefined,
  };
}

/** v3 notifications are a JSON body (docs/iotpay-api.md §4.4), verified over its top-level scalar fields. */
export function parseV3Notification(body: string, key: string, mchId: string): V3Notification {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new NotificationRejectedError('v3 notify: body is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new NotificationRejectedError('v3 notify: body is not an object');
  const f = checked(v3Fields, json as Record<string, unknown>, key, mchId, 'v3 notify', 'notify:v3');
  return {
    signed: true,
    payOrderId: f.payOrderId, mchOrderNo: f.mchOrderNo, originalOrderId: f.originalOrderId || undefined, amountCents: f.amount,
    currency: f.currency, payType: f.payType, refundableCents: f.refundable ?? 0, status: f.status, state: stateOfV3Status(f.status),
  };
}
