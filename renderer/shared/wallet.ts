// Which wallet or tender a gateway channel code means, as a dictionary key. Channel codes come from IOTPay
// (WX_NATIVE, ALIPAY_QR, UPI_QR, and the merchant-scan variants); matching on the prefix covers both.
import type { AttemptView } from '../../preload/contract.js';
import type { MessageKey } from './i18n/translate.js';

export type QrChannel = 'WX_NATIVE' | 'ALIPAY_QR' | 'UPI_QR';
export const QR_CHANNELS: readonly QrChannel[] = ['WX_NATIVE', 'ALIPAY_QR', 'UPI_QR'];

export function walletKey(channel: string): MessageKey | null {
  const c = channel.toUpperCase();
  if (c.startsWith('WX') || c.includes('WECHAT')) return 'wallet.wechat';
  if (c.startsWith('ALIPAY')) return 'wallet.alipay';
  if (c.startsWith('UPI') || c.includes('UNION')) return 'wallet.unionpay';
  return null;
}

export function tenderKey(attempt: Pick<AttemptView, 'tender' | 'channel'>): MessageKey {
  switch (attempt.tender) {
    case 'cash':
      return 'tender.cash';
    case 'card':
      return 'tender.card';
    case 'wallet_scan':
    case 'wallet_qr':
      return walletKey(attempt.channel) ?? 'tender.wallet';
  }
}
