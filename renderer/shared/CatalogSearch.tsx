// The product search box: by name, SKU or barcode (main matches GTINs too). Enter adds the product when exactly
// one matches, so a barcode typed by hand (a scanner that cannot read a crumpled label) rings up like a scan.
// A real scanner's keystrokes never get here: the wedge takes them out of the field (use-wedge.ts).
import { useState } from 'react';
import { useApp } from './app-context.js';
import { call } from './invoke.js';
import { pushToast } from './toast-store.js';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  /** Adds one of the product; resolves true when it was added. */
  onAdd: (sku: string) => Promise<boolean>;
  placeholder: string;
  className?: string;
  disabled?: boolean;
}

export function CatalogSearch({ query, onQuery, onAdd, placeholder, className = '', disabled = false }: Props) {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);

  const addOnlyMatch = async () => {
    const text = query.trim().slice(0, 64);
    if (text === '' || busy || disabled) return;
    setBusy(true);
    try {
      // Asked afresh: the list on screen may still be the debounced answer to what was typed before.
      const found = await call('catalog:search', { query: text });
      if (!found) return;
      const only = found.length === 1 ? found[0] : undefined;
      if (only) {
        if (await onAdd(only.sku)) onQuery('');
      } else if (found.length === 0) {
        pushToast(t('items.none'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <input
      type="search"
      className={`field field-search ${className}`.trim()}
      data-testid="catalog-search"
      placeholder={placeholder}
      value={query}
      enterKeyHint="done"
      onChange={(e) => onQuery(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.defaultPrevented) return;
        e.preventDefault();
        void addOnlyMatch();
      }}
      aria-label={t('items.search')}
    />
  );
}
