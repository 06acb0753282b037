// v3 card API (docs/iotpay-api.md §4): hosted/embedded purchase and add-card give a secureId for IOTPay's card form, so
// card data never touches our code; query, void, refund and token purchase return transaction records.
import { z } from 'zod';
import { DeclinedError, OrderNotFoundError, RefundRejectedError, RequestRejectedError } from './errors.js';
import { intLike, parseReply, text } from './response-fields.js';
import { replyAnswer, type GatewayReply, type RequestSender } from './request-sender.js';
import type { SignParams } from './sign.js';
import type { ClientSettings } from './client-settings.js';
import { checkAmount, checkCurrency, checkOneId, checkOneOf, checkOrderNumber, checkText } from './validation.js';
import type { SignedAnswer } from './signature-policy.js';
import { CARD_CHANNELS, CARD_CURRENCIES, V3_LIMITS, V3_ORDER_NOT_FOUND_MSG, type CardChannel, type Currency } from './wire.js';

export type CardState = 'pending' | 'unknown' | 'succeeded' | 'failed' | 'unrecognised';

/** v3 status (docs/iotpay-api.md §4.0): 0 pending, 1 the bank's answer is unknown, 2/3 success, 9 fail. */
export function stateOfV3Status(status: number): CardState {
  switch (status) {
    case 0:
      return 'pending';
    case 1:
      return 'unknown';
    case 2:
    case 3:
      return 'succeeded';
    case 9:
      return 'failed';
    default:
      return 'unrecognised';
  }
}

export interface CardTransaction {
  payOrderId: string;
  mchOrderNo: string;
  originalOrderId?: string;
  amountCents: number;
  currency: string;
  payType: 'pay' | 'refund';
  refundableCents: number;
  status: number;
  state: CardState;
  paidAt?: string;
  cardNum?: string;
  cardType?: string;
  authNum?: string;
  channel?: string;
  /** Whether the answer carried a signature (which then verified); IOTPay documents none on v3 (signature-policy.ts). */
  signed: boolean;
}

export interface CardSession { secureId: string; redirectUrl?: string; signed: boolean }

const sessionData = z.object({ secureId: text, redirectUrl: z.string().optional() });
const transactionData = z.object({
  payOrderId: text,
  mchOrderNo: text,
  originalOrderId: z.string().optional(),
  amount: intLike,
  currency: text,
  payType: z.enum(['pay', 'refund']),
  refundable: intLike.optional(),
  status: intLike,
  paySuccTime: z.string().optional(),
  cardNum: z.string().optional(),
  cardType: z.string().optional(),
  authNum: z.string().optional(),
  channel: z.string().optional(),
});

function toTransaction(reply: GatewayReply): CardTransaction {
  const f = parseReply(transactionData, reply);
  return {
    signed: reply.signed,
    payOrderId: f.payOrderId,
    mchOrderNo: f.mchOrderNo,
    originalOrderId: f.originalOrderId || undefined,
    amountCents: f.amount,
    currency: f.currency,
    payType: f.payType,
    refundableCents: f.refundable ?? 0,
    status: f.status,
    state: stateOfV3Status(f.status),
    paidAt: f.paySuccTime || undefined,
    cardNum: f.cardNum || undefined,
    cardType: f.cardType || undefined,
    authNum: f.authNum || undefined,
    channel: f.channel || undefined,
  };
}

export class CardsResource {
  constructor(private readonly sender: RequestSender, private readonly settings: ClientSettings) {}

  /** cc_purchase: returns the secureId for the card form. Payment is confirmed later by `query`. */
  async purchase(r: { mchOrderNo: string; amountCents: number; currency: Currency; channel: CardChannel; returnUrl: string; notifyUrl?: string; subject?: string; body?: string }): Promise<CardSession> {
    const params = {
      ...this.common(),
      mchOrderNo: checkOrderNumber('mchOrderNo', r.mchOrderNo, V3_LIMITS.mchOrderNo),
      amount: checkAmount('amount', r.amountCents),
      currency: checkCurrency(r.currency, CARD_CURRENCIES, r.channel),
      channel: checkOneOf('channel', r.channel, CARD_CHANNELS),
      returnUrl: checkText('returnUrl', r.returnUrl, V3_LIMITS.returnUrl),
      notifyUrl: checkText('notifyUrl', r.notifyUrl ?? this.settings.notifyUrl, V3_LIMITS.notifyUrl),
      subject: checkText('subject', r.subject, V3_LIMITS.subject, true),
      body: checkText('body', r.body, V3_LIMITS.body, true),
    };
    return this.session(await this.post('cc_purchase', params, this.settings.timeouts.createMs));
  }

  /** cc_addcard: tokenise a card under a merchant-chosen cardId (one card per cardId). */
  async addCard(r: { cardId: string; channel: CardChannel; returnUrl: string }): Promise<CardSession> {
    const params = {
      ...this.common(),
      cardId: checkOrderNumber('cardId', r.cardId, V3_LIMITS.cardId),
      channel: checkOneOf('channel', r.channel, CARD_CHANNELS),
      returnUrl: checkText('returnUrl', r.returnUrl, V3_LIMITS.returnUrl),
    };
    return this.session(await this.post('cc_addcard', params, this.settings.timeouts.createMs));
  }

  async query(ref: { mchOrderNo?: string; payOrderId?: string }): Promise<CardTransaction> {
    const params = { mchId: this.settings.mchId, ...checkOneId(ref, V3_LIMITS.mchOrderNo) };
    return toTransaction(await this.post('cc_query', params, this.settings.timeouts.queryMs));
  }

  async purchaseWithToken(r: { mchOrderNo: string; cardId: string; amountCents: number; currency: Currency; subject?: string; body?: string }): Promise<CardTransaction> {
    const params = {
      ...this.common(),
      mchOrderNo: checkOrderNumber('mchOrderNo', r.mchOrderNo, V3_LIMITS.mchOrderNo),
      cardId: checkOrderNumber('cardId', r.cardId, V3_LIMITS.cardId),
      amount: checkAmount('amount', r.amountCents),
      currency: checkCurrency(r.currency, CARD_CURRENCIES, 'cc_purchasewithtoken'),
      subject: checkText('subject', r.subject, V3_LIMITS.subject, true),
      body: checkText('body', r.body, V3_LIMITS.body, true),
      clientIp: checkText('clientIp', this.settings.clientIp, V3_LIMITS.clientIp),
      notifyUrl: this.settings.notifyUrl,
    };
    const reply = await this.post('cc_purchasewithtoken', params, this.settings.timeouts.createMs);
    const tx = toTransaction(reply);
    if (tx.state === 'failed') throw new DeclinedError('CARD_DECLINED', `card payment ${tx.payOrderId} declined`, replyAnswer(reply));
    return tx;
  }

  /** cc_void: cancel an unsettled purchase in full. */
  async void(r: { mchRefundNo: string; payOrderId: string }): Promise<CardTransaction> {
    const params = { ...this.common(), ...this.refundIds(r), notifyUrl: this.settings.notifyUrl };
    return this.refundLike('cc_void', params);
  }

  /** cc_refund: full or partial refund of a settled purchase. */
  async refund(r: { mchRefundNo: string; payOrderId: string; amountCents: number }): Promise<CardTransaction> {
    const params = { ...this.common(), ...this.refundIds(r), refundAmount: checkAmount('refundAmount', r.amountCents), notifyUrl: this.settings.notifyUrl };
    return this.refundLike('cc_refund', params);
  }

  private async refundLike(endpoint: 'cc_void' | 'cc_refund', params: SignParams): Promise<CardTransaction> {
    const reply = await this.post(endpoint, params, this.settings.timeouts.refundMs);
    const tx = toTransaction(reply);
    if (tx.state === 'failed') throw new RefundRejectedError('CARD_REFUND_FAILED', `${endpoint} ${tx.payOrderId} failed`, replyAnswer(reply));
    return tx;
  }

  private session(reply: GatewayReply): CardSession {
    const f = parseReply(sessionData, reply);
    return { secureId: f.secureId, redirectUrl: f.redirectUrl, signed: reply.signed };
  }

  private refundIds(r: { mchRefundNo: string; payOrderId: string }) {
    return {
      mchRefundNo: checkOrderNumber('mchRefundNo', r.mchRefundNo, V3_LIMITS.mchRefundNo),
      payOrderId: checkText('payOrderId', r.payOrderId, V3_LIMITS.payOrderId),
    };
  }

  /** v3 allows 12 characters of loginName (docs/iotpay-api.md §4.1), v1 refunds 32: checked here, per call. */
  private common() {
    return { mchId: this.settings.mchId, loginName: checkText('loginName', this.settings.loginName, V3_LIMITS.loginName) as string };
  }

  private async post(endpoint: SignedAnswer & `cc_${string}`, params: SignParams, timeoutMs: number): Promise<GatewayReply> {
    try {
      return await this.sender.postV3(endpoint, endpoint, params, timeoutMs);
    } catch (err) {
      // v3 has no errCode; an unknown order is recognisable only by its retMsg (docs/sandbox.md).
      if (err instanceof RequestRejectedError && err.message.toLowerCase().includes(V3_ORDER_NOT_FOUND_MSG)) {
        throw new OrderNotFoundError(`${endpoint}: ${err.message}`, { endpoint: err.endpoint, httpStatus: err.httpStatus, retCode: err.retCode, rawAnswer: err.rawAnswer, cause: err });
      }
      throw err;
    }
  }
}
