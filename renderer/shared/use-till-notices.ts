// Shows main's till notices: a refused scan is an error the cashier must see; the rest are informational.
import { pushToast } from './toast-store.js';
import { usePosEvent } from './use-pos-event.js';

export function useTillNotices(): void {
  usePosEvent('till:notice', (notice) => {
    // Worded in the screen's language at render time like any refusal from main (a refused scan always carries a
    // code, preload/contract-schemas.ts `events`); main's English is the fallback only where words are missing.
    if (notice.kind === 'scan-refused') pushToast({ code: notice.code, message: notice.message }, 'error');
  });
}
