// The cart side of the till: lines with quantity steppers, totals, and Void (two taps, so a stray touch does not
// throw a full basket away). After a part payment the lines stay editable and Void stays offered: main refuses
// to go below what was paid, and the manager's PIN prompt (use-approval.ts) sends the same change again with it.
// Toasts float over the bottom of the lines, never over the totals or the tender buttons.
import { useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { SaleTotals } from '../shared/CartList.js';
import { EditableCart } from '../shared/EditableCart.js';
import { Toasts } from '../shared/Toasts.js';
import { DiscountPanel, type DiscountTarget } from './DiscountPanel.js';
import { ManagerApproval } from './ManagerApproval.js';
import { useApproval } from './use-approval.js';

interface Props {
  sale: SaleView;
  locked: boolean;
  onSale: (sale: SaleView) => void;
}

export function CartPanel({ sale, locked, onSale }: Props) {
  const { t } = useApp();
  const approval = useApproval(onSale);
  const [confirmVoid, setConfirmVoid] = useState(false);
  // The discount panel's line or the whole sale (DiscountPanel.tsx); null: closed.
  const [discounting, setDiscounting] = useState<DiscountTarget | null>(null);
  const canDiscount = sale.status === 'open' && !locked && sale.lines.length > 0;
  const hasPayments = sale.attempts.some((a) => a.phase === 'paid');
  const canVoid = sale.status === 'open' && !locked && (sale.lines.length > 0 || hasPayments);

  return (
    <section className="panel cart" aria-label={t('cart.title')}>
      <div className="panel-head">
        <h2>
          {t('cart.title')} <span className="muted">#{sale.id}</span>
        </h2>
        {canDiscount && !confirmVoid ? (
          // "%" like each line's: the words would push Void onto a second row at 1024 wide.
          <button type="button" className="btn btn-step cart-sale-discount" data-testid="sale-discount-open" aria-label={t('discount.titleSale')} title={t('discount.titleSale')} onClick={() => setDiscounting('sale')}>
            %
          </button>
        ) : null}
        {canVoid ? (
          confirmVoid ? (
            <div className="row">
              <button type="button" className="btn" onClick={() => setConfirmVoid(false)}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="btn btn-danger"
                data-testid="void-confirm"
                disabled={approval.busy}
                onClick={() => {
                  setConfirmVoid(false);
                  void approval.run({ channel: 'sale:void', request: {} });
                }}
              >
                {t(hasPayments ? 'cart.voidRefundConfirm' : 'cart.voidConfirm')}
              </button>
            </div>
          ) : (
            <button type="button" className="btn btn-danger-outline" data-testid="void-sale" onClick={() => setConfirmVoid(true)}>
              {t('cart.void')}
            </button>
          )
        ) : null}
      </div>
      <div className="cart-area">
        <EditableCart sale={sale} locked={locked} onSale={onSale} onEdit={approval.run} busy={approval.busy} onDiscount={(lineNo) => setDiscounting({ lineNo })} />
        <Toasts placement="cart" />
      </div>
      <SaleTotals sale={sale} />
      {discounting !== null && canDiscount ? (
        <DiscountPanel
          sale={sale}
          target={discounting}
          busy={approval.busy}
          onClose={() => setDiscounting(null)}
          onSubmit={(edit) => {
            // Closed first: when main asks for a manager, the PIN prompt takes its place.
            setDiscounting(null);
            void approval.run(edit);
          }}
        />
      ) : null}
      <ManagerApproval approval={approval} />
    </section>
  );
}
