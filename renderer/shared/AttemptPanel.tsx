// One payment attempt's live status, worded by its phase (preload/payment-states.ts): working (what is being
// charged, how long main keeps waiting, Cancel), checking (money may have moved: only the gateway can say, so
// never "failed"), paid, or not paid with the reason in words. `data-state` carries the raw attempt state and
// `data-phase` the phase, for tests. Gateway codes and messages are never shown here.
import { useEffect, useState, type ReactNode } from 'react';
import type { AttemptView } from '../../preload/contract.js';
import { useApp } from './app-context.js';
import type { MessageKey } from './i18n/translate.js';
import { customerReasonKey, reasonKey } from './reasons.js';
import type { Countdown } from './use-attempt.js';
import { formatCountdown, monotonicNow, useNow } from './use-now.js';
import { tenderKey } from './wallet.js';

interface Props {
  attempt: AttemptView;
  countdown: Countdown | null;
  /** Who reads it: the cashier (the default), or a customer at the kiosk. */
  audience?: 'cashier' | 'customer';
  onCancel?: () => void;
  cancelling?: boolean;
  onDismiss?: () => void;
  /** What the cashier can do while the attempt is checking (the manager override). */
  checkingActions?: ReactNode;
  children?: ReactNode;
}

const WORKING_KEYS: Record<AttemptView['state'], MessageKey> = {
  created: 'attempt.created',
  sent: 'attempt.sent',
  pending: 'attempt.pending',
  succeeded: 'attempt.succeeded',
  failed: 'attempt.notPaid',
  expired: 'attempt.checking',
  unknown: 'attempt.checking',
};

/** How long a checking attempt may go without main's checking countdown before it reads "still not confirmed". */
const COUNTDOWN_GRACE_MS = 1500;

export function AttemptPanel({ attempt, countdown, audience = 'cashier', onCancel, cancelling, onDismiss, checkingActions, children }: Props) {
  const { t, money } = useApp();
  const { phase } = attempt;
  const customer = audience === 'customer';
  const settled = phase === 'paid' || phase === 'not-paid';
  // Any countdown main sent for this attempt while it is in flight: a lost answer (checking) is still counted
  // down to the end of the till's wait, and a cancel's checking countdown replaces it at once.
  const counting = countdown !== null && !settled;
  const checkingSince = useCheckingSince(attempt);
  const now = useNow(250, !settled);
  const remaining = counting && countdown ? countdown.deadline - now : 0;
  const showCountdown = counting && remaining > 0;
  const notConfirmed = phase === 'checking' && !showCountdown && (counting || (checkingSince !== null && now - checkingSince > COUNTDOWN_GRACE_MS));

  let stateText: string;
  if (phase === 'working') stateText = customer ? t(attempt.tender === 'wallet_scan' && attempt.state === 'pending' ? 'display.confirmInApp' : 'display.processing') : t(WORKING_KEYS[attempt.state]);
  else if (phase === 'checking') stateText = t(customer ? 'display.checking' : 'attempt.checking');
  else if (phase === 'paid') stateText = t(customer ? 'display.paid' : 'attempt.succeeded');
  else stateText = t(customer ? 'display.failed' : 'attempt.notPaid');

  const reason = phase === 'not-paid' ? (customer ? customerReasonKey(attempt.reason) : reasonKey(attempt.reason)) : null;

  return (
    <section
      className={`attempt attempt-${attempt.state} attempt-phase-${phase}`}
      data-testid="attempt-status"
      data-state={attempt.state}
      data-phase={phase}
      data-reason={attempt.reason ?? undefined}
      aria-live="polite"
    >
      <div className="attempt-head">
        <span className="attempt-tender">{t(tenderKey(attempt))}</span>
        <span className="attempt-amount">{money(attempt.amountCents, attempt.currency)}</span>
      </div>
      <p className="attempt-state">{stateText}</p>
      {reason ? <p className="attempt-reason" data-testid="attempt-reason">{t(reason)}</p> : null}
      {phase === 'not-paid' && customer ? <p className="attempt-hint">{t('display.askCashier')}</p> : null}
      {showCountdown ? (
        <p className="attempt-countdown" data-testid="attempt-countdown" aria-label={t('attempt.timeLeft')}>
          {formatCountdown(remaining)}
        </p>
      ) : null}
      {notConfirmed ? (
        <p className="attempt-not-confirmed" data-testid="attempt-not-confirmed">
          {t(customer ? 'display.notConfirmed' : 'attempt.notConfirmed')}
        </p>
      ) : null}
      {!customer && attempt.released && !settled ? <p className="attempt-note">{t('attempt.released')}</p> : null}
      {!customer && attempt.needsAction ? <p className="attempt-note attempt-note-alert">{t('attempt.needsAction')}</p> : null}
      {children}
      {phase === 'checking' && checkingActions ? <div className="attempt-checking-actions">{checkingActions}</div> : null}
      <div className="attempt-actions">
        {phase === 'working' && onCancel ? (
          <button type="button" className="btn btn-danger btn-lg" data-testid="attempt-cancel" disabled={cancelling} onClick={onCancel}>
            {t('attempt.cancel')}
          </button>
        ) : null}
        {settled && onDismiss ? (
          <button type="button" className="btn btn-lg" data-testid="attempt-dismiss" onClick={onDismiss}>
            {t('common.ok')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

/** When this screen first saw the attempt checking (monotonic), or null while it is not. */
function useCheckingSince(attempt: AttemptView): number | null {
  const [since, setSince] = useState<{ id: number; at: number } | null>(null);
  const checking = attempt.phase === 'checking';
  useEffect(() => {
    if (!checking) setSince(null);
    else setSince((current) => (current && current.id === attempt.id ? current : { id: attempt.id, at: monotonicNow() }));
  }, [checking, attempt.id]);
  return checking && since?.id === attempt.id ? since.at : null;
}
