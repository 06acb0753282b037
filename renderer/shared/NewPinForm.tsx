// Choosing a new PIN (docs/staff.md): the factory PIN's first change in live mode, on the cashier's sign-in and on
// the manager screen alike. The old PIN was just typed; main checks it again and counts it like any PIN.
import { useState } from 'react';
import type { ChannelResponse, IpcError } from '../../preload/contract.js';
import { useApp } from './app-context.js';
import { invokeRaw } from './invoke.js';
import { RefusalLine } from './RefusalLine.js';
import './staff.css';

const isPin = (p: string) => /^\d{4,8}$/.test(p);
const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);

export function NewPinForm({ oldPin, onChanged, onCancel }: { oldPin: string; onChanged: (who: ChannelResponse<'staff:changePin'>, newPin: string) => void; onCancel: () => void }) {
  const { t } = useApp();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = again.length >= 4 && pin !== again;
  const submit = async () => {
    if (!isPin(pin) || pin !== again || busy) return;
    setBusy(true);
    const result = await invokeRaw('staff:changePin', { pin: oldPin, newPin: pin });
    setBusy(false);
    if (result.ok) onChanged(result.value, pin);
    else setError(result.error);
  };
  return (
    <form
      className="panel signin"
      data-testid="new-pin-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('staff.newPinTitle')}</h2>
      <p className="hint">{t('staff.newPinHint')}</p>
      <label className="field-label">
        {t('staff.newPin')}
        <input className="field field-pin" data-testid="new-pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8} autoFocus value={pin} onChange={(e) => setPin(digits(e.target.value))} />
      </label>
      <label className="field-label">
        {t('staff.newPinAgain')}
        <input className="field field-pin" data-testid="new-pin-again" type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={again} onChange={(e) => setAgain(digits(e.target.value))} />
      </label>
      {mismatch ? <p className="pin-error" role="alert">{t('staff.pinsDiffer')}</p> : null}
      <RefusalLine error={error} testId="new-pin-error" />
      <div className="row row-stretch">
        <button type="button" className="btn btn-lg" onClick={onCancel}>{t('common.cancel')}</button>
        <button type="submit" className="btn btn-primary btn-lg" data-testid="new-pin-submit" disabled={busy || !isPin(pin) || pin !== again}>{t('staff.savePin')}</button>
      </div>
    </form>
  );
}
