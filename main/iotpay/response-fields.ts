// Shapes of what IOTPay sends back. A verified response that lacks a field we rely on is still untrusted
// for money purposes: it becomes MalformedResponseError (outcome unknown), never a guess.
import { z } from 'zod';
import {
  DeclinedError, DuplicateOrderError, InvalidPaymentCodeError, MalformedResponseError, OrderNotFoundError, RefundRejectedError,
  UnrecognisedFailureError, type GatewayAnswer,
} from './errors.js';
import { ERR } from './wire.js';
import { replyAnswer, type GatewayReply } from './request-sender.js';

/** IOTPay samples send numbers both as JSON numbers and as digit strings (docs/iotpay-api.md §2.2). */
export const intLike = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);
export const text = z.string().min(1);

export function parseFields<T extends z.ZodType>(schema: T, json: unknown, endpoint: string, answer?: GatewayAnswer): z.output<T> {
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new MalformedResponseError(`${endpoint}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unexpected shape'}`, answer);
  }
  return result.data;
}

/** parseFields over a reply's data, keeping the gateway's answer on the error. */
export function parseReply<T extends z.ZodType>(schema: T, reply: GatewayReply): z.output<T> {
  return parseFields(schema, reply.data, reply.endpoint, replyAnswer(reply));
}

/** The payment state a v1 status stands for (docs/iotpay-api.md §3.5). Unknown numbers are kept, never guessed. */
export type GatewayPaymentState = 'awaiting_payment' | 'paying' | 'paid' | 'cancelled' | 'unrecognised';

export function stateOfV1Status(status: number): GatewayPaymentState {
  switch (status) {
    case 0:
      return 'awaiting_payment';
    case 1:
      return 'paying';
    case 2:
    case 3:
      return 'paid';
    case 4:
    case 9:
      return 'cancelled';
    default:
      // docs/iotpay-api.md §3.5: "treat unknown values as pending, needs attention"; the engine keeps querying.
      return 'unrecognised';
  }
}

// IOTPay publishes no errCode table (docs/iotpay-api.md §5.1). Besides the sandbox's codes, the wallets' own
// codes are recognised in case IOTPay passes them through: WeChat's NOTENOUGH, AUTHCODEEXPIRE, AUTH_CODE_INVALID,
// ORDERNOTEXIST, Alipay's BUYER_BALANCE_NOT_ENOUGH, PAYMENT_AUTH_CODE_INVALID. Anything else: outcome unknown.
const DECLINE_CODES: ReadonlySet<string> = new Set([ERR.INSUFFICIENT_FUNDS, 'NOTENOUGH', 'PAYMENT_DECLINED', 'BUYER_BALANCE_NOT_ENOUGH']);
const INVALID_CODE_CODES: ReadonlySet<string> = new Set([ERR.AUTH_CODE_INVALID, 'AUTHCODEEXPIRE', 'AUTH_CODE_EXPIRED', 'PAYMENT_AUTH_CODE_INVALID']);
const NOT_FOUND_CODES: ReadonlySet<string> = new Set([ERR.ORDER_NOT_EXIST, 'ORDERNOTEXIST']);
/** The customer is still confirming in the wallet: WeChat's USERPAYING, Alipay's WAIT_BUYER_PAY / 10003 (docs/iotpay-api.md §3.3). */
export const IN_PROGRESS_CODES: ReadonlySet<string> = new Set([ERR.USERPAYING, 'WAIT_BUYER_PAY', '10003']);

/** `resCode=FAIL` in a v1 envelope: which business failure it is, and what it means for the money. */
export function businessFailure(reply: GatewayReply): Error {
  const json = reply.body;
  const endpoint = reply.endpoint;
  const answer = replyAnswer(reply);
  const code = typeof json.errCode === 'string' ? json.errCode : '';
  const message = [json.errCodeDes, json.retMsg].find((m): m is string => typeof m === 'string' && m !== '') ?? code;
  if (INVALID_CODE_CODES.has(code)) return new InvalidPaymentCodeError(code, message || 'payment code invalid or expired', answer);
  if (DECLINE_CODES.has(code)) return new DeclinedError(code, message || 'payment declined', answer);
  if (NOT_FOUND_CODES.has(code)) return new OrderNotFoundError(`${endpoint}: ${message || 'order not found'}`, answer);
  if (code === ERR.DUPLICATE_ORDER) return new DuplicateOrderError(`${endpoint}: ${message || 'mchOrderNo already used'}`, answer);
  if (code === ERR.REFUND_EXCEEDS_PAID || code === ERR.ORDER_NOT_PAID) return new RefundRejectedError(code, message, answer);
  return new UnrecognisedFailureError(code || 'NONE', `${endpoint}: ${message || 'resCode=FAIL without errCode'}`, answer);
}
