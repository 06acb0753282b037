// Catalog search as you type, debounced so a fast typist (or a scanner burst) sends one query, not twenty.
// An empty query lists the catalog: the touch screens use it as quick keys.
import { useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { call } from './invoke.js';

export type Product = ChannelResponse<'catalog:search'>[number];

export function useCatalog(query: string, delayMs = 180): Product[] {
  const [products, setProducts] = useState<Product[]>([]);
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      void call('catalog:search', { query: query.trim().slice(0, 64) }).then((found) => {
        if (!stale && found) setProducts(found);
      });
    }, delayMs);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query, delayMs]);
  return products;
}
