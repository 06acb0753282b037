// The screen facing the customer: welcome, their cart and total, the payment QR, and the outcome.
import { useEffect, useState } from 'react';
import type { AttemptView } from '../../preload/contract.js';
import { AppShell } from '../shared/AppShell.js';
import { useApp } from '../shared/app-context.js';
import { pickAttempt } from '../shared/attempt-state.js';
import { CartList, SaleTotals } from '../shared/CartList.js';
import { activeQr, displayPhase, type QrInfo } from '../shared/display-phase.js';
import { useLivePayment } from '../shared/use-live-payment.js';
import { useNow } from '../shared/use-now.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { useSale } from '../shared/use-sale.js';
import { PaymentQr } from '../shared/PaymentQr.js';
import { Welcome } from './Welcome.js';

const THANKS_MS = 6000;
const FAILED_MS = 6000;

export function CustomerDisplayApp() {
  const { t, money } = useApp();
  const { sale } = useSale();
  const [qr, setQr] = useState<QrInfo | null>(null);
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [thanksFor, setThanksFor] = useState<number | null>(null);
  const [failureFor, setFailureFor] = useState<number | null>(null);
  const now = useNow(1000);

  usePosEvent('payment:qr', setQr);
  usePosEvent('payment:attempt', (a) => setAttempt((current) => pickAttempt(current, a)));
  // Loaded mid-payment (a reload, crash recovery): show the QR the customer still has to scan. Events that
  // arrived first are as fresh or fresher.
  useLivePayment((live) => {
    setAttempt((current) => pickAttempt(current, live.attempt));
    const seeded = live.qr;
    if (seeded) setQr((current) => (current && current.attemptId >= seeded.attemptId ? current : seeded));
  });

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
          <p className="cd-message">{t('display.processing')}</p>
        );
      case 'confirm':
        return (
          <div className="cd-message">
            <p className="cd-big">{t('display.confirmInApp')}</p>
            {attempt ? <p className="cd-amount">{money(attempt.amountCents, attempt.currency)}</p> : null}
          </div>
        );
      case 'paid':
        return (
          <div className="cd-message cd-paid">
            <p className="cd-huge">✔</p>
            <p className="cd-big">{t('display.paid')}</p>
            <p>{t('display.thanks')}</p>
          </div>
        );
      case 'failed':
        return (
          <div className="cd-message cd-failed">
            <p className="cd-huge">✖</p>
            <p className="cd-big">{t('display.failed')}</p>
            {attempt?.failureMessage ? <p>{attempt.failureMessage}</p> : null}
            <p>{t('display.askCashier')}</p>
          </div>
        );
    }
  };

  return (
    <AppShell title={t('display.title')} showOffline={false} className="customer-display">
      <div className="cd-body" data-testid="display-status" data-state={phase}>
        {body()}
      </div>
    </AppShell>
  );
}
