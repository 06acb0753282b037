// v1 request rules (docs/iotpay-api.md §3.2, §3.5, §3.8, §5): required fields, lengths, channel, currency, amount, extra.
import { MICROPAY_CHANNELS, QR_CHANNELS, V1_CHANNELS, V1_FIELD_LIMITS, currenciesFor, type V1Channel } from './wire-rules.js';
import type { WireParams } from './wire-parse.js';
import { amountProblem, centsOf, extraMember, fieldProblem, rejected, text, type Checked } from './validate.js';

export type ChannelKind = 'qr' | 'micropay' | 'app';

export interface CreateRequest {
  mchOrderNo: string;
  channelId: V1Channel;
  kind: ChannelKind;
  currency: string;
  amount: number;
  subject: string;
  body: string;
  clientIp: string;
  device: string;
  extra: string;
  notifyUrl: string;
  param1: string;
  param2: string;
  identityCode: string;
}

/**
 * `jobNo` is "required" in IOTPay's table, but its published PHP samples and the customer-scan wire sample
 * leave it out (docs/iotpay-api.md findings table), so IOTPay evidently accepts orders without it.
 */
const CREATE_REQUIRED = ['mchOrderNo', 'channelId', 'currency', 'amount', 'clientIp', 'notifyUrl', 'subject', 'body'];
const MICROPAY_REQUIRED = ['codeType', 'identityCode'];

/** extra members WeChat needs to build the order (docs/iotpay-api.md §3.2 "extra per channel"). */
const REQUIRED_EXTRA: Partial<Record<V1Channel, readonly string[]>> = {
  WX_NATIVE: ['productId'],
  WX_APP: ['type', 'appId'],
};

export function channelKind(channel: V1Channel): ChannelKind {
  if ((QR_CHANNELS as readonly string[]).includes(channel)) return 'qr';
  if ((MICROPAY_CHANNELS as readonly string[]).includes(channel)) return 'micropay';
  return 'app';
}

function isV1Channel(value: string): value is V1Channel {
  return (V1_CHANNELS as readonly string[]).includes(value);
}

function channelProblem(params: WireParams, channel: V1Channel): string | null {
  const currency = text(params, 'currency');
  if (!(currenciesFor(channel) as readonly string[]).includes(currency)) {
    return `currency ${currency} is not supported for ${channel}`;
  }
  for (const member of REQUIRED_EXTRA[channel] ?? []) {
    if (extraMember(text(params, 'extra'), member) === '') return `extra.${member} is required for ${channel}`;
  }
  return null;
}

export function checkCreate(params: WireParams): Checked<CreateRequest> {
  const channelId = text(params, 'channelId');
  const micropay = (MICROPAY_CHANNELS as readonly string[]).includes(channelId);
  const problem = fieldProblem(params, micropay ? [...CREATE_REQUIRED, ...MICROPAY_REQUIRED] : CREATE_REQUIRED, V1_FIELD_LIMITS);
  if (problem) return rejected(problem);
  const amount = centsOf(params.amount);
  if (amount === null) return rejected(amountProblem('amount'));
  if (!isV1Channel(channelId)) return rejected(`channelId ${channelId} is not supported`);
  const channelIssue = channelProblem(params, channelId);
  if (channelIssue) return rejected(channelIssue);
  const field = (name: string) => text(params, name);
  return {
    ok: true,
    value: {
      mchOrderNo: field('mchOrderNo'),
      channelId,
      kind: channelKind(channelId),
      currency: field('currency'),
      amount,
      subject: field('subject'),
      body: field('body'),
      clientIp: field('clientIp'),
      device: field('device'),
      extra: field('extra'),
      notifyUrl: field('notifyUrl'),
      param1: field('param1'),
      param2: field('param2'),
      identityCode: field('identityCode'),
    },
  };
}

export interface QueryRequest {
  mchOrderNo?: string;
  payOrderId?: string;
}

export function checkQuery(params: WireParams): Checked<QueryRequest> {
  const problem = fieldProblem(params, [], V1_FIELD_LIMITS);
  if (problem) return rejected(problem);
  const payOrderId = text(params, 'payOrderId');
  const mchOrderNo = text(params, 'mchOrderNo');
  if (payOrderId === '' && mchOrderNo === '') return rejected('mchOrderNo or payOrderId is required');
  return { ok: true, value: payOrderId !== '' ? { payOrderId } : { mchOrderNo } };
}

export interface RefundRequest {
  mchRefundNo: string;
  payOrderId: string;
  refundAmount: number;
}

const REFUND_REQUIRED = ['mchRefundNo', 'refundAmount', 'clientIp', 'loginName', 'payOrderId'];

export function checkRefund(params: WireParams): Checked<RefundRequest> {
  const problem = fieldProblem(params, REFUND_REQUIRED, V1_FIELD_LIMITS);
  if (problem) return rejected(problem);
  const refundAmount = centsOf(params.refundAmount);
  if (refundAmount === null) return rejected(amountProblem('refundAmount'));
  return {
    ok: true,
    value: { mchRefundNo: text(params, 'mchRefundNo'), payOrderId: text(params, 'payOrderId'), refundAmount },
  };
}
