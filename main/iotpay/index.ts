// Public surface of the IOTPay client.
export { createIotPayClient, type IotPayClient, type IotPayClientOptions } from './client.js';
export * from './errors.js';
export type { QrOrder, MicropayResult, AppOrder, QueriedOrder } from './orders.js';
export { stateOfRefundStatus, type RefundResult, type RefundState } from './refunds.js';
export type { CardTransaction, CardSession, CardState } from './cards.js';
export type { GatewayPaymentState } from './response-fields.js';
export { V1_NOTIFY_ACK, V3_NOTIFY_ACK, NotificationRejectedError, type V1Notification, type V3Notification } from './notifications.js';
export type { HttpTransport } from './transport.js';
export { SIGNATURE_POLICY, CHECKABLE_ANSWERS, resolvePolicy, type SignaturePolicy, type SignatureRule, type SignedAnswer } from './signature-policy.js';
export { runGatewayCheck, type GatewayCheckOptions } from './gateway-check.js';
export {
  GATEWAY_CHECK_FILE, CLOCK_SKEW_LIMIT_MS, readGatewayCheck, writeGatewayCheck, policyFromCheck, checkApplies,
  type GatewayCheckRecord, type GatewayProbe, type ProbeSignature,
} from './gateway-check-record.js';
