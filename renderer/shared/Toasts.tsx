// Error toasts, big and dismissible by touch (no hover needed). A refusal from main is worded by its code in the
// screen's language at render time, so switching language re-words a toast already showing. `placement` is a
// class: `top` floats at the top of the screen area, `cart` over the bottom of the till's cart lines.
import { useSyncExternalStore } from 'react';
import { useApp } from './app-context.js';
import { dismissToast, getToasts, subscribeToasts } from './toast-store.js';

export function Toasts({ placement }: { placement: 'top' | 'cart' }) {
  const toasts = useSyncExternalStore(subscribeToasts, getToasts);
  const { t, describeError } = useApp();
  if (toasts.length === 0) return null;
  return (
    <div className={`toasts toasts-${placement}`} role="alert" aria-live="assertive">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid={toast.kind === 'error' ? 'error-toast' : 'info-toast'}>
          <span className="toast-message">{toast.error ? describeError(toast.error) : toast.message}</span>
          <button type="button" className="btn btn-ghost toast-close" onClick={() => dismissToast(toast.id)} aria-label={t('common.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
