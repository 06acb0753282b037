// Gateway channel codes in the words people use. IOTPay names channels WX_MICROPAY, ALIPAY_QR, PF_CC…; no
// screen ever shows one of those codes (a `data-channel` attribute may carry it). This is the one mapping:
// `channelKey` for a tender as a line on a report, list or receipt ("WeChat Pay (scan)"), `walletKey` for the
// wallet alone as the customer knows it ("WeChat Pay").
import type { AttemptView } from '../../preload/contract.js';
import type { MessageKey } from './i18n/translate.js';

export type QrChannel = 'WX_NATIVE' | 'ALIPAY_QR' | 'UPI_QR';
export const QR_CHANNELS: readonly QrChannel[] = ['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR'];

const CHANNEL_KEYS: Readonly<Record<string, MessageKey>> = {
  WX_MICROPAY: 'channel.WX_MICROPAY',
  ALIPAY_MICROPAY: 'channel.ALIPAY_MICROPAY',
  UPI_MICROPAY: 'channel.UPI_MICROPAY',
  WX_NATIVE: 'channel.WX_NATIVE',
  ALIPAY_QR: 'channel.ALIPAY_QR',
  UPI_QR: 'channel.UPI_QR',
  PF_CC: 'channel.PF_CC',
  CASH: 'channel.CASH',
};

/** The wallet a channel belongs to, or null for card, cash and anything unknown. */
export function walletKey(channel: string): MessageKey | null {
  const c = channel.toUpperCase();
  if (c.startsWith('WX') || c.includes('WECHAT')) return 'wallet.wechat';
  if (c.startsWith('ALIPAY')) return 'wallet.alipay';
  if (c.startsWith('UPI') || c.includes('UNION')) return 'wallet.unionpay';
  return null;
}

/** A channel as people say it. An unknown code gets the nearest words (its wallet, or "Wallet"), never itself. */
export function channelKey(channel: string): MessageKey {
  const code = channel.toUpperCase();
  const known = Object.hasOwn(CHANNEL_KEYS, code) ? CHANNEL_KEYS[code] : undefined;
  if (known) return known;
  if (code.includes('CASH')) return 'tender.cash';
  if (code.startsWith('PF') || code.includes('CARD') || code.endsWith('_CC')) return 'tender.card';
  return walletKey(code) ?? 'tender.wallet';
}

/** How one attempt was (or is being) paid, in words. */
export function tenderKey(attempt: Pick<AttemptView, 'tender' | 'channel'>): MessageKey {
  switch (attempt.tender) {
    case 'cash':
      return 'tender.cash';
    case 'card':
      return 'tender.card';
    case 'wallet_scan':
    case 'wallet_qr':
      return channelKey(attempt.channel);
  }
}
