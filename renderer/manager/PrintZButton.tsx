// Under a Z just taken (CloseDayTab.tsx): print it on the receipt printer, through the print queue (docs/printing.md).
import { useState } from 'react';
import { useApp } from '../shared/app-context.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';

export function PrintZButton({ zNumber }: { zNumber: number }) {
  const { t } = useApp();
  const mcall = useManagerCall();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    const r = await mcall('report:printZ', { zNumber });
    setBusy(false);
    if (r) pushToast(t('printer.zQueued'), 'info');
  };
  return (
    <button type="button" className="btn btn-lg" data-testid="z-print" disabled={busy} onClick={() => void print()}>
      {t('printer.printZ')}
    </button>
  );
}
