// The cashier's till: the cart on the left, item entry or a tender on the right, the live attempt on top of
// everything while a payment holds the sale, and the receipt once the sale is paid. From every state there is
// one obvious next step: wait or cancel (working), wait or a manager's override (checking), another tender (not
// paid), pay back the excess (overpaid), new sale (paid, voided). Late successes stay in a banner on top until
// a manager has dealt with them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { AppShell } from '../shared/AppShell.js';
import { AttemptPanel } from '../shared/AttemptPanel.js';
import { useApp } from '../shared/app-context.js';
import { holdsTill, isInFlight } from '../shared/attempt-state.js';
import { call } from '../shared/invoke.js';
import { fractionDigits, parseAmountToCents } from '../shared/money.js';
import { pushToast } from '../shared/toast-store.js';
import { useAttempt } from '../shared/use-attempt.js';
import { useCharge } from '../shared/use-charge.js';
import { useInvoke } from '../shared/use-invoke.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { useSale } from '../shared/use-sale.js';
import { useTillNotices } from '../shared/use-till-notices.js';
import { useWedge } from '../shared/use-wedge.js';
import { tenderKey, type QrChannel } from '../shared/wallet.js';
import { CardForm } from './CardForm.js';
import { CartPanel } from './CartPanel.js';
import { CashTender } from './CashTender.js';
import { ExchangePanel } from './ExchangePanel.js';
import { ExcessPanel } from './ExcessPanel.js';
import { ItemEntry } from './ItemEntry.js';
import { NeedsActionBanners } from './NeedsActionBanners.js';
import { OverrideForm } from './OverrideForm.js';
import { PaidView } from './PaidView.js';
import { ParkedSales } from './ParkedSales.js';
import { PrintStatus } from './PrintStatus.js';
import { ScanTender } from './ScanTender.js';
import { OperatorActions, SignIn } from './SignIn.js';
import { TenderButtons } from './TenderButtons.js';

type Mode = 'items' | 'cash' | 'scan';

/** How long a paid part payment stays on screen before the tenders come back (the totals keep showing it). */
const PART_PAID_MS = 2500;

/** The till starts at sign-in (docs/staff.md): the sale screens show only while someone is signed in. */
export function CashierApp() {
  return (
    <SignIn>
      <Till />
    </SignIn>
  );
}

function Till() {
  const { t, info, money } = useApp();
  const { sale, setSale } = useSale();
  const { attempt, countdown, track, clear } = useAttempt();
  const { charging, charge } = useCharge(track);
  const { busy, run } = useInvoke();
  const [mode, setMode] = useState<Mode>('items');
  const [partial, setPartial] = useState('');
  const [card, setCard] = useState<{ attemptId: number; secureId: string } | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useWedge(true);
  useTillNotices();
  usePosEvent('payment:cardForm', (e) => setCard({ attemptId: e.attemptId, secureId: e.secureId }));

  // The sale says which attempt holds it: a till that missed the event (or reloaded) still shows it. One the
  // cashier has already dismissed is not brought back by a sale view that has not caught up yet.
  const dismissed = useRef(new Set<number>());
  const holdingId = sale?.holdingAttemptId ?? null;
  const holdingView = holdingId !== null ? sale?.attempts.find((a) => a.id === holdingId) : undefined;
  useEffect(() => {
    if (holdingView && !dismissed.current.has(holdingView.id) && (!attempt || attempt.id < holdingView.id)) track(holdingView);
  }, [holdingView, attempt, track]);
  const dismiss = useCallback(() => {
    if (attempt) dismissed.current.add(attempt.id);
    clear();
  }, [attempt, clear]);

  // Only this sale's attempt speaks for it.
  const shown = attempt && sale && attempt.saleId === sale.id ? attempt : null;
  const holding = holdsTill(shown);
  const locked = holding || charging;

  // A paid part payment clears itself (the totals show it); anything a person must read or act on stays.
  useEffect(() => {
    if (!shown || shown.phase !== 'paid' || shown.needsAction || sale?.status !== 'open') return;
    const timer = setTimeout(clear, PART_PAID_MS);
    return () => clearTimeout(timer);
  }, [shown, sale?.status, clear]);

  if (!sale) return <AppShell title={t('cashier.title')} banners={<NeedsActionBanners />}>{null}</AppShell>;

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
    if (!shown) return;
    setCancelling(true);
    const result = await call('payment:cancel', { attemptId: shown.id });
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

  /** The attempt panel: while it holds the sale, and once settled until the cashier has read it. */
  const panelAttempt = shown && !shown.released && (holding || !isInFlight(shown)) ? shown : null;
  /** A manager let the sale go on; the earlier payment is still asked about, quietly. */
  const releasedAttempt = shown && shown.released && isInFlight(shown) ? shown : null;

  const main = () => {
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
    if (panelAttempt) {
      const working = panelAttempt.phase === 'working';
      const cardHere = card && card.attemptId === panelAttempt.id && working;
      return (
        <AttemptPanel
          attempt={panelAttempt}
          countdown={countdown}
          cancelling={cancelling}
          onCancel={() => void cancel()}
          onDismiss={dismiss}
          checkingActions={<OverrideForm key={panelAttempt.id} attemptId={panelAttempt.id} onOverridden={track} />}
        >
          {panelAttempt.tender === 'wallet_qr' && working ? <p className="hint hint-lg">{t('attempt.qrOnDisplay')}</p> : null}
          {cardHere ? <CardForm attemptId={card.attemptId} secureId={card.secureId} onCallback={confirmCard} /> : null}
          {panelAttempt.tender === 'cash' && panelAttempt.changeCents !== null ? (
            <div className="change-due">
              <span>{t('cash.changeDue')}</span>
              <strong data-testid="change-due">{money(panelAttempt.changeCents, panelAttempt.currency)}</strong>
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
        {releasedAttempt ? (
          <p className="panel attempt-released" data-testid="attempt-released">
            {t('attempt.releasedNote', { tender: t(tenderKey(releasedAttempt)), amount: money(releasedAttempt.amountCents, releasedAttempt.currency) })}
          </p>
        ) : null}
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
    <AppShell title={t('cashier.title')} className="cashier" banners={<NeedsActionBanners />} toasts="none" actions={<OperatorActions />}>
      <div className="till">
        <CartPanel sale={sale} locked={locked || sale.status !== 'open'} onSale={onSale} />
        <div className="till-right">
          {sale.status !== 'voided' ? <ExcessPanel sale={sale} onSale={onSale} /> : null}
          {/* The till's own tools in one row (styles.css .till-tools), so the items and tenders keep the room. */}
          <div className="panel till-tools" data-testid="till-tools">
            <ParkedSales sale={sale} locked={locked} onSale={(next) => { clear(); onSale(next); }} />
            <PrintStatus />
            {mode === 'items' && !panelAttempt ? <ExchangePanel sale={sale} locked={locked} onSale={onSale} /> : null}
          </div>
          {main()}
        </div>
      </div>
    </AppShell>
  );
}
