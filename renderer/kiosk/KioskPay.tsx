// Paying at the kiosk: pick a wallet and scan the QR shown here, or hold your own wallet code under the
// kiosk's scanner (typing the digits also works). While a payment is in play only Cancel is offered; while it
// is being checked, nothing but the wait (the customer is told so, with how long).
import { useState } from 'react';
import type { AttemptView, SaleView } from '../../preload/contract.js';
import { AttemptPanel } from '../shared/AttemptPanel.js';
import { useApp } from '../shared/app-context.js';
import { activeQr, type QrInfo } from '../shared/display-phase.js';
import { PaymentQr } from '../shared/PaymentQr.js';
import type { Countdown } from '../shared/use-attempt.js';
import { useNow } from '../shared/use-now.js';
import { QR_CHANNELS, walletKey, type QrChannel } from '../shared/wallet.js';

interface Props {
  sale: SaleView;
  attempt: AttemptView | null;
  countdown: Countdown | null;
  qr: QrInfo | null;
  charging: boolean;
  cancelling: boolean;
  onQr: (channel: QrChannel) => void;
  onScanCode: (code: string) => void;
  onCancel: () => void;
  onDismiss: () => void;
  onBack: () => void;
}

export function KioskPay(props: Props) {
  const { sale, attempt, countdown, qr, charging, cancelling, onQr, onScanCode, onCancel, onDismiss, onBack } = props;
  const { t, money, online } = useApp();
  const now = useNow(1000, qr !== null);
  const [code, setCode] = useState('');
  const digits = code.replace(/\s+/g, '');

  if (attempt) {
    // The QR while the customer can still pay it: its own expiry, and only while the attempt is working.
    const shownQr = qr && qr.attemptId === attempt.id ? activeQr({ qr, attempt, now }) : null;
    return (
      <div className="kiosk-paying">
        {shownQr ? <PaymentQr qr={shownQr} now={now} /> : null}
        <AttemptPanel
          attempt={attempt}
          countdown={shownQr && countdown?.phase === 'waiting' ? null : countdown}
          audience="customer"
          cancelling={cancelling}
          onCancel={onCancel}
          onDismiss={onDismiss}
        />
      </div>
    );
  }
  if (charging) return <p className="panel hint hint-lg">{t('attempt.sent')}</p>;

  return (
    <div className="kiosk-pay">
      <div className="panel-head">
        <button type="button" className="btn btn-lg" data-testid="kiosk-back" onClick={onBack}>
          ← {t('kiosk.backToCart')}
        </button>
        <h2>
          {t('kiosk.toPay')} <span className="money-strong" data-testid="sale-total">{money(sale.dueCents, sale.currency)}</span>
        </h2>
      </div>
      <section className="panel">
        <h3>{t('kiosk.payWithQr')}</h3>
        <div className="tender-grid tender-grid-kiosk">
          {QR_CHANNELS.map((channel) => (
            <button
              key={channel}
              type="button"
              className={`btn btn-tender btn-xl tender-${channel}`}
              data-testid={`tender-qr-${channel}`}
              disabled={!online}
              onClick={() => onQr(channel)}
            >
              {t(walletKey(channel) ?? 'tender.wallet')}
            </button>
          ))}
        </div>
      </section>
      <section className="panel">
        <h3>{t('kiosk.payWithCode')}</h3>
        <p className="hint hint-lg">{t('kiosk.payWithCodeHint')}</p>
        <form
          className="scan-entry"
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d{8,64}$/.test(digits)) onScanCode(digits);
          }}
        >
          <input
            className="field field-xl"
            data-testid="scan-code-input"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('scan.placeholder')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-label={t('scan.codeLabel')}
            disabled={!online}
          />
          <button type="submit" className="btn btn-primary btn-xl" data-testid="scan-code-submit" disabled={!online || !/^\d{8,64}$/.test(digits)}>
            {t('scan.submit')}
          </button>
        </form>
      </section>
    </div>
  );
}
