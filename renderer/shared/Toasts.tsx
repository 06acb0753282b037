// Error toasts: main's own message, big and dismissible by touch (no hover needed).
import { useSyncExternalStore } from 'react';
import { useApp } from './app-context.js';
import { dismissToast, getToasts, subscribeToasts } from './toast-store.js';

export function Toasts() {
  const toasts = useSyncExternalStore(subscribeToasts, getToasts);
  const { t } = useApp();
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" role="alert" aria-live="assertive">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid={toast.kind === 'error' ? 'error-toast' : 'info-toast'}>
          <span className="toast-message">{toast.message}</span>
          <button type="button" className="btn btn-ghost toast-close" onClick={() => dismissToast(toast.id)} aria-label={t('common.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
