// Browse and build the basket: big language buttons (each language named in itself), product tiles from
// catalog:search (empty query = everything), a search box (name or barcode; Enter adds the only match), and the
// cart with a big Pay button. Scanning items works at any time through the wedge. Side by side on a landscape
// screen; on a portrait kiosk (1080×1920) the shelf is on top and the basket below it.
import { useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { SaleTotals } from '../shared/CartList.js';
import { CatalogSearch } from '../shared/CatalogSearch.js';
import { EditableCart } from '../shared/EditableCart.js';
import { LOCALES, LOCALE_NAMES } from '../shared/locale.js';
import { ProductGrid } from '../shared/ProductGrid.js';
import { useCatalog } from '../shared/use-catalog.js';
import { useInvoke } from '../shared/use-invoke.js';

interface Props {
  sale: SaleView;
  locked: boolean;
  onSale: (sale: SaleView) => void;
  onPay: () => void;
}

export function KioskLanguages() {
  const { locale, setLocale, t } = useApp();
  return (
    <div className="kiosk-languages" role="group" aria-label={t('common.language')}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className={`btn btn-lang${code === locale ? ' is-active' : ''}`}
          aria-pressed={code === locale}
          data-testid={`kiosk-locale-${code}`}
          onClick={() => setLocale(code)}
        >
          {LOCALE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}

export function KioskShop({ sale, locked, onSale, onPay }: Props) {
  const { t, money } = useApp();
  const [query, setQuery] = useState('');
  const products = useCatalog(query);
  const { busy, run } = useInvoke();

  const add = async (sku: string): Promise<boolean> => {
    const updated = await run('sale:addItem', { sku, quantity: 1 });
    if (updated) onSale(updated);
    return updated !== undefined;
  };

  return (
    <div className="kiosk-shop">
      <section className="panel kiosk-browse" aria-label={t('items.title')}>
        <KioskLanguages />
        <CatalogSearch query={query} onQuery={setQuery} onAdd={add} placeholder={t('kiosk.searchPlaceholder')} className="field-xl" disabled={locked || busy} />
        <p className="hint">{t('kiosk.scanHint')}</p>
        <ProductGrid products={products} className="product-grid-kiosk" disabled={locked || busy} onAdd={(sku) => void add(sku)} />
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
