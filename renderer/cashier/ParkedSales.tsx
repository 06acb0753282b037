// Held (parked) sales at the counter (docs/register.md "Held sales"): "Park sale" sets the sale on screen aside so the
// next customer can be served; "Parked (n)" lists the parked sales with Resume. Resuming while the cart has items
// parks that sale first (a swap), which main does and says; a sale with a payment, or one still being paid, cannot be
// parked, and main's refusal is shown as usual. The list comes from main, so it is the same after a reload or restart.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelResponse, SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { call } from '../shared/invoke.js';
import { pushToast } from '../shared/toast-store.js';
import { useInvoke } from '../shared/use-invoke.js';

type Parked = ChannelResponse<'sale:parked'>;

interface Props {
  sale: SaleView;
  /** A payment holds the sale, or one is being started. */
  locked: boolean;
  onSale: (sale: SaleView) => void;
}

export function ParkedSales({ sale, locked, onSale }: Props) {
  const { t, money } = useApp();
  const { busy, run } = useInvoke();
  const [parked, setParked] = useState<Parked>([]);
  const [open, setOpen] = useState(false);

  const refresh = useCallback(async () => {
    const list = await call('sale:parked', {});
    if (list) setParked(list);
  }, []);
  // Another sale on screen (parked, resumed, paid, new) may have changed the list.
  useEffect(() => void refresh(), [refresh, sale.id, sale.status]);

  const moneyOnSale = sale.attempts.some((a) => a.phase !== 'not-paid');
  const canPark = sale.status === 'open' && sale.lines.length > 0 && !moneyOnSale && !locked;

  const park = async () => {
    const result = await run('sale:park', {});
    if (!result) return;
    onSale(result.sale);
    pushToast(t('park.parkedToast', { id: result.parked }), 'info');
    setOpen(false);
    await refresh();
  };

  const resume = async (saleId: number) => {
    const result = await run('sale:resume', { saleId });
    if (result) {
      onSale(result.sale);
      pushToast(result.parked === null ? t('park.resumedToast', { id: saleId }) : t('park.swappedToast', { id: saleId, other: result.parked }), 'info');
      setOpen(false);
    }
    await refresh();
  };

  return (
    <section className="panel parked-sales" aria-label={t('park.title')} data-testid="parked-sales">
      <div className="row row-stretch">
        <button type="button" className="btn" data-testid="park-sale" disabled={!canPark || busy} onClick={() => void park()}>
          {t('park.park')}
        </button>
        <button
          type="button"
          className={`btn${open ? ' is-active' : ''}`}
          data-testid="parked-toggle"
          aria-expanded={open}
          disabled={parked.length === 0 && !open}
          onClick={() => setOpen(!open)}
        >
          {t('park.parked', { count: parked.length })}
        </button>
      </div>
      {open ? (
        parked.length === 0 ? (
          <p className="hint">{t('park.none')}</p>
        ) : (
          <ul className="parked-list" data-testid="parked-list" style={{ listStyle: 'none', margin: '0.5rem 0 0', padding: 0, display: 'grid', gap: '0.4rem' }}>
            {parked.map((p) => (
              <li key={p.saleId} className="row" data-testid="parked-row" data-sale={p.saleId} style={{ alignItems: 'center', justifyContent: 'space-between' }}>
                <span>
                  <strong>{t('park.sale', { id: p.saleId })}</strong> <span className="muted">{t('park.items', { count: p.lineCount })} · {p.cashier}</span>
                </span>
                <span className="row" style={{ alignItems: 'center' }}>
                  <strong data-testid="parked-total">{money(p.totalCents, p.currency)}</strong>
                  <button type="button" className="btn btn-primary" data-testid="parked-resume" disabled={busy || locked} onClick={() => void resume(p.saleId)}>
                    {t('park.resume')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
