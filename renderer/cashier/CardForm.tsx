// Hosts IOTPay's card iframe for one attempt. React renders an empty #iotpay_normal and never touches its
// children; the SDK owns them. When the SDK calls back, main is asked to confirm (it queries the order).
import { useEffect, useRef } from 'react';
import { useApp } from '../shared/app-context.js';
import { cardOutcome, loadCardScript } from '../shared/card-form.js';
import { pushToast } from '../shared/toast-store.js';

interface Props {
  attemptId: number;
  secureId: string;
  onCallback: (attemptId: number) => void;
}

export function CardForm({ attemptId, secureId, onCallback }: Props) {
  const { info, t } = useApp();
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef(onCallback);
  // The words, read when needed: a language or connectivity change must not remount IOTPay's form mid-entry.
  const words = useRef(t);
  useEffect(() => {
    latest.current = onCallback;
    words.current = t;
  });

  useEffect(() => {
    let cancelled = false;
    loadCardScript(info.cardFormScriptUrl)
      .then(() => {
        if (cancelled) return;
        const factory = window.Iotpay;
        if (!factory) throw new Error('card form script loaded but Iotpay() is missing');
        factory(secureId, 'Pay', {}).mount('#iotpay_normal', (event) => {
          if (cancelled) return;
          // Success or not, main confirms by querying the order: the callback is a hint, the gateway is the truth,
          // and the attempt panel words the outcome. The form's own message (gateway English) is logged, not shown.
          const outcome = cardOutcome(event);
          if (!outcome.succeeded && outcome.message) console.warn('[card form] not completed:', outcome.message);
          latest.current(attemptId);
        });
      })
      .catch((err: unknown) => {
        console.error('[card form]', err);
        if (!cancelled) pushToast(words.current('card.formUnavailable'));
      });
    const el = container.current;
    return () => {
      cancelled = true;
      // Drop the SDK's iframe so a StrictMode re-run or a new attempt starts clean.
      el?.replaceChildren();
    };
  }, [attemptId, secureId, info.cardFormScriptUrl]);

  return (
    <div className="card-form-wrap">
      <p className="hint">{t('card.hint')}</p>
      <div id="iotpay_normal" ref={container} className="card-form" data-testid="card-form" />
    </div>
  );
}
