// The two banners that must never be missed: TRAINING (no real money moves) and offline (wallets and cards
// cannot be taken; cash still can).
import { useApp } from './app-context.js';

export function TrainingBanner() {
  const { info, t } = useApp();
  if (!info.training) return null;
  return (
    <div className="banner banner-training" data-testid="training-banner" role="status">
      {t('banner.training')}
    </div>
  );
}

export function OfflineBanner({ showHint = true }: { showHint?: boolean }) {
  const { online, t } = useApp();
  if (online) return null;
  return (
    <div className="banner banner-offline" data-testid="offline-banner" role="alert">
      {t('banner.offline')}
      {showHint ? <span className="banner-hint"> {t('banner.offlineHint')}</span> : null}
    </div>
  );
}
