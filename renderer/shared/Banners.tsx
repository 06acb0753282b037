// The banners that must never be missed: TRAINING (no real money moves), offline (wallets and cards cannot be
// taken; cash still can) and the clock warning (cashier and manager: the clock is behind the journal or jumped).
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

/** Only the cashier and manager screens get a clock warning (app:info `clock`, then app:clock events). */
export function ClockBanner() {
  const { clock, t } = useApp();
  if (!clock?.warning) return null;
  const key = clock.warning === 'behind-journal' ? 'banner.clockBehind' : 'banner.clockJumped';
  return (
    <div className="banner banner-offline" data-testid="clock-banner" data-warning={clock.warning} role="alert">
      {t(key, { minutes: clock.minutes })}
    </div>
  );
}
