// Shows main's till notices: a refused scan is an error the cashier must see; the rest are informational.
import { pushToast } from './toast-store.js';
import { usePosEvent } from './use-pos-event.js';

export function useTillNotices(): void {
  usePosEvent('till:notice', (notice) => {
    if (notice.kind === 'scan-refused') pushToast(notice.message, 'error');
  });
}
