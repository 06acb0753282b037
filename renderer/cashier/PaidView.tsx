// After the sale is paid: the change to hand back (biggest thing on screen), New sale, and the receipt.
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { ReceiptView } from '../shared/ReceiptView.js';

interface Props {
  sale: SaleView;
  busy: boolean;
  onNewSale: () => void;
}

/** Cash change handed back on this sale (main's sum over its cash tenders); null when no cash was taken. */
function changeDue(sale: SaleView): number | null {
  return sale.attempts.some((a) => a.tender === 'cash' && a.phase === 'paid') ? sale.changeCents : null;
}

export function PaidView({ sale, busy, onNewSale }: Props) {
  const { t, money } = useApp();
  const change = changeDue(sale);
  return (
    <section className="paid-view">
      <div className="paid-banner">✔ {t('paid.title')}</div>
      {change !== null ? (
        <div className="change-due">
          <span>{t('cash.changeDue')}</span>
          <strong data-testid="change-due">{money(change, sale.currency)}</strong>
        </div>
      ) : null}
      {/* Above the receipt, so the next step is in view on a 768-high till however long the receipt is. */}
      <button type="button" className="btn btn-primary btn-xl" data-testid="new-sale" disabled={busy} onClick={onNewSale} autoFocus>
        {t('paid.newSale')}
      </button>
      <ReceiptView saleId={sale.id} />
    </section>
  );
}
