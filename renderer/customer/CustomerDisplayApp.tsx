// The screen facing the customer: welcome, their cart and total, the payment QR, and the outcome. Money that
// may have moved reads "checking", never "failed"; the gateway's own words never reach this screen.
import { useEffect, useState } from 'react';
import { AppShell } from '../shared/AppShell.js';
import { useApp } from '../shared/app-context.js';
import { CartList, SaleTotals } from '../shared/CartList.js';
import { activeQr, displayPhase, qrFromEvent, type QrInfo } from '../shared/display-phase.js';
import { customerReasonKey } from '../shared/reasons.js';
import { useAttempt } from '../shared/use-attempt.js';
import { formatCountdown, monotonicNow, useNow } from '../shared/use-now.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { useSale } from '../shared/use-sale.js';
import { PaymentQr } from '../shared/PaymentQr.js';
import { walletKey } from '../shared/wallet.js';
import { Welcome } from './Welcome.js';

const THANKS_MS = 6000;
const FAILED_MS = 6000;

export function CustomerDisplayApp() {
  const { t, money } = useApp();
  const { sale } = useSale();
  const [qr, setQr] = useState<QrInfo | null>(null);
  // Loaded mid-payment (a reload, crash recovery): the attempt, its countdown and the QR the customer still has to
  // scan. Events that arrived first are as fresh or fresher.
  const { attempt, countdown } = useAttempt((live) => {
    const seeded = live.qr ? qrFromEvent(live.qr, monotonicNow()) : null;
    if (seeded) setQr((current) => (current && current.attemptId >= seeded.attemptId ? current : seeded));
  });
  const [thanksFor, setThanksFor] = useState<number | null>(null);
  const [failureFor, setFailureFor] = useState<number | null>(null);
  const now = useNow(500);

  usePosEvent('payment:qr', (e) => setQr(qrFromEvent(e, monotonicNow())));

  const input = {
    sale,
    qr,
    attempt,
    thanksDone: sale !== null && thanksFor === sale.id,
    failureSeen: attempt !== null && failureFor === attempt.id,
    now,
  };
  const phase = displayPhase(input);
  const shownQr = activeQr(input);

  // Each outcome shows for a few seconds, then the screen moves on by itself.
  useEffect(() => {
    if (phase === 'paid' && sale) {
      const id = sale.id;
      const timer = setTimeout(() => setThanksFor(id), THANKS_MS);
      return () => clearTimeout(timer);
    }
    if (phase === 'failed' && attempt) {
      const id = attempt.id;
      const timer = setTimeout(() => setFailureFor(id), FAILED_MS);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [phase, sale, attempt]);

  const left = countdown ? countdown.deadline - now : 0;
  const wallet = attempt ? t(walletKey(attempt.channel) ?? (attempt.tender === 'card' ? 'tender.card' : 'tender.wallet')) : '';
  const amount = attempt ? (
    <p className="cd-amount" data-testid="display-amount">
      {money(attempt.amountCents, attempt.currency)}
    </p>
  ) : null;

  const body = () => {
    switch (phase) {
      case 'welcome':
        return <Welcome />;
      case 'cart':
        return sale ? (
          <div className="cd-cart">
            <div className="cd-lines">
              <CartList sale={sale} editable={false} />
            </div>
            <div className="cd-total">
              <SaleTotals sale={sale} />
            </div>
          </div>
        ) : null;
      case 'waiting':
        return shownQr ? (
          <PaymentQr qr={shownQr} now={now} />
        ) : (
          <div className="cd-message">
            {attempt ? <p className="cd-wallet" data-testid="display-wallet">{wallet}</p> : null}
            {amount}
            <p className="cd-big">{t('display.processing')}</p>
          </div>
        );
      case 'confirm':
        return (
          <div className="cd-message">
            <p className="cd-wallet" data-testid="display-wallet">{wallet}</p>
            {amount}
            <p className="cd-big">{t('display.confirmInApp')}</p>
            {countdown?.phase === 'waiting' && left > 0 ? (
              <p className="cd-countdown" data-testid="display-countdown">
                {formatCountdown(left)}
              </p>
            ) : null}
          </div>
        );
      case 'checking':
        return (
          <div className="cd-message cd-checking">
            <p className="cd-wallet" data-testid="display-wallet">{wallet}</p>
            {amount}
            <p className="cd-big">{t('display.checking')}</p>
            {countdown?.phase === 'checking' && left > 0 ? (
              <p className="cd-countdown" data-testid="display-countdown">
                {formatCountdown(left)}
              </p>
            ) : (
              <p>{t('display.notConfirmed')}</p>
            )}
          </div>
        );
      case 'paid':
        return (
          <div className="cd-message cd-paid">
            <p className="cd-huge">✔</p>
            <p className="cd-big">{t('display.paid')}</p>
            {sale ? (
              <dl className="cd-paid-sums">
                <dt>{t('display.amountPaid')}</dt>
                {/* What the customer handed over net of change: the cash taken includes its 5¢ rounding (docs/register.md). */}
                <dd data-testid="display-paid-amount">{money(sale.paidCents + sale.roundingCents, sale.currency)}</dd>
                {sale.changeCents > 0 ? (
                  <>
                    <dt>{t('cash.changeDue')}</dt>
                    <dd data-testid="display-change">{money(sale.changeCents, sale.currency)}</dd>
                  </>
                ) : null}
              </dl>
            ) : null}
            <p>{t('display.thanks')}</p>
          </div>
        );
      case 'failed': {
        const reason = attempt ? customerReasonKey(attempt.reason) : null;
        return (
          <div className="cd-message cd-failed">
            <p className="cd-huge">✖</p>
            <p className="cd-big">{t('display.failed')}</p>
            {reason ? <p data-testid="display-reason">{t(reason)}</p> : null}
            <p>{t('display.askCashier')}</p>
          </div>
        );
      }
    }
  };

  return (
    <AppShell title={t('display.title')} showOffline={false} className="customer-display">
      <div className="cd-body" data-testid="display-status" data-state={phase} data-phase={attempt?.phase ?? undefined}>
        {body()}
      </div>
    </AppShell>
  );
}
