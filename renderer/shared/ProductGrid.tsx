// Catalog results as big tap targets: the till's quick keys and the kiosk's shelf are the same grid.
import { useApp } from './app-context.js';
import type { Product } from './use-catalog.js';

interface Props {
  products: Product[];
  disabled: boolean;
  onAdd: (sku: string) => void;
  className?: string;
}

export function ProductGrid({ products, disabled, onAdd, className = '' }: Props) {
  const { t, money } = useApp();
  return (
    <div className={`product-grid ${className}`.trim()}>
      {products.map((p) => (
        <button
          key={p.sku}
          type="button"
          className="btn product-key"
          data-testid="product-result"
          data-sku={p.sku}
          disabled={disabled}
          onClick={() => onAdd(p.sku)}
        >
          <span className="product-name" title={p.name}>{p.name}</span>
          <span className="product-price">{money(p.priceCents)}</span>
        </button>
      ))}
      {products.length === 0 ? <p className="hint">{t('items.none')}</p> : null}
    </div>
  );
}
