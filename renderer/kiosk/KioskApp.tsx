// The self-service kiosk: shop, pay, done. No manager path exists here; the window's role cannot call one.
import { useCallback, useEffect, useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { AppShell } from '../shared/AppShell.js';
import { useApp } from '../shared/app-context.js';
import { holdsTill } from '../shared/attempt-state.js';
import { qrFromEvent, type QrInfo } from '../shared/display-phase.js';
import { call } from '../shared/invoke.js';
import { pushToast } from '../shared/toast-store.js';
import { monotonicNow } from '../shared/use-now.js';
import { useAttempt } from '../shared/use-attempt.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { useSale } from '../shared/use-sale.js';
import { useTillNotices } from '../shared/use-till-notices.js';
import { useWedge } from '../shared/use-wedge.js';
import type { QrChannel } from '../shared/wallet.js';
import { useCharge } from '../shared/use-charge.js';
import { KioskDone } from './KioskDone.js';
import { KioskPay } from './KioskPay.js';
import { KioskShop } from './KioskShop.js';
import { StillThere } from './StillThere.js';
import { KIOSK_GRACE_MS, useInactivity } from './use-inactivity.js';

export function KioskApp() {
  const { t, locale, storeLocale, resetLocale } = useApp();
  const { sale, setSale } = useSale();
  const [qr, setQr] = useState<QrInfo | null>(null);
  // A reload mid-payment (crash recovery) brings back the QR the customer was scanning.
  const { attempt, countdown, track, clear } = useAttempt((live) => {
    const seeded = live.qr ? qrFromEvent(live.qr, monotonicNow()) : null;
    if (seeded) setQr((current) => (current && current.attemptId >= seeded.attemptId ? current : seeded));
  });
  const { charging, charge } = useCharge(track);
  const [paying, setPaying] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  useWedge(true);
  useTillNotices();
  usePosEvent('payment:qr', (e) => setQr(qrFromEvent(e, monotonicNow())));

  // While the customer is paying, nothing times the visit out. Once the payment is only being checked (the
  // customer may have walked away), the usual "still there?" applies; main then sets the held sale aside
  // (main/checkout/till.ts setsAsideHeldSales) and the next customer gets a new one.
  const live = (holdsTill(attempt) && attempt?.phase === 'working') || charging;
  const paid = sale?.status === 'paid';

  // A wallet code scanned on the shop screen starts a payment: follow it onto the pay screen.
  useEffect(() => {
    if (holdsTill(attempt)) setPaying(true);
  }, [attempt]);

  const reset = useCallback(async () => {
    clear();
    // The next customer starts in the store's default language, whatever this one picked.
    resetLocale();
    setQr(null);
    setPaying(false);
    const current = await call('sale:current', {});
    if (current?.status === 'open' && current.lines.length > 0 && current.paidCents === 0 && current.heldCents === 0) await call('sale:void', {});
    const fresh = await call('sale:new', {});
    if (fresh) setSale(fresh);
  }, [clear, setSale, resetLocale]);

  // Nobody to ask once the basket is empty on the shop screen (unless a language was picked); never interrupt a
  // payment in play.
  const idleWatch = !live && sale !== null && (paid || paying || sale.lines.length > 0 || locale !== storeLocale);
  const idle = useInactivity(idleWatch, () => void reset());

  if (!sale) return <AppShell title={t('kiosk.title')}>{null}</AppShell>;

  const onSale = (next: SaleView) => setSale(next);
  const start = (go: () => Promise<unknown>) => {
    if (sale.dueCents <= 0) {
      pushToast(t('error.emptySale'));
      return;
    }
    clear();
    void go();
  };
  const onQr = (channel: QrChannel) => start(() => charge(() => call('payment:chargeByQr', { channel })));
  const onScanCode = (code: string) => start(() => charge(() => call('payment:chargeByScan', { code })));
  const onCancel = async () => {
    if (!attempt) return;
    setCancelling(true);
    const result = await call('payment:cancel', { attemptId: attempt.id });
    setCancelling(false);
    if (result && !result.cancelled) pushToast(t('attempt.cancelRefused'));
  };

  const body = () => {
    if (paid) return <KioskDone sale={sale} onDone={() => void reset()} />;
    if (paying || live) {
      return (
        <KioskPay
          sale={sale}
          attempt={attempt}
          countdown={countdown}
          qr={qr}
          charging={charging}
          cancelling={cancelling}
          onQr={onQr}
          onScanCode={onScanCode}
          onCancel={() => void onCancel()}
          onDismiss={clear}
          onBack={() => setPaying(false)}
        />
      );
    }
    return <KioskShop sale={sale} locked={holdsTill(attempt) || charging} onSale={onSale} onPay={() => setPaying(true)} />;
  };

  return (
    <AppShell title={t('kiosk.title')} className="kiosk">
      {body()}
      {idle.prompting ? <StillThere deadline={idle.promptStartedAt + KIOSK_GRACE_MS} onStay={idle.stillHere} /> : null}
    </AppShell>
  );
}
