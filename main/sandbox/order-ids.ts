// Ids in the shape IOTPay and the wallets use (docs/iotpay-api.md §3.6, §4.0): a two-letter prefix, a UTC timestamp and
// random digits, 28 characters in all, which fits v3's 30-character payOrderId limit.
import { randomBytes, randomInt } from 'node:crypto';
import type { V1Channel } from './wire-rules.js';

const V1_PREFIX: Record<V1Channel, string> = {
  WX_NATIVE: 'WN',
  ALIPAY_QR: 'AQ',
  UPI_QR: 'UQ',
  WX_MICROPAY: 'WM',
  ALIPAY_MICROPAY: 'AM',
  UPI_MICROPAY: 'UM',
  WX_APP: 'WA',
  ALIPAY_MOBILE: 'AA',
  UPI_APP: 'UA',
};

function digits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(randomInt(10));
  return out;
}

function stamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\D/g, '').slice(0, 14);
}

export function idWithPrefix(prefix: string, epochMs: number): string {
  return `${prefix}${stamp(epochMs)}${digits(28 - 14 - prefix.length)}`;
}

export function v1PayOrderId(channel: V1Channel, epochMs: number): string {
  return idWithPrefix(V1_PREFIX[channel], epochMs);
}

/** The wallet's own transaction id (WeChat ids start 4200…, Alipay's with the date). */
export function channelOrderNo(channel: V1Channel, epochMs: number): string {
  if (channel.startsWith('WX_')) return `4200${digits(24)}`;
  if (channel.startsWith('ALIPAY_')) return `${stamp(epochMs).slice(0, 8)}2200${digits(16)}`;
  return `UP${stamp(epochMs)}${digits(10)}`;
}

/** 64 hex characters, as in IOTPay's SDK samples (docs/iotpay-api.md §4.1). */
export function secureId(): string {
  return randomBytes(32).toString('hex');
}

export function numericId(length: number): string {
  return digits(length);
}

/** `yyyy-MM-dd HH:mm:ss` (UTC): the v3 paySuccTime format (docs/iotpay-api.md §4.4). */
export function v3Time(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
