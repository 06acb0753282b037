// The payment QR as the customer sees it: wallet name, amount, the code, and how long it stays valid.
// Shared by the customer display and the kiosk (which is its own customer display). The QR's size comes from
// the viewport (styles.css), so it stays whole and scannable from an 800×480 pole display to a 1080p screen.
import { useApp } from './app-context.js';
import type { QrInfo } from './display-phase.js';
import { QrCode } from './QrCode.js';
import { formatCountdown } from './use-now.js';
import { walletKey } from './wallet.js';

/** `now` is the monotonic clock `qr.expiresAt` is on (use-now.ts). */
export function PaymentQr({ qr, now }: { qr: QrInfo; now: number }) {
  const { t, money } = useApp();
  const wallet = t(walletKey(qr.channel) ?? 'tender.wallet');
  return (
    <div className={`pay-qr pay-qr-${qr.channel}`} data-channel={qr.channel}>
      <div className="pay-qr-code">
        <QrCode value={qr.codeUrl} sizePx={360} label={t('display.qrLabel', { wallet })} testId="payment-qr" />
      </div>
      <div className="pay-qr-info">
        <p className="pay-qr-wallet" data-testid="display-wallet">{wallet}</p>
        <p className="pay-qr-amount" data-testid="display-amount">{money(qr.amountCents, qr.currency)}</p>
        <p className="pay-qr-instructions">{t('display.scanWith', { wallet })}</p>
        <p className="pay-qr-countdown">
          {t('display.expiresIn')} <strong data-testid="qr-countdown">{formatCountdown(qr.expiresAt - now)}</strong>
        </p>
      </div>
    </div>
  );
}
