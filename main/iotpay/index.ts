// Public surface of the IOTPay client.
export { createIotPayClient, type IotPayClient, type IotPayClientOptions } from './client.js';
export * from './errors.js';
export type { QrOrder, MicropayResult, AppOrder, QueriedOrder } from './orders.js';
export type { RefundResult, RefundState } from './refunds.js';
export type { CardTransaction, CardSession, CardState } from './cards.js';
export type { GatewayPaymentState } from './response-fields.js';
export { V1_NOTIFY_ACK, V3_NOTIFY_ACK, NotificationRejectedError, type V1Notification, type V3Notification } from './notifications.js';
export type { HttpTransport } from './transport.js';
