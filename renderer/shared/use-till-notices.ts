// Shows main's till notices: a refused scan is an error the cashier must see; the rest are informational.
import { pushToast } from './toast-store.js';
import { usePosEvent } from './use-pos-event.js';

export function useTillNotices(): void {
  usePosEvent('till:notice', (notice) => {
    // Worded in the screen's language at render time like any refusal from main; without a code, main's English is
    // the fallback, and only when a person can read it (i18n/error-messages.ts).
    if (notice.kind === 'scan-refused') pushToast({ code: notice.code ?? 'SCAN_REFUSED', message: notice.message }, 'error');
  });
}
