// Ringing items up by hand: search by name or barcode (or browse quick keys) and a custom amount. Scanning needs
// no UI here; the wedge hook catches it anywhere on the screen.
import { useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { CatalogSearch } from '../shared/CatalogSearch.js';
import { parseAmountToCents, fractionDigits } from '../shared/money.js';
import { ProductGrid } from '../shared/ProductGrid.js';
import { pushToast } from '../shared/toast-store.js';
import { useCatalog } from '../shared/use-catalog.js';
import { useInvoke } from '../shared/use-invoke.js';

interface Props {
  disabled: boolean;
  onSale: (sale: SaleView) => void;
}

export function ItemEntry({ disabled, onSale }: Props) {
  const { t, info } = useApp();
  const [query, setQuery] = useState('');
  const products = useCatalog(query);
  const { busy, run } = useInvoke();
  const [customName, setCustomName] = useState('');
  const [customAmount, setCustomAmount] = useState('');

  const add = async (sku: string): Promise<boolean> => {
    const sale = await run('sale:addItem', { sku, quantity: 1 });
    if (sale) onSale(sale);
    return sale !== undefined;
  };

  const addCustom = async () => {
    const cents = parseAmountToCents(customAmount, fractionDigits(info.currency));
    if (cents === null || cents <= 0) {
      pushToast(t('error.amountInvalid'));
      return;
    }
    const sale = await run('sale:addCustom', { name: customName.trim() || t('custom.defaultName'), amountCents: cents });
    if (sale) {
      onSale(sale);
      setCustomAmount('');
      setCustomName('');
    }
  };

  return (
    <section className="panel item-entry" aria-label={t('items.title')}>
      <CatalogSearch query={query} onQuery={setQuery} onAdd={add} placeholder={t('items.searchPlaceholder')} disabled={disabled || busy} />
      <ProductGrid products={products} disabled={disabled || busy} onAdd={(sku) => void add(sku)} />
      <form
        className="custom-row"
        onSubmit={(e) => {
          e.preventDefault();
          void addCustom();
        }}
      >
        <input
          className="field"
          data-testid="custom-name"
          placeholder={t('custom.namePlaceholder')}
          value={customName}
          maxLength={64}
          onChange={(e) => setCustomName(e.target.value)}
          aria-label={t('custom.name')}
        />
        <input
          className="field field-money"
          data-testid="custom-amount"
          inputMode="decimal"
          placeholder={t('custom.amountPlaceholder')}
          value={customAmount}
          onChange={(e) => setCustomAmount(e.target.value)}
          aria-label={t('custom.amount')}
        />
        <button type="submit" className="btn btn-primary" data-testid="custom-add" disabled={disabled || busy || customAmount.trim() === ''}>
          {t('custom.add')}
        </button>
      </form>
    </section>
  );
}
