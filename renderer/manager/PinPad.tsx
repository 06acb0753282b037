// The manager PIN pad. Main counts wrong tries and locks the pad; its refusal (tries left, lockout), worded in
// the screen's language, is shown right under the field, where the manager is looking.
import { useState } from 'react';
import type { ChannelResponse, IpcError } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { invokeRaw } from '../shared/invoke.js';
import { NumPad } from '../shared/NumPad.js';
import { RefusalLine } from '../shared/RefusalLine.js';
import { NewPinForm } from '../shared/NewPinForm.js';

export function PinPad({ onUnlocked }: { onUnlocked: (session: ChannelResponse<'manager:unlock'>) => void }) {
  const { t } = useApp();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  // The factory PIN in live mode: a new PIN first (docs/staff.md), then the pad unlocks with it.
  const [changing, setChanging] = useState<string | null>(null);
  const valid = /^\d{4,8}$/.test(pin);

  const unlock = async (value: string) => {
    setBusy(true);
    const result = await invokeRaw('manager:unlock', { pin: value });
    setBusy(false);
    setPin('');
    if (result.ok) {
      setError(null);
      onUnlocked(result.value);
    } else if (result.error.code === 'PIN_CHANGE_REQUIRED') {
      setChanging(value);
    } else {
      setError(result.error);
    }
  };
  const submit = async () => {
    if (!valid || busy) return;
    await unlock(pin);
  };

  if (changing !== null) {
    return <NewPinForm oldPin={changing} onCancel={() => setChanging(null)} onChanged={(_who, newPin) => { setChanging(null); void unlock(newPin); }} />;
  }

  return (
    <form
      className="panel pin-pad"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('manager.enterPin')}</h2>
      <input
        className="field field-xl field-pin"
        data-testid="pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        autoFocus
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        aria-label={t('manager.pin')}
      />
      <RefusalLine error={error} testId="pin-error" />
      <NumPad value={pin} onChange={setPin} maxLength={8} disabled={busy} />
      <button type="submit" className="btn btn-primary btn-xl" data-testid="pin-submit" disabled={!valid || busy}>
        {t('manager.unlock')}
      </button>
    </form>
  );
}
