// Asynchronous notifications (docs/iotpay-api.md §3.7 v1 signed form post; §4.4 v3 signed JSON). A sandbox must never
// reach out to the network, so only loopback notifyUrls are called; anything else is skipped with a log line.
import { answerFields, sandboxSign } from './signing.js';
import type { Logger } from '../shared/logger.js';
import type { Ledger } from './ledger.js';
import type { V1Order } from './ledger-records.js';
import type { Merchant } from './merchant.js';
import type { PendingTimers } from './pending-timers.js';

export interface Notifier {
  notifyV1(order: V1Order): void;
  notifyV3(notifyUrl: string, record: Record<string, unknown>): void;
  close(): void;
}

/** Retry delays after a failed or unacknowledged v1 notify (xxpay retries too, docs/iotpay-api.md §3.7). */
const RETRY_DELAYS_MS = [1000, 2000];
const NOTIFY_TIMEOUT_MS = 5000;

export function isLoopbackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** v1 notify fields (docs/iotpay-api.md §3.7), all as strings, as a form body would carry them. */
export function v1NotifyFields(order: V1Order, merchant: Merchant): Record<string, string> {
  const fields: Record<string, string> = {
    payOrderId: order.payOrderId, mchId: merchant.mchId, mchOrderNo: order.mchOrderNo, channelId: order.channelId,
    currency: order.currency, amount: String(order.amount), status: '2', clientIp: order.clientIp, device: order.device,
    subject: order.subject, body: order.body, channelOrderNo: order.channelOrderNo ?? '', param1: order.param1,
    param2: order.param2, paySuccTime: String(order.paySuccTime ?? ''), backType: '2',
  };
  return { ...fields, sign: sandboxSign(fields, merchant.key) };
}

/**
 * Where a v1 notification goes: the fields in the query string as well as in the form body, because xxpay-style
 * servers append them to notifyUrl and PHP shops read them from there, `sign` from `$_POST` (docs/iotpay-api.md §3.7).
 */
export function v1NotifyUrl(notifyUrl: string, fields: Record<string, string>): string {
  return `${notifyUrl}${notifyUrl.includes('?') ? '&' : '?'}${new URLSearchParams(fields).toString()}`;
}

export interface NotifierDeps {
  merchant: Merchant;
  ledger: Ledger;
  timers: PendingTimers;
  logger: Logger;
}

export function createNotifier({ merchant, ledger, timers, logger }: NotifierDeps): Notifier {
  const abort = new AbortController();
  const post = async (url: string, contentType: string, body: string): Promise<string> => {
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(NOTIFY_TIMEOUT_MS)]);
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body, signal });
    return response.text();
  };

  const deliverV1 = async (order: V1Order): Promise<void> => {
    const fields = v1NotifyFields(order, merchant);
    const body = new URLSearchParams(fields).toString();
    const url = v1NotifyUrl(order.notifyUrl, fields);
    for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
      if (attempt > 0 && !(await timers.wait(RETRY_DELAYS_MS[attempt - 1] ?? 0))) return;
      const reply = await post(url, 'application/x-www-form-urlencoded', body).catch((error: unknown) => {
        logger.warn('v1 notify failed', { mchOrderNo: order.mchOrderNo, error: String(error) });
        return '';
      });
      // xxpay accepts a trimmed, case-insensitive `success` as the acknowledgement (docs/iotpay-api.md §3.7).
      if (reply.trim().toLowerCase() === 'success') {
        ledger.commit(() => {
          if (order.status === 2) order.status = 3;
        });
        return;
      }
    }
  };

  return {
    notifyV1(order) {
      if (!isLoopbackUrl(order.notifyUrl)) return logger.info('notify skipped: not loopback', { url: order.notifyUrl });
      void deliverV1(order);
    },
    notifyV3(notifyUrl, record) {
      if (!isLoopbackUrl(notifyUrl)) return logger.info('notify skipped: not loopback', { url: notifyUrl });
      const body = JSON.stringify({ ...record, sign: sandboxSign(answerFields(record), merchant.key) });
      post(notifyUrl, 'application/json;charset=UTF-8', body).catch((error: unknown) => {
        logger.warn('v3 notify failed', { url: notifyUrl, error: String(error) });
      });
    },
    close() {
      abort.abort();
    },
  };
}
