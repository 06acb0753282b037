// v3 request rules (docs/iotpay-api.md §4.1–4.11, §5): required fields, lengths, channel, CAD only, amounts.
import { CARD_CHANNELS, CARD_CURRENCIES, V3_FIELD_LIMITS, type CardChannel } from './wire-rules.js';
import type { WireParams } from './wire-parse.js';
import { amountProblem, centsOf, fieldProblem, rejected, text, type Checked } from './validate.js';

export interface PurchaseRequest {
  mchOrderNo: string;
  amount: number;
  currency: string;
  loginName: string;
  channel: CardChannel;
  subject: string;
  body: string;
  notifyUrl: string;
  returnUrl: string;
}

export interface AddCardRequest {
  cardId: string;
  loginName: string;
  channel: CardChannel;
  returnUrl: string;
}

export interface TokenPurchaseRequest {
  mchOrderNo: string;
  cardId: string;
  amount: number;
  currency: string;
  loginName: string;
  subject: string;
  body: string;
  notifyUrl: string;
}

export interface ReverseRequest {
  mchRefundNo: string;
  payOrderId: string;
  /** Absent for cc_void, which always reverses everything still refundable. */
  refundAmount?: number;
}

const field = (params: WireParams, name: string) => text(params, name);

/** The docs call it `channel`; IOTPay's PHP SDK sends `channelId` (docs/iotpay-api.md §4.0), so both are accepted. */
function channelOf(params: WireParams): Checked<CardChannel> {
  const channel = field(params, 'channel') || field(params, 'channelId');
  if (channel === '') return rejected('channel is required');
  if (!(CARD_CHANNELS as readonly string[]).includes(channel)) return rejected(`channel ${channel} is not supported`);
  return { ok: true, value: channel as CardChannel };
}

function moneyProblem(params: WireParams, channel: string): string | null {
  if (centsOf(params.amount) === null) return amountProblem('amount');
  const currency = field(params, 'currency');
  if (!CARD_CURRENCIES.includes(currency)) return `currency ${currency} is not supported for ${channel}`;
  return null;
}

export function checkPurchase(params: WireParams): Checked<PurchaseRequest> {
  const problem = fieldProblem(params, ['mchOrderNo', 'amount', 'currency', 'loginName', 'notifyUrl', 'returnUrl'], V3_FIELD_LIMITS);
  if (problem) return rejected(problem);
  const channel = channelOf(params);
  if (!channel.ok) return channel;
  const money = moneyProblem(params, channel.value);
  if (money) return rejected(money);
  const names = ['mchOrderNo', 'currency', 'loginName', 'subject', 'body', 'notifyUrl', 'returnUrl'] as const;
  const fields = Object.fromEntries(names.map((name) => [name, field(params, name)])) as Record<(typeof names)[number], string>;
  return { ok: true, value: { ...fields, amount: centsOf(params.amount) ?? 0, channel: channel.value } };
}

export function checkAddCard(params: WireParams): Checked<AddCardRequest> {
  const problem = fieldProblem(params, ['cardId', 'loginName', 'returnUrl'], V3_FIELD_LIMITS);
  if (problem) return rejected(problem);
  const channel = channelOf(params);
  if (!channel.ok) return channel;
  const value = { cardId: field(params, 'cardId'), loginName: field(params, 'loginName'), returnUrl: field(params, 'returnUrl') };
  return { ok: true, value: { ...value, channel: channel.value } };
}

export function checkTokenPurchase(params: WireParams): Checked<TokenPurchaseRequest> {
  const problem = fieldProblem(params, ['loginName', 'currency', 'mchOrderNo', 'cardId', 'amount'], V3_FIELD_LIMITS);
  if (problem) return rejected(problem);
  const money = moneyProblem(params, 'PF_CC');
  if (money) return rejected(money);
  const names = ['mchOrderNo', 'cardId', 'currency', 'loginName', 'subject', 'body', 'notifyUrl'] as const;
  const fields = Object.fromEntries(names.map((name) => [name, field(params, name)])) as Record<(typeof names)[number], string>;
  return { ok: true, value: { ...fields, amount: centsOf(params.amount) ?? 0 } };
}

export function checkReverse(params: WireParams, partial: boolean): Checked<ReverseRequest> {
  const required = ['mchRefundNo', 'loginName', 'payOrderId', ...(partial ? ['refundAmount'] : [])];
  const problem = fieldProblem(params, required, V3_FIELD_LIMITS);
  if (problem) return rejected(problem);
  const ids = { mchRefundNo: field(params, 'mchRefundNo'), payOrderId: field(params, 'payOrderId') };
  if (!partial) return { ok: true, value: ids };
  const refundAmount = centsOf(params.refundAmount);
  if (refundAmount === null) return rejected(amountProblem('refundAmount'));
  return { ok: true, value: { ...ids, refundAmount } };
}

export function checkV3Query(params: WireParams): Checked<{ mchOrderNo?: string; payOrderId?: string }> {
  const problem = fieldProblem(params, [], V3_FIELD_LIMITS);
  if (problem) return rejected(problem);
  const payOrderId = field(params, 'payOrderId');
  const mchOrderNo = field(params, 'mchOrderNo');
  if (payOrderId === '' && mchOrderNo === '') return rejected('mchOrderNo or payOrderId is required');
  return { ok: true, value: payOrderId !== '' ? { payOrderId } : { mchOrderNo } };
}
