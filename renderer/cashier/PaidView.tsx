// After the sale is paid: the change to hand back (biggest thing on screen), the receipt, and New sale.
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { ReceiptView } from '../shared/ReceiptView.js';

interface Props {
  sale: SaleView;
  busy: boolean;
  onNewSale: () => void;
}

/** Change from the sale's last successful cash tender; a split sale gives change only on its cash part. */
function changeDue(sale: SaleView): number | null {
  const cash = sale.attempts.filter((a) => a.tender === 'cash' && a.state === 'succeeded');
  const last = cash[cash.length - 1];
  return last?.changeCents ?? null;
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
      <ReceiptView saleId={sale.id} />
      <button type="button" className="btn btn-primary btn-xl" data-testid="new-sale" disabled={busy} onClick={onNewSale} autoFocus>
        {t('paid.newSale')}
      </button>
    </section>
  );
}
