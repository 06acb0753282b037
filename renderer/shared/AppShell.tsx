// The frame every screen shares: banners on top, a title bar with the language switch, the screen, toasts.
import type { ReactNode } from 'react';
import { useApp } from './app-context.js';
import { OfflineBanner, TrainingBanner } from './Banners.js';
import { LocaleSelect } from './LocaleSelect.js';
import { Toasts } from './Toasts.js';

interface Props {
  title: string;
  /** Extra controls in the title bar (e.g. the manager's Lock button). */
  actions?: ReactNode;
  /** The customer display has no connectivity events and no use for an offline banner. */
  showOffline?: boolean;
  className?: string;
  children: ReactNode;
}

export function AppShell({ title, actions, showOffline = true, className, children }: Props) {
  const { info } = useApp();
  return (
    <div className={`shell${className ? ` ${className}` : ''}`}>
      <TrainingBanner />
      {showOffline ? <OfflineBanner /> : null}
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
      <main className="screen">{children}</main>
      <Toasts />
    </div>
  );
}
