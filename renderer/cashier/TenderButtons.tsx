// The tender choices and the split-tender amount. Wallets and card need the gateway, so they are disabled
// offline; cash never is (docs/architecture.md §3: the shop keeps selling when IOTPay is unreachable).
import { useApp } from '../shared/app-context.js';
import { QR_CHANNELS, channelKey, type QrChannel } from '../shared/wallet.js';

interface Props {
  disabled: boolean;
  partial: string;
  onPartial: (text: string) => void;
  onScan: () => void;
  onQr: (channel: QrChannel) => void;
  onCard: () => void;
  onCash: () => void;
}

export function TenderButtons({ disabled, partial, onPartial, onScan, onQr, onCard, onCash }: Props) {
  const { t, online } = useApp();
  const gatewayDisabled = disabled || !online;
  return (
    <section className="panel tenders" aria-label={t('tender.title')}>
      <label className="split-row">
        <span>{t('tender.splitLabel')}</span>
        <input
          className="field field-money"
          data-testid="split-amount"
          inputMode="decimal"
          placeholder={t('tender.splitPlaceholder')}
          value={partial}
          onChange={(e) => onPartial(e.target.value)}
          disabled={disabled}
        />
      </label>
      <div className="tender-grid">
        <button type="button" className="btn btn-tender tender-cash" data-testid="tender-cash" disabled={disabled} onClick={onCash}>
          {t('tender.cash')}
        </button>
        <button type="button" className="btn btn-tender" data-testid="tender-scan" disabled={gatewayDisabled} onClick={onScan}>
          {t('tender.scanCode')}
        </button>
        <button type="button" className="btn btn-tender" data-testid="tender-card" disabled={gatewayDisabled} onClick={onCard}>
          {t('tender.card')}
        </button>
        {QR_CHANNELS.map((channel) => (
          <button
            key={channel}
            type="button"
            className={`btn btn-tender tender-${channel}`}
            data-testid={`tender-qr-${channel}`}
            disabled={gatewayDisabled}
            onClick={() => onQr(channel)}
          >
            ▦ {t(channelKey(channel))}
          </button>
        ))}
      </div>
    </section>
  );
}
