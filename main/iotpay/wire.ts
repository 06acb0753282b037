// What IOTPay's wire accepts: channels, currencies, field limits and status codes.
// Shared by the client (to refuse bad input before sending) and the sandbox (to refuse it like IOTPay).
// Sources: docs/iotpay-api.md §3.1 (channels), §3.2 and §5 (lengths, currencies), §3.5 (statuses), §4.0 (v3).

export const QR_CHANNELS = ['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR'] as const;
export const MICROPAY_CHANNELS = ['WX_MICROPAY', 'ALIPAY_MICROPAY', 'UPI_MICROPAY'] as const;
export const APP_CHANNELS = ['WX_APP', 'ALIPAY_MOBILE', 'UPI_APP'] as const;
export const V1_CHANNELS = [...QR_CHANNELS, ...MICROPAY_CHANNELS, ...APP_CHANNELS] as const;
export const CARD_CHANNELS = ['PF_CC', 'UPI_EX'] as const;

export type QrChannel = (typeof QR_CHANNELS)[number];
export type MicropayChannel = (typeof MICROPAY_CHANNELS)[number];
export type AppChannel = (typeof APP_CHANNELS)[number];
export type V1Channel = (typeof V1_CHANNELS)[number];
export type CardChannel = (typeof CARD_CHANNELS)[number];

export type Currency = 'CAD' | 'USD' | 'CNY';

/** v1 currencies: CAD and USD everywhere, CNY only for WX_NATIVE (docs/iotpay-api.md §5). v3 is CAD only. */
export function currenciesFor(channel: V1Channel): readonly Currency[] {
  return channel === 'WX_NATIVE' ? ['CAD', 'USD', 'CNY'] : ['CAD', 'USD'];
}
export const CARD_CURRENCIES: readonly Currency[] = ['CAD'];

/** Maximum lengths (characters) of v1 request fields, docs/iotpay-api.md §5. */
export const V1_LIMITS = {
  mchId: 30,
  mchOrderNo: 30,
  channelId: 24,
  currency: 3,
  clientIp: 32,
  device: 64,
  deviceId: 64,
  osType: 10,
  notifyUrl: 200,
  returnUrl: 200,
  subject: 64,
  body: 255,
  param1: 64,
  param2: 64,
  extra: 512,
  jobNo: 50,
  remarks: 200,
  codeType: 64,
  identityCode: 64,
  mchRefundNo: 30,
  loginName: 32,
  payOrderId: 64,
} as const satisfies Record<string, number>;

/** Maximum lengths of v3 request fields, docs/iotpay-api.md §5. */
export const V3_LIMITS = {
  mchId: 30,
  mchOrderNo: 30,
  mchRefundNo: 30,
  cardId: 30,
  payOrderId: 30,
  loginName: 12,
  subject: 64,
  body: 250,
  notifyUrl: 200,
  returnUrl: 200,
  clientIp: 50,
} as const satisfies Record<string, number>;

/** Largest amount either side accepts: far above any shop sale, far below float trouble. */
export const MAX_AMOUNT_CENTS = 100_000_000_00;

/** v1 order status (docs/iotpay-api.md §3.5). */
export const V1_STATUS = { CREATED: 0, PAYING: 1, PAID: 2, PAID_NOTIFIED: 3, CANCELLED_SYSTEM: 4, CANCELLED_USER: 9 } as const;
/** v3 transaction status (docs/iotpay-api.md §4.0): 1 means the bank's answer is unknown. */
export const V3_STATUS = { PENDING: 0, UNKNOWN: 1, SUCCESS: 2, SUCCESS_SETTLED: 3, FAIL: 9 } as const;

/**
 * Business error codes (`errCode` when `resCode=FAIL`). IOTPay publishes no table (docs/iotpay-api.md §5.1), so these are
 * the sandbox's codes, named after WeChat's where one exists; the client treats any other code as "outcome unknown".
 */
export const ERR = {
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS',
  AUTH_CODE_INVALID: 'AUTH_CODE_INVALID',
  ORDER_NOT_EXIST: 'ORDER_NOT_EXIST',
  DUPLICATE_ORDER: 'DUPLICATE_ORDER',
  REFUND_EXCEEDS_PAID: 'REFUND_EXCEEDS_PAID',
  ORDER_NOT_PAID: 'ORDER_NOT_PAID',
  USERPAYING: 'USERPAYING',
  SYSTEMERROR: 'SYSTEMERROR',
} as const;

/** v3 `retMsg` for an unknown order; v3 has no errCode field, so the message is all there is. */
export const V3_ORDER_NOT_FOUND_MSG = 'order not exist';
