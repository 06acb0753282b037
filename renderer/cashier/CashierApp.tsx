// The cashier's till: the cart on the left, item entry or a tender on the right, the live attempt on top of
// everything while a payment is in play, and the receipt once the sale is paid.
import { useEffect, useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { AppShell } from '../shared/AppShell.js';
import { AttemptPanel } from '../shared/AttemptPanel.js';
import { useApp } from '../shared/app-context.js';
import { isAttemptLive } from '../shared/attempt-state.js';
import { call } from '../shared/invoke.js';
import { fractionDigits, parseAmountToCents } from '../shared/money.js';
import { pushToast } from '../shared/toast-store.js';
import { useAttempt } from '../shared/use-attempt.js';
import { useInvoke } from '../shared/use-invoke.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { useSale } from '../shared/use-sale.js';
import { useTillNotices } from '../shared/use-till-notices.js';
import { useWedge } from '../shared/use-wedge.js';
import type { QrChannel } from '../shared/wallet.js';
import { CardForm } from './CardForm.js';
import { CartPanel } from './CartPanel.js';
import { CashTender } from './CashTender.js';
import { ItemEntry } from './ItemEntry.js';
import { PaidView } from './PaidView.js';
import { ScanTender } from './ScanTender.js';
import { TenderButtons } from './TenderButtons.js';
import { useCharge } from '../shared/use-charge.js';

type Mode = 'items' | 'cash' | 'scan';

export function CashierApp() {
  const { t, info, money } = useApp();
  const { sale, setSale } = useSale();
  const { attempt, deadline, track, clear } = useAttempt();
  const { charging, charge } = useCharge(track);
  const { busy, run } = useInvoke();
  const [mode, setMode] = useState<Mode>('items');
  const [partial, setPartial] = useState('');
  const [card, setCard] = useState<{ attemptId: number; secureId: string } | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useWedge(true);
  useTillNotices();
  usePosEvent('payment:cardForm', (e) => setCard({ attemptId: e.attemptId, secureId: e.secureId }));

  const live = attempt !== null && isAttemptLive(attempt.state);
  const locked = live || charging;

  // A successful part-payment clears itself; a failure stays until the cashier has read it.
  useEffect(() => {
    if (attempt?.state !== 'succeeded') return;
    const timer = setTimeout(clear, 2500);
    return () => clearTimeout(timer);
  }, [attempt, clear]);

  if (!sale) return <AppShell title={t('cashier.title')}>{null}</AppShell>;

  /** The amount this tender takes: the split field if filled, else everything still due. */
  const tenderAmount = (): { cents: number; request: number | undefined } | null => {
    if (partial.trim() === '') return { cents: sale.dueCents, request: undefined };
    const cents = parseAmountToCents(partial, fractionDigits(info.currency));
    if (cents === null || cents <= 0) {
      pushToast(t('error.amountInvalid'));
      return null;
    }
    if (cents > sale.dueCents) {
      pushToast(t('error.amountOverDue'));
      return null;
    }
    return { cents, request: cents };
  };

  const begin = (go: (amount: number | undefined) => Promise<unknown>) => {
    if (sale.lines.length === 0 || sale.dueCents <= 0) {
      pushToast(t('error.emptySale'));
      return;
    }
    const amount = tenderAmount();
    if (!amount) return;
    clear();
    setMode('items');
    void go(amount.request).then(() => setPartial(''));
  };

  const onQr = (channel: QrChannel) => begin((amountCents) => charge(() => call('payment:chargeByQr', { channel, amountCents })));
  const onScanCode = (code: string) => begin((amountCents) => charge(() => call('payment:chargeByScan', { code, amountCents })));
  const onCash = (tenderedCents: number) => begin((amountCents) => charge(() => call('payment:payCash', { tenderedCents, amountCents })));
  const onCard = () =>
    begin((amountCents) =>
      charge(async () => {
        const started = await call('payment:startCard', { amountCents });
        if (started?.secureId) setCard({ attemptId: started.attempt.id, secureId: started.secureId });
        return started?.attempt;
      }),
    );
  const confirmCard = (attemptId: number) => {
    setCard(null);
    void charge(() => call('payment:confirmCard', { attemptId }));
  };
  const cancel = async () => {
    if (!attempt) return;
    setCancelling(true);
    const result = await call('payment:cancel', { attemptId: attempt.id });
    setCancelling(false);
    if (result && !result.cancelled) pushToast(t('attempt.cancelRefused'));
    if (result?.cancelled) setCard(null);
  };
  const newSale = async () => {
    const fresh = await run('sale:new', {});
    if (fresh) {
      clear();
      setSale(fresh);
    }
  };
  const onSale = (next: SaleView) => setSale(next);

  const amountForPanel = (): number => {
    const cents = partial.trim() === '' ? null : parseAmountToCents(partial, fractionDigits(info.currency));
    return cents !== null && cents > 0 && cents <= sale.dueCents ? cents : sale.dueCents;
  };

  const right = () => {
    if (sale.status === 'paid') return <PaidView sale={sale} busy={busy} onNewSale={() => void newSale()} />;
    if (sale.status === 'voided') {
      return (
        <section className="panel paid-view">
          <div className="paid-banner paid-banner-void">{t('cart.voided')}</div>
          <button type="button" className="btn btn-primary btn-xl" data-testid="new-sale" disabled={busy} onClick={() => void newSale()}>
            {t('paid.newSale')}
          </button>
        </section>
      );
    }
    if (attempt && (live || attempt.state !== 'succeeded' || sale.status === 'open')) {
      const cardHere = card && card.attemptId === attempt.id && live;
      return (
        <AttemptPanel attempt={attempt} deadline={deadline} cancelling={cancelling} onCancel={() => void cancel()} onDismiss={clear}>
          {attempt.tender === 'wallet_qr' && live ? <p className="hint hint-lg">{t('attempt.qrOnDisplay')}</p> : null}
          {cardHere ? <CardForm attemptId={card.attemptId} secureId={card.secureId} onCallback={confirmCard} /> : null}
          {attempt.tender === 'cash' && attempt.changeCents !== null ? (
            <div className="change-due">
              <span>{t('cash.changeDue')}</span>
              <strong data-testid="change-due">{money(attempt.changeCents, attempt.currency)}</strong>
            </div>
          ) : null}
        </AttemptPanel>
      );
    }
    if (charging) return <p className="panel hint hint-lg">{t('attempt.sent')}</p>;
    if (mode === 'cash') return <CashTender amountCents={amountForPanel()} busy={charging} onPay={onCash} onBack={() => setMode('items')} />;
    if (mode === 'scan') return <ScanTender amountCents={amountForPanel()} busy={charging} onCharge={onScanCode} onBack={() => setMode('items')} />;
    return (
      <>
        <ItemEntry disabled={locked} onSale={onSale} />
        <TenderButtons
          disabled={locked || sale.dueCents <= 0}
          partial={partial}
          onPartial={setPartial}
          onScan={() => setMode('scan')}
          onQr={onQr}
          onCard={onCard}
          onCash={() => setMode('cash')}
        />
      </>
    );
  };

  return (
    <AppShell title={t('cashier.title')} className="cashier">
      <div className="till">
        <CartPanel sale={sale} locked={locked || sale.status !== 'open'} onSale={onSale} />
        <div className="till-right">{right()}</div>
      </div>
    </AppShell>
  );
}
