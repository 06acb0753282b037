// The v1 response envelope (docs/iotpay-api.md §3.0, docs/sandbox.md "v1 responses"): request errors are unsigned FAIL
// bodies; business results are retCode=SUCCESS with resCode, signed over every top-level scalar field except
// payParams, unless the run's answer shapes leave the signature off (shapes.ts).
import type { GatewayContext, GatewayReply } from './gateway-context.js';
import { answerFields, sandboxSign } from './signing.js';
import { WECHAT_ERR, type SandboxErrCode } from './wire-rules.js';

export type ErrCode = SandboxErrCode;

const ERR_DESCRIPTION: Record<ErrCode, string> = {
  INSUFFICIENT_FUNDS: 'insufficient funds',
  AUTH_CODE_INVALID: 'payment code is invalid, expired or already used',
  ORDER_NOT_EXIST: 'order not exist',
  DUPLICATE_ORDER: 'mchOrderNo already exists',
  REFUND_EXCEEDS_PAID: 'refund amount exceeds the refundable amount',
  ORDER_NOT_PAID: 'order is not paid',
  USERPAYING: 'customer is entering the password',
  SYSTEMERROR: 'system error',
};

export function signed(body: Record<string, unknown>, key: string): Record<string, unknown> {
  return { ...body, sign: sandboxSign(answerFields(body), key) };
}

/** An answer the run's shapes send unsigned (`unsignedQuery`, `unsignedRefund`): the same body, no `sign`. */
export function withoutSign(reply: GatewayReply, unsigned: boolean): GatewayReply {
  if (!unsigned) return reply;
  const { sign: _sign, ...body } = reply.body;
  return { ...reply, body };
}

export function requestFail(retMsg: string): GatewayReply {
  return { body: { retCode: 'FAIL', retMsg } };
}

export function v1Success(fields: Record<string, unknown>, key: string): GatewayReply {
  return { body: signed({ retCode: 'SUCCESS', retMsg: '', resCode: 'SUCCESS', ...fields }, key) };
}

/** `wechatCodes` swaps the sandbox's own errCodes for WeChat Pay's (wire-rules.ts). */
export function v1BusinessFail(ctx: GatewayContext, errCode: ErrCode, fields: Record<string, unknown>): GatewayReply {
  const errCodeDes = ERR_DESCRIPTION[errCode];
  const sent = ctx.shapes.wechatCodes ? (WECHAT_ERR[errCode] ?? errCode) : errCode;
  return {
    body: signed({ retCode: 'SUCCESS', retMsg: errCodeDes, resCode: 'FAIL', errCode: sent, errCodeDes, ...fields }, ctx.merchant.key),
  };
}
