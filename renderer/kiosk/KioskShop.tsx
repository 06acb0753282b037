// Browse and build the basket: product tiles from catalog:search (empty query = everything), a search box,
// and the cart with a big Pay button. Scanning items works at any time through the wedge.
import { useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { SaleTotals } from '../shared/CartList.js';
import { EditableCart } from '../shared/EditableCart.js';
import { ProductGrid } from '../shared/ProductGrid.js';
import { useCatalog } from '../shared/use-catalog.js';
import { useInvoke } from '../shared/use-invoke.js';

interface Props {
  sale: SaleView;
  locked: boolean;
  onSale: (sale: SaleView) => void;
  onPay: () => void;
}

export function KioskShop({ sale, locked, onSale, onPay }: Props) {
  const { t, money } = useApp();
  const [query, setQuery] = useState('');
  const products = useCatalog(query);
  const { busy, run } = useInvoke();

  const apply = async (next: Promise<SaleView | undefined>) => {
    const updated = await next;
    if (updated) onSale(updated);
  };

  return (
    <div className="kiosk-shop">
      <section className="panel kiosk-browse" aria-label={t('items.title')}>
        <input
          type="search"
          className="field field-search field-xl"
          data-testid="catalog-search"
          placeholder={t('kiosk.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={t('items.search')}
        />
        <p className="hint">{t('kiosk.scanHint')}</p>
        <ProductGrid
          products={products}
          className="product-grid-kiosk"
          disabled={locked || busy}
          onAdd={(sku) => void apply(run('sale:addItem', { sku, quantity: 1 }))}
        />
      </section>
      <section className="panel cart kiosk-cart" aria-label={t('cart.title')}>
        <h2>{t('cart.title')}</h2>
        <EditableCart sale={sale} locked={locked} onSale={onSale} />
        <SaleTotals sale={sale} />
        <button type="button" className="btn btn-primary btn-xl" data-testid="kiosk-pay" disabled={locked || sale.dueCents <= 0} onClick={onPay}>
          {t('kiosk.pay')} {money(sale.dueCents, sale.currency)}
        </button>
      </section>
    </div>
  );
}
