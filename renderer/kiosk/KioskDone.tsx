// Paid: thank the customer, show the receipt, and go back to a fresh sale by itself after a short while. With a
// printer set up, the receipt prints too (docs/printing.md "At the kiosk"): the customer is asked to take it.
import { useEffect, useRef, useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { call } from '../shared/invoke.js';
import { ReceiptView } from '../shared/ReceiptView.js';

const BACK_TO_START_MS = 20_000;

export function KioskDone({ sale, onDone }: { sale: SaleView; onDone: () => void }) {
  const { t } = useApp();
  const latest = useRef(onDone);
  // null until main says whether this sale's receipt is printing.
  const [printing, setPrinting] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void call('receipt:paper', { saleId: sale.id }).then((r) => {
      if (live && r) setPrinting(r.printing);
    });
    return () => {
      live = false;
    };
  }, [sale.id]);
  useEffect(() => {
    latest.current = onDone;
  });
  // Counted from when the thank-you appeared, not from the last re-render.
  useEffect(() => {
    const timer = setTimeout(() => latest.current(), BACK_TO_START_MS);
    return () => clearTimeout(timer);
  }, [sale.id]);
  return (
    <section className="paid-view kiosk-done" data-testid="kiosk-done" data-paper={printing === null ? 'asking' : String(printing)}>
      <div className="paid-banner">✔ {t('display.paid')}</div>
      <p className="cd-big">{t('display.thanks')}</p>
      {printing ? <p className="cd-big" data-testid="kiosk-take-receipt">{t('kiosk.takeReceipt')}</p> : null}
      <ReceiptView saleId={sale.id} />
      <button type="button" className="btn btn-primary btn-xl" data-testid="new-sale" onClick={onDone}>
        {t('kiosk.done')}
      </button>
    </section>
  );
}
