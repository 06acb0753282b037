// While a payment is checking, the sale takes no other tender: the money may have moved. When the customer shows
// a wallet that plainly did not pay, a manager can let the sale go on (payment:override): PIN and a reason,
// journaled with who and why. The attempt is still checked; if it succeeds after all, it comes back as a late
// success for a manager to refund.
import { useState } from 'react';
import type { AttemptView, IpcError } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { RefusalLine } from '../shared/RefusalLine.js';
import { invokeRaw } from '../shared/invoke.js';
import { PinField, isPin } from './PinField.js';

interface Props {
  attemptId: number;
  onOverridden: (attempt: AttemptView) => void;
}

export function OverrideForm({ attemptId, onOverridden }: Props) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState(() => t('override.defaultReason'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const valid = isPin(pin) && reason.trim().length >= 3;

  if (!open) {
    return (
      <button type="button" className="btn btn-lg btn-warn" data-testid="attempt-override" onClick={() => setOpen(true)}>
        {t('override.open')}
      </button>
    );
  }

  const submit = async () => {
    if (!valid || busy) return;
    setBusy(true);
    const result = await invokeRaw('payment:override', { attemptId, pin, reason: reason.trim() });
    setBusy(false);
    setPin('');
    if (result.ok) {
      setError(null);
      setOpen(false);
      onOverridden(result.value);
    } else {
      setError(result.error);
    }
  };

  return (
    <form
      className="override-form"
      data-testid="override-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="hint">{t('override.explain')}</p>
      <PinField testId="override-pin" value={pin} onChange={setPin} autoFocus disabled={busy} />
      <label className="field-label">
        {t('override.reason')}
        <input className="field" data-testid="override-reason" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
      </label>
      <RefusalLine error={error} testId="override-error" />
      <div className="row row-stretch">
        <button
          type="button"
          className="btn btn-lg"
          onClick={() => {
            setOpen(false);
            setPin('');
            setError(null);
          }}
        >
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary btn-lg" data-testid="override-submit" disabled={busy || !valid}>
          {t('override.submit')}
        </button>
      </div>
    </form>
  );
}
