// The open sale as main sees it: sale:current once, then every sale:changed. Callers feed mutation
// responses in through `setSale` so the screen updates without waiting for the event.
import { useEffect, useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { call } from './invoke.js';
import { usePosEvent } from './use-pos-event.js';

export function useSale(): { sale: SaleView | null; setSale: (sale: SaleView) => void; reload: () => Promise<void> } {
  const [sale, setSale] = useState<SaleView | null>(null);

  const reload = async () => {
    const current = await call('sale:current', {});
    if (current) setSale(current);
  };

  useEffect(() => {
    void reload();
  }, []);

  usePosEvent('sale:changed', setSale);
  return { sale, setSale, reload };
}
