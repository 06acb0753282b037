// The IOTPay client: one object per merchant account, built in main from config. The merchant key goes in
// here and nowhere else; no method returns it.
import { CardsResource } from './cards.js';
import { checkSettings, type SettingsInput } from './client-settings.js';
import { checkApplies, policyFromCheck, type GatewayCheckRecord } from './gateway-check-record.js';
import { parseV1Notification, parseV3Notification, type V1Notification, type V3Notification } from './notifications.js';
import { OrdersResource } from './orders.js';
import { RefundsResource } from './refunds.js';
import { RequestSender } from './request-sender.js';
import type { SignaturePolicy } from './signature-policy.js';
import { nodeHttpTransport, type HttpTransport } from './transport.js';
import { createLogger, type Logger } from '../shared/logger.js';

export interface IotPayClientOptions extends SettingsInput {
  transport?: HttpTransport;
  logger?: Logger;
  /**
   * The last `pos gateway check` of this data folder (gateway-check.json). Where it was made against the same
   * gateway and merchant, the answers it saw signed must be signed from now on (signature-policy.ts).
   */
  gatewayCheck?: GatewayCheckRecord | null;
}

export interface IotPayClient {
  readonly mchId: string;
  readonly orders: OrdersResource;
  readonly refunds: RefundsResource;
  readonly cards: CardsResource;
  /** The signature table this client applies: signature-policy.ts, raised by a matching gateway check. */
  readonly signaturePolicy: SignaturePolicy;
  /** The gateway check it was given, and whether it was made against this gateway and merchant. */
  readonly gatewayCheck: { record: GatewayCheckRecord; applied: boolean } | null;
  readonly notifications: {
    v1(input: { query?: string; body?: string }): V1Notification;
    v3(body: string): V3Notification;
  };
}

export function createIotPayClient(options: IotPayClientOptions): IotPayClient {
  const settings = checkSettings(options);
  const key = options.key;
  const target = { mchId: settings.mchId, v1BaseUrl: settings.v1BaseUrl };
  const policy = policyFromCheck(options.gatewayCheck, target);
  const sender = new RequestSender({
    key,
    v1BaseUrl: settings.v1BaseUrl,
    v3BaseUrl: settings.v3BaseUrl,
    transport: options.transport ?? nodeHttpTransport,
    logger: options.logger ?? createLogger('iotpay'),
    policy,
  });
  const record = options.gatewayCheck ?? null;
  return {
    mchId: settings.mchId,
    orders: new OrdersResource(sender, settings),
    refunds: new RefundsResource(sender, settings),
    cards: new CardsResource(sender, settings),
    signaturePolicy: policy,
    gatewayCheck: record ? { record, applied: checkApplies(record, target) } : null,
    notifications: {
      v1: (input) => parseV1Notification(input, key, settings.mchId),
      v3: (body) => parseV3Notification(body, key, settings.mchId),
    },
  };
}
