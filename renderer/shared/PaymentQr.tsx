// The payment QR as the customer sees it: wallet name, amount, the code, and how long it stays valid.
// Shared by the customer display and the kiosk (which is its own customer display).
import { useApp } from './app-context.js';
import type { QrInfo } from './display-phase.js';
import { QrCode } from './QrCode.js';
import { formatCountdown } from './use-now.js';
import { walletKey } from './wallet.js';

export function PaymentQr({ qr, now }: { qr: QrInfo; now: number }) {
  const { t, money } = useApp();
  const wallet = t(walletKey(qr.channel) ?? 'tender.wallet');
  return (
    <div className={`pay-qr pay-qr-${qr.channel}`}>
      <p className="pay-qr-wallet">{wallet}</p>
      <p className="pay-qr-amount">{money(qr.amountCents, qr.currency)}</p>
      <div className="pay-qr-code">
        <QrCode value={qr.codeUrl} sizePx={360} label={t('display.qrLabel', { wallet })} testId="payment-qr" />
      </div>
      <p className="pay-qr-instructions">{t('display.scanWith', { wallet })}</p>
      <p className="pay-qr-countdown">
        {t('display.expiresIn')} <strong>{formatCountdown(qr.expiresAt - now)}</strong>
      </p>
    </div>
  );
}
