// The v1 response envelope (docs/iotpay-api.md §3.0, docs/sandbox.md "v1 responses"): request errors are unsigned FAIL
// bodies; business results are retCode=SUCCESS with resCode, signed over every top-level scalar field.
import { sign, signableFields } from '../iotpay/sign.js';
import { ERR } from '../iotpay/wire.js';
import type { GatewayReply } from './gateway-context.js';

export type ErrCode = (typeof ERR)[keyof typeof ERR];

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
  return { ...body, sign: sign(signableFields(body), key) };
}

export function requestFail(retMsg: string): GatewayReply {
  return { body: { retCode: 'FAIL', retMsg } };
}

export function v1Success(fields: Record<string, unknown>, key: string): GatewayReply {
  return { body: signed({ retCode: 'SUCCESS', retMsg: '', resCode: 'SUCCESS', ...fields }, key) };
}

export function v1BusinessFail(errCode: ErrCode, fields: Record<string, unknown>, key: string): GatewayReply {
  const errCodeDes = ERR_DESCRIPTION[errCode];
  return {
    body: signed({ retCode: 'SUCCESS', retMsg: errCodeDes, resCode: 'FAIL', errCode, errCodeDes, ...fields }, key),
  };
}
