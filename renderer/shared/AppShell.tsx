// The frame every screen shares: banners on top, a title bar with the language switch, the screen, toasts.
// Toasts float at the top of the screen area by default; the till places them itself (over its cart lines,
// never over the total, what is due or the tender buttons) and passes `toasts="none"`.
import type { ReactNode } from 'react';
import { useApp } from './app-context.js';
import { ClockBanner, OfflineBanner, TrainingBanner } from './Banners.js';
import { LocaleSelect } from './LocaleSelect.js';
import { Toasts } from './Toasts.js';

interface Props {
  title: string;
  /** Extra controls in the title bar (e.g. the manager's Lock button). */
  actions?: ReactNode;
  /** Banners of this screen's own, under the training and offline ones (the till's late successes). */
  banners?: ReactNode;
  /** The customer display has no connectivity events and no use for an offline banner. */
  showOffline?: boolean;
  /** `none`: the screen renders <Toasts /> where it wants them. */
  toasts?: 'top' | 'none';
  className?: string;
  children: ReactNode;
}

export function AppShell({ title, actions, banners, showOffline = true, toasts = 'top', className, children }: Props) {
  const { info } = useApp();
  return (
    <div className={`shell${className ? ` ${className}` : ''}`}>
      <TrainingBanner />
      {showOffline ? <OfflineBanner /> : null}
      <ClockBanner />
      {banners}
      <header className="topbar">
        <div className="topbar-title">
          <strong>{info.storeName}</strong>
          <span className="topbar-sub">{title}</span>
        </div>
        <div className="topbar-actions">
          {actions}
          <LocaleSelect />
        </div>
      </header>
      <div className="screen-wrap">
        <main className="screen">{children}</main>
        {toasts === 'top' ? <Toasts placement="top" /> : null}
      </div>
    </div>
  );
}
