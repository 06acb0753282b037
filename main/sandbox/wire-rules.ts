// What the sandbox accepts, as IOTPay documents and publishes it (docs/iotpay-api.md §3, §4, §5). The sandbox's own
// copy, not the client's (main/iotpay/wire.ts): the client may be stricter than IOTPay (it sends mchOrderNo of
// at most 30 characters), the sandbox must accept whatever IOTPay's own samples send, and one shared table would
// let a wrong limit pass on both sides unnoticed.

export const QR_CHANNELS = ['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR'] as const;
export const MICROPAY_CHANNELS = ['WX_MICROPAY', 'ALIPAY_MICROPAY', 'UPI_MICROPAY'] as const;
export const APP_CHANNELS = ['WX_APP', 'ALIPAY_MOBILE', 'UPI_APP'] as const;
export const V1_CHANNELS = [...QR_CHANNELS, ...MICROPAY_CHANNELS, ...APP_CHANNELS] as const;
export const CARD_CHANNELS = ['PF_CC', 'UPI_EX'] as const;

export type MicropayChannel = (typeof MICROPAY_CHANNELS)[number];
export type V1Channel = (typeof V1_CHANNELS)[number];
export type CardChannel = (typeof CARD_CHANNELS)[number];

/** CAD and USD everywhere; CNY also for WX_NATIVE (docs/iotpay-api.md §5). */
export function currenciesFor(channel: V1Channel): readonly string[] {
  return channel === 'WX_NATIVE' ? ['CAD', 'USD', 'CNY'] : ['CAD', 'USD'];
}
export const CARD_CURRENCIES: readonly string[] = ['CAD'];

/**
 * v1 field limits (docs/iotpay-api.md §3.2, §3.8, §5). `mchOrderNo` is String(30) in IOTPay's table, but its own
 * customer-scan wire sample sends 32 characters, so IOTPay accepts 32: the sandbox does too.
 */
export const V1_FIELD_LIMITS = {
  mchId: 30, mchOrderNo: 32, channelId: 24, currency: 3, clientIp: 32, device: 64, deviceId: 64, osType: 10,
  notifyUrl: 200, returnUrl: 200, subject: 64, body: 256, param1: 64, param2: 64, extra: 512, jobNo: 50,
  remarks: 200, codeType: 64, identityCode: 64, mchRefundNo: 30, loginName: 32, payOrderId: 64,
} as const satisfies Record<string, number>;

/** v3 field limits (docs/iotpay-api.md §4, §5): loginName is String(12) here only. */
export const V3_FIELD_LIMITS = {
  mchId: 30, mchOrderNo: 30, mchRefundNo: 30, cardId: 30, payOrderId: 30, loginName: 12, subject: 64, body: 250,
  notifyUrl: 200, returnUrl: 200, clientIp: 50,
} as const satisfies Record<string, number>;

/** Far above any shop sale. */
export const MAX_CENTS = 10_000_000_000;

/** v1 order status (docs/iotpay-api.md §3.5). */
export const ORDER_STATUS = { CREATED: 0, PAYING: 1, PAID: 2, PAID_NOTIFIED: 3, CLOSED: 4, CANCELLED: 9 } as const;

/** xxpay's refund statuses (docs/iotpay-api.md findings table): 0 init, 1 refunding, 2 success, 3 fail, 4 complete. */
export const REFUND_STATUS = { INIT: 0, REFUNDING: 1, SUCCESS: 2, FAIL: 3, COMPLETE: 4 } as const;

/**
 * The sandbox's business error codes (IOTPay publishes no table, docs/iotpay-api.md §5.1), and WeChat Pay's own
 * for the same cases, which the `wechatCodes` answer shape sends instead (shapes.ts).
 */
export const SANDBOX_ERR = {
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  AUTH_CODE_INVALID: 'AUTH_CODE_INVALID',
  ORDER_NOT_EXIST: 'ORDER_NOT_EXIST',
  DUPLICATE_ORDER: 'DUPLICATE_ORDER',
  REFUND_EXCEEDS_PAID: 'REFUND_EXCEEDS_PAID',
  ORDER_NOT_PAID: 'ORDER_NOT_PAID',
  USERPAYING: 'USERPAYING',
  SYSTEMERROR: 'SYSTEMERROR',
} as const;
export type SandboxErrCode = (typeof SANDBOX_ERR)[keyof typeof SANDBOX_ERR];

export const WECHAT_ERR: Partial<Record<SandboxErrCode, string>> = {
  INSUFFICIENT_FUNDS: 'NOTENOUGH',
  AUTH_CODE_INVALID: 'AUTHCODEEXPIRE',
  ORDER_NOT_EXIST: 'ORDERNOTEXIST',
  DUPLICATE_ORDER: 'OUT_TRADE_NO_USED',
};

/** v3 `retMsg` for an unknown order; v3 has no errCode field. */
export const V3_NOT_FOUND_MSG = 'order not exist';
