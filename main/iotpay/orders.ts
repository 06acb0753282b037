// v1 general orders: create_order for the customer-scan QR, merchant-scan (micropay) and app channels, and
// query_order (docs/iotpay-api.md §3.2, §3.3, §3.5). create_order is never retried here: after an uncertain outcome the
// caller queries (docs/architecture.md §3).
import { z } from 'zod';
import { MalformedResponseError, OrderNotFoundError } from './errors.js';
import { IN_PROGRESS_CODES, businessFailure, intLike, parseReply, stateOfV1Status, text, type GatewayPaymentState } from './response-fields.js';
import { replyAnswer, type GatewayReply, type RequestSender } from './request-sender.js';
import type { SignedAnswer } from './signature-policy.js';
import type { SignParams } from './sign.js';
import type { ClientSettings } from './client-settings.js';
import { checkAmount, checkCurrency, checkOneId, checkOneOf, checkOrderNumber, checkText } from './validation.js';
import {
  APP_CHANNELS, MICROPAY_CHANNELS, QR_CHANNELS, V1_LIMITS, currenciesFor,
  type AppChannel, type Currency, type MicropayChannel, type QrChannel, type V1Channel,
} from './wire.js';

interface OrderBase {
  mchOrderNo: string;
  amountCents: number;
  currency: Currency;
  subject: string;
  body: string;
}

export interface QrOrderRequest extends OrderBase {
  channel: QrChannel;
  /** WX_NATIVE requires `extra.productId` (docs/iotpay-api.md §3.2); defaults to the order number. */
  productId?: string;
}

export interface MicropayRequest extends OrderBase {
  channel: MicropayChannel;
  /** The payment code scanned from the customer's wallet. Single use; never logged whole. */
  identityCode: string;
  /** Id of the scanning device (`deviceId`). */
  scannerId?: string;
}

export interface AppOrderRequest extends OrderBase {
  channel: AppChannel;
  /** WX_APP requires the WeChat Open Platform appId in `extra`. */
  wechatAppId?: string;
  osType?: 'IOS' | 'ANDROID';
}

/**
 * `signed` on every result: whether the answer carried a signature (which then verified). False only where
 * IOTPay documents none (signature-policy.ts); the payment engine journals it.
 */
export interface QrOrder { payOrderId: string; mchOrderNo: string; codeUrl: string; signed: boolean }
export interface MicropayResult { payOrderId?: string; mchOrderNo: string; status?: number; state: GatewayPaymentState; channelOrderNo?: string; signed: boolean }
/** `payParams`: an object for WeChat app pay, a string for Alipay app pay (docs/iotpay-api.md findings table). */
export interface AppOrder { payOrderId: string; mchOrderNo: string; payParams: Record<string, unknown> | string; signed: boolean }

export interface QueriedOrder {
  signed: boolean;
  payOrderId?: string;
  mchOrderNo: string;
  channel: string;
  amountCents: number;
  currency: string;
  status: number;
  state: GatewayPaymentState;
  channelOrderNo?: string;
  /** Epoch milliseconds of payment, when paid. */
  paidAt?: number;
}

const qrResponse = z.object({
  payOrderId: text,
  mchOrderNo: text.optional(),
  codeUrl: z.string().optional(),
  qr_code: z.string().optional(),
  retDetail: z.string().optional(),
  retParams: z.unknown().optional(),
});

const micropayResponse = z.object({
  payOrderId: text.optional(),
  status: intLike.optional(),
  channelOrderNo: z.string().optional(),
});

const appResponse = z.object({ payOrderId: text, payParams: z.union([z.record(z.string(), z.unknown()), text]) });

const queryResponse = z.object({
  payOrderId: text.optional(),
  mchOrderNo: text,
  channelId: text,
  amount: intLike,
  currency: text,
  status: intLike,
  channelOrderNo: z.string().optional(),
  paySuccTime: intLike.optional(),
});

export class OrdersResource {
  constructor(private readonly sender: RequestSender, private readonly settings: ClientSettings) {}

  async createQr(request: QrOrderRequest): Promise<QrOrder> {
    const channel = checkOneOf('channel', request.channel, QR_CHANNELS);
    const productId = checkText('productId', request.productId ?? request.mchOrderNo, 64) as string;
    const extra = channel === 'WX_NATIVE' ? JSON.stringify({ productId }) : undefined;
    const reply = await this.create(this.orderParams(request, channel, extra), 'create_order:qr');
    const fields = parseReply(qrResponse, reply);
    // WeChat answers with codeUrl, Alipay and UnionPay with qr_code; retDetail carries the same link (docs/iotpay-api.md §3.2).
    const codeUrl = fields.codeUrl || fields.qr_code || fields.retDetail || (typeof fields.retParams === 'string' ? fields.retParams : '');
    if (!codeUrl) throw new MalformedResponseError('create_order: no codeUrl, qr_code or retDetail in the answer', replyAnswer(reply));
    return { payOrderId: fields.payOrderId, mchOrderNo: request.mchOrderNo, codeUrl, signed: reply.signed };
  }

  async createMicropay(request: MicropayRequest): Promise<MicropayResult> {
    const channel = checkOneOf('channel', request.channel, MICROPAY_CHANNELS);
    const params: SignParams = {
      ...this.orderParams(request, channel, undefined),
      codeType: 'barcode',
      identityCode: checkText('identityCode', request.identityCode, V1_LIMITS.identityCode),
      deviceId: checkText('scannerId', request.scannerId, V1_LIMITS.deviceId, true),
    };
    const reply = await this.sender.postV1('create_order', 'create_order:micropay', params, this.settings.timeouts.createMs);
    if (reply.body.resCode !== 'SUCCESS') {
      // WeChat's USERPAYING (customer typing a password), Alipay's WAIT_BUYER_PAY: in progress, not a failure
      // (docs/iotpay-api.md §3.3, §8). The caller polls query_order.
      const code = typeof reply.body.errCode === 'string' ? reply.body.errCode : '';
      if (!IN_PROGRESS_CODES.has(code)) throw businessFailure(reply);
      const payOrderId = typeof reply.body.payOrderId === 'string' && reply.body.payOrderId !== '' ? reply.body.payOrderId : undefined;
      return { payOrderId, mchOrderNo: request.mchOrderNo, state: 'paying', signed: reply.signed };
    }
    const fields = parseReply(micropayResponse, reply);
    // IOTPay does not document whether micropay returns a status; without one the caller must query.
    const state = fields.status === undefined ? 'awaiting_payment' : stateOfV1Status(fields.status);
    return {
      payOrderId: fields.payOrderId, mchOrderNo: request.mchOrderNo, status: fields.status, state,
      channelOrderNo: fields.channelOrderNo || undefined, signed: reply.signed,
    };
  }

  async createApp(request: AppOrderRequest): Promise<AppOrder> {
    const channel = checkOneOf('channel', request.channel, APP_CHANNELS);
    let extra: string | undefined;
    if (channel === 'WX_APP') {
      const appId = checkText('wechatAppId', request.wechatAppId, 64) as string;
      extra = JSON.stringify({ type: 'apppay', appId });
    }
    const params = { ...this.orderParams(request, channel, extra), osType: checkText('osType', request.osType, V1_LIMITS.osType, true) };
    const reply = await this.create(params, 'create_order:app');
    const fields = parseReply(appResponse, reply);
    return { payOrderId: fields.payOrderId, mchOrderNo: request.mchOrderNo, payParams: fields.payParams, signed: reply.signed };
  }

  /** query_order by exactly one of mchOrderNo or payOrderId. OrderNotFoundError means the gateway never got it. */
  async query(ref: { mchOrderNo?: string; payOrderId?: string }): Promise<QueriedOrder> {
    const id = checkOneId(ref, V1_LIMITS.mchOrderNo);
    const reply = await this.sender.postV1('query_order', 'query_order', { mchId: this.settings.mchId, ...id }, this.settings.timeouts.queryMs);
    if (reply.body.resCode !== 'SUCCESS') throw businessFailure(reply);
    const fields = parseReply(queryResponse, reply);
    if ('mchOrderNo' in id && fields.mchOrderNo !== id.mchOrderNo) {
      throw new OrderNotFoundError(`query_order answered for ${fields.mchOrderNo}, not ${id.mchOrderNo}`, replyAnswer(reply));
    }
    return {
      signed: reply.signed,
      payOrderId: fields.payOrderId,
      mchOrderNo: fields.mchOrderNo,
      channel: fields.channelId,
      amountCents: fields.amount,
      currency: fields.currency,
      status: fields.status,
      state: stateOfV1Status(fields.status),
      channelOrderNo: fields.channelOrderNo || undefined,
      paidAt: fields.paySuccTime || undefined,
    };
  }

  private orderParams(request: OrderBase, channel: V1Channel, extra: string | undefined): SignParams {
    return {
      mchId: this.settings.mchId,
      mchOrderNo: checkOrderNumber('mchOrderNo', request.mchOrderNo, V1_LIMITS.mchOrderNo),
      channelId: channel,
      currency: checkCurrency(request.currency, currenciesFor(channel), channel),
      amount: checkAmount('amount', request.amountCents),
      clientIp: this.settings.clientIp,
      device: this.settings.device,
      notifyUrl: this.settings.notifyUrl,
      subject: checkText('subject', request.subject, V1_LIMITS.subject),
      body: checkText('body', request.body, V1_LIMITS.body),
      jobNo: this.settings.loginName,
      extra: checkText('extra', extra, V1_LIMITS.extra, true),
    };
  }

  private async create(params: SignParams, kind: SignedAnswer): Promise<GatewayReply> {
    const reply = await this.sender.postV1('create_order', kind, params, this.settings.timeouts.createMs);
    if (reply.body.resCode !== 'SUCCESS') throw businessFailure(reply);
    return reply;
  }
}
