// Shows main's till notices: a refused scan is an error the cashier must see; the rest are informational.
import { pushToast } from './toast-store.js';
import { usePosEvent } from './use-pos-event.js';

export function useTillNotices(): void {
  usePosEvent('till:notice', (notice) => {
    // With a code the toast is worded in the screen's language at render time, like any refusal from main.
    if (notice.kind === 'scan-refused') pushToast(notice.code ? { code: notice.code, message: notice.message } : notice.message, 'error');
  });
}
