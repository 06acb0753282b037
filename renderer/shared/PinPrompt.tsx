// A PIN typed on the field or the on-screen keypad and sent to main: the cashier's sign-in (renderer/cashier/SignIn.tsx)
// and the manager's unlock (renderer/manager/PinPad.tsx). Main counts wrong tries and locks; its refusal (tries left,
// lockout), worded in the screen's language, shows right under the field, where the person is looking. The factory
// PIN in live mode asks for a new PIN first (docs/staff.md), then the new one is sent.
import { useState, type ReactNode } from 'react';
import type { IpcError, IpcResult } from '../../preload/contract.js';
import { NewPinForm } from './NewPinForm.js';
import { NumPad } from './NumPad.js';
import { RefusalLine } from './RefusalLine.js';

interface Props<T> {
  className: string;
  testIds: { form?: string; pin: string; error: string; submit: string };
  words: { title: string; pin: string; submit: string };
  send: (pin: string) => Promise<IpcResult<T>>;
  onAccepted: (value: T) => void;
  /** Shown under the submit button. */
  children?: ReactNode;
}

export function PinPrompt<T>({ className, testIds, words, send, onAccepted, children }: Props<T>) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [changing, setChanging] = useState<string | null>(null);
  const valid = /^\d{4,8}$/.test(pin);

  const submit = async (value: string) => {
    setBusy(true);
    const result = await send(value);
    setBusy(false);
    setPin('');
    if (result.ok) {
      setError(null);
      onAccepted(result.value);
    } else if (result.error.code === 'PIN_CHANGE_REQUIRED') {
      setChanging(value);
    } else {
      setError(result.error);
    }
  };

  if (changing !== null) {
    return <NewPinForm oldPin={changing} onCancel={() => setChanging(null)} onChanged={(_who, newPin) => { setChanging(null); void submit(newPin); }} />;
  }
  return (
    <form
      className={`panel ${className}`}
      data-testid={testIds.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && !busy) void submit(pin);
      }}
    >
      <h2>{words.title}</h2>
      <input
        className="field field-xl field-pin"
        data-testid={testIds.pin}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        autoFocus
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        aria-label={words.pin}
      />
      <RefusalLine error={error} testId={testIds.error} />
      <NumPad value={pin} onChange={setPin} maxLength={8} disabled={busy} />
      <button type="submit" className="btn btn-primary btn-xl" data-testid={testIds.submit} disabled={!valid || busy}>
        {words.submit}
      </button>
      {children}
    </form>
  );
}
