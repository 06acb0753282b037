// One payment attempt's live status: what is being charged, where it stands, how long main will keep waiting,
// and a Cancel button while it is still in play. `data-state` carries the raw attempt state for tests.
import type { ReactNode } from 'react';
import type { AttemptView } from '../../preload/contract.js';
import { useApp } from './app-context.js';
import { isAttemptLive } from './attempt-state.js';
import type { MessageKey } from './i18n/translate.js';
import { formatCountdown, useNow } from './use-now.js';
import { tenderKey } from './wallet.js';

interface Props {
  attempt: AttemptView;
  deadline: number | null;
  onCancel?: () => void;
  cancelling?: boolean;
  onDismiss?: () => void;
  children?: ReactNode;
}

const STATE_KEYS: Record<AttemptView['state'], MessageKey> = {
  created: 'attempt.created',
  sent: 'attempt.sent',
  pending: 'attempt.pending',
  succeeded: 'attempt.succeeded',
  failed: 'attempt.failed',
  expired: 'attempt.expired',
  unknown: 'attempt.unknown',
};

export function AttemptPanel({ attempt, deadline, onCancel, cancelling, onDismiss, children }: Props) {
  const { t, money } = useApp();
  const live = isAttemptLive(attempt.state);
  const now = useNow(250, live && deadline !== null);
  return (
    <section className={`attempt attempt-${attempt.state}`} data-testid="attempt-status" data-state={attempt.state} aria-live="polite">
      <div className="attempt-head">
        <span className="attempt-tender">{t(tenderKey(attempt))}</span>
        <span className="attempt-amount">{money(attempt.amountCents, attempt.currency)}</span>
      </div>
      <p className="attempt-state">{t(STATE_KEYS[attempt.state])}</p>
      {live && deadline !== null ? (
        <p className="attempt-countdown" aria-label={t('attempt.timeLeft')}>
          {formatCountdown(deadline - now)}
        </p>
      ) : null}
      {attempt.failureMessage && !live ? <p className="attempt-failure">{attempt.failureMessage}</p> : null}
      {attempt.needsAction ? <p className="attempt-failure">{t('attempt.needsAction')}</p> : null}
      {children}
      <div className="attempt-actions">
        {live && onCancel ? (
          <button type="button" className="btn btn-danger btn-lg" data-testid="attempt-cancel" disabled={cancelling} onClick={onCancel}>
            {t('attempt.cancel')}
          </button>
        ) : null}
        {!live && onDismiss ? (
          <button type="button" className="btn btn-lg" data-testid="attempt-dismiss" onClick={onDismiss}>
            {t('common.ok')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
