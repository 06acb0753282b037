// Paid: thank the customer, show the receipt, and go back to a fresh sale by itself after a short while.
import { useEffect, useRef } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { ReceiptView } from '../shared/ReceiptView.js';

const BACK_TO_START_MS = 20_000;

export function KioskDone({ sale, onDone }: { sale: SaleView; onDone: () => void }) {
  const { t } = useApp();
  const latest = useRef(onDone);
  useEffect(() => {
    latest.current = onDone;
  });
  // Counted from when the thank-you appeared, not from the last re-render.
  useEffect(() => {
    const timer = setTimeout(() => latest.current(), BACK_TO_START_MS);
    return () => clearTimeout(timer);
  }, [sale.id]);
  return (
    <section className="paid-view kiosk-done">
      <div className="paid-banner">✔ {t('display.paid')}</div>
      <p className="cd-big">{t('display.thanks')}</p>
      <ReceiptView saleId={sale.id} />
      <button type="button" className="btn btn-primary btn-xl" data-testid="new-sale" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </section>
  );
}
