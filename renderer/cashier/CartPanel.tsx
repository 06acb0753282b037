// The cart side of the till: lines with quantity steppers, totals, and Void (two taps, so a stray touch does
// not throw a full basket away).
import { useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { SaleTotals } from '../shared/CartList.js';
import { EditableCart } from '../shared/EditableCart.js';
import { useInvoke } from '../shared/use-invoke.js';

interface Props {
  sale: SaleView;
  locked: boolean;
  onSale: (sale: SaleView) => void;
}

export function CartPanel({ sale, locked, onSale }: Props) {
  const { t } = useApp();
  const { busy, run } = useInvoke();
  const [confirmVoid, setConfirmVoid] = useState(false);

  const apply = async (next: Promise<SaleView | undefined>) => {
    const updated = await next;
    if (updated) onSale(updated);
  };

  return (
    <section className="panel cart" aria-label={t('cart.title')}>
      <div className="panel-head">
        <h2>
          {t('cart.title')} <span className="muted">#{sale.id}</span>
        </h2>
        {sale.lines.length > 0 && !locked && sale.paidCents === 0 ? (
          confirmVoid ? (
            <div className="row">
              <button type="button" className="btn" onClick={() => setConfirmVoid(false)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="btn btn-danger"
                data-testid="void-confirm"
                disabled={busy}
                onClick={() => {
                  setConfirmVoid(false);
                  void apply(run('sale:void', {}));
                }}
              >
                {t('cart.voidConfirm')}
              </button>
            </div>
          ) : (
            <button type="button" className="btn btn-danger-outline" data-testid="void-sale" onClick={() => setConfirmVoid(true)}>
              {t('cart.void')}
            </button>
          )
        ) : null}
      </div>
      <EditableCart sale={sale} locked={locked} onSale={onSale} />
      <SaleTotals sale={sale} />
    </section>
  );
}
