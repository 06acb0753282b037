// The cashier's printer panel (docs/printing.md): when slips wait in the print queue, what holds them in the
// screen's language (paper out, cover open, offline, a timeout), with "Print again" and "Skip this slip" for the
// one at the head of the queue. The sale is paid whatever the printer does; this only tells and offers. And the
// cash drawer opened with no sale, on a manager's PIN (approval drawer-open), journaled with who and why.
import { useEffect, useState } from 'react';
import type { EventMap } from '../../preload/contract.js';
import type { PrintFault } from '../../preload/printer-options.js';
import { useApp } from '../shared/app-context.js';
import type { MessageKey } from '../shared/i18n/translate.js';
import { call } from '../shared/invoke.js';
import { pushToast } from '../shared/toast-store.js';
import { usePosEvent } from '../shared/use-pos-event.js';
import { isPin, PinField } from './PinField.js';

type Queue = EventMap['printer:queue'];

const FAULT_WORDS: Record<PrintFault, MessageKey> = {
  'paper-out': 'errorCode.PRINTER_PAPER_OUT', 'cover-open': 'errorCode.PRINTER_COVER_OPEN', offline: 'errorCode.PRINTER_OFFLINE',
  timeout: 'errorCode.PRINTER_TIMEOUT', 'not-configured': 'errorCode.PRINTER_NOT_CONFIGURED',
};

function DrawerButton() {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    const r = await call('drawer:open', { pin, reason });
    setBusy(false);
    setPin('');
    if (!r) return;
    pushToast(r.result === 'sent' ? t('printer.drawerOpened') : t(FAULT_WORDS[r.result as PrintFault] ?? 'errorCode.PRINTER_OFFLINE'), r.result === 'sent' ? 'info' : 'error');
    setOpen(false);
    setReason('');
  };
  if (!open) {
    return (
      <button type="button" className="btn" data-testid="drawer-open" onClick={() => setOpen(true)}>
        {t('printer.openDrawer')}
      </button>
    );
  }
  return (
    <form className="drawer-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label className="field-label">
        {t('printer.drawerReason')}
        <input className="field" data-testid="drawer-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoFocus />
      </label>
      <PinField testId="drawer-pin" value={pin} onChange={setPin} />
      <button type="submit" className="btn btn-primary" data-testid="drawer-confirm" disabled={busy || !isPin(pin) || reason.trim().length < 3}>{t('printer.openDrawer')}</button>
      <button type="button" className="btn" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
    </form>
  );
}

export function PrintStatus() {
  const { t } = useApp();
  const [queue, setQueue] = useState<Queue | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('printer:queue', {}).then((q) => q && setQueue(q));
  }, []);
  usePosEvent('printer:queue', setQueue);
  const head = queue?.jobs[0];
  const act = async (work: () => Promise<Queue | undefined>) => {
    setBusy(true);
    const q = await work();
    setBusy(false);
    if (q) setQueue(q);
  };
  return (
    <div className="print-status" data-testid="print-status">
      {queue && queue.pending > 0 && head ? (
        <div className="banner banner-warn" role="status" data-testid="print-problem" data-fault={queue.fault ?? ''}>
          <strong>{t('printer.waiting', { count: queue.pending })}</strong>
          {queue.fault ? <span data-testid="print-fault">{t(FAULT_WORDS[queue.fault])}</span> : null}
          <span className="print-actions">
            <button type="button" className="btn" data-testid="print-retry" disabled={busy} onClick={() => void act(() => call('printer:retry', {}))}>{t('printer.retry')}</button>
            <button type="button" className="btn" data-testid="print-skip" disabled={busy} onClick={() => void act(() => call('printer:skip', { jobId: head.id }))}>{t('printer.skip')}</button>
          </span>
        </div>
      ) : null}
      <DrawerButton />
    </div>
  );
}
