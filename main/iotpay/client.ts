// The IOTPay client: one object per merchant account, built in main from config. The merchant key goes in
// here and nowhere else; no method returns it.
import { CardsResource } from './cards.js';
import { checkSettings, type SettingsInput } from './client-settings.js';
import { parseV1Notification, parseV3Notification, type V1Notification, type V3Notification } from './notifications.js';
import { OrdersResource } from './orders.js';
import { RefundsResource } from './refunds.js';
import { RequestSender } from './request-sender.js';
import { nodeHttpTransport, type HttpTransport } from './transport.js';
import { createLogger, type Logger } from '../shared/logger.js';

export interface IotPayClientOptions extends SettingsInput {
  transport?: HttpTransport;
  logger?: Logger;
}

export interface IotPayClient {
  readonly mchId: string;
  readonly orders: OrdersResource;
  readonly refunds: RefundsResource;
  readonly cards: CardsResource;
  readonly notifications: {
    v1(input: { query?: string; body?: string }): V1Notification;
    v3(body: string): V3Notification;
  };
}

export function createIotPayClient(options: IotPayClientOptions): IotPayClient {
  const settings = checkSettings(options);
  const key = options.key;
  const sender = new RequestSender({
    key,
    v1BaseUrl: settings.v1BaseUrl,
    v3BaseUrl: settings.v3BaseUrl,
    transport: options.transport ?? nodeHttpTransport,
    logger: options.logger ?? createLogger('iotpay'),
    acceptUnsignedCardResponses: settings.acceptUnsignedCardResponses,
  });
  return {
    mchId: settings.mchId,
    orders: new OrdersResource(sender, settings),
    refunds: new RefundsResource(sender, settings),
    cards: new CardsResource(sender, settings),
    notifications: {
      v1: (input) => parseV1Notification(input, key, settings.mchId),
      v3: (body) => parseV3Notification(body, key, settings.mchId),
    },
  };
}
