// Late successes of this till's sales: money that arrived after the till stopped waiting. Each stays on the
// cashier screen until main no longer lists it (a manager attached or refunded it); nothing here fades or can
// be dismissed. Reloaded on mount, on every payment:attempt event, and now and then in case an event was missed.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { invokeRaw } from '../shared/invoke.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { tenderKey } from '../shared/wallet.js';

const RELOAD_EVERY_MS = 30_000;

export function NeedsActionBanners() {
  const { t, money } = useApp();
  const [items, setItems] = useState<AttemptView[]>([]);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    // A background refresh: a refusal keeps the last list rather than raising a toast every few seconds.
    const result = await invokeRaw('payment:needsAction', {});
    if (result.ok && mine === seq.current) setItems(result.value);
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), RELOAD_EVERY_MS);
    return () => clearInterval(timer);
  }, [load]);
  usePosEvent('payment:attempt', () => void load());

  if (items.length === 0) return null;
  return (
    <div className="needs-action-banners" role="alert">
      {items.map((a) => (
        <div key={a.id} className="banner banner-needs-action" data-testid="needs-action-banner" data-attempt-id={a.id}>
          <strong className="money-strong">{money(a.amountCents, a.currency)}</strong> · {t(tenderKey(a))} · {t('receipt.saleNo', { id: a.saleId })}
          <span className="banner-hint"> — {t('needsAction.banner')}</span>
        </div>
      ))}
    </div>
  );
}
