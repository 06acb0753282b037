// The sale holds more than its total (a payment that succeeded after the till moved on, or lines a manager
// removed after payment). The cashier sees what is owed back, and a manager's PIN pays it (sale:refundExcess):
// cash as change, wallets and cards as refunds to where they came from.
import { useRef, useState } from 'react';
import type { IpcError, SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { RefusalLine } from '../shared/RefusalLine.js';
import { invokeRaw } from '../shared/invoke.js';
import { PinField, isPin } from './PinField.js';

/** Only cash paid this sale: what is owed back is change from the drawer, not a refund. */
export function onlyCash(sale: SaleView): boolean {
  const paid = sale.attempts.filter((a) => a.phase === 'paid');
  return paid.length > 0 && paid.every((a) => a.tender === 'cash');
}

export function ExcessPanel({ sale, onSale }: { sale: SaleView; onSale: (sale: SaleView) => void }) {
  const { t, money } = useApp();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [pinMissing, setPinMissing] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);
  if (sale.overpaidCents <= 0) return null;
  const cash = onlyCash(sale);

  // The button is always the way forward: pressed without a PIN, it says so and puts the cursor in the field.
  const submit = async () => {
    if (busy) return;
    if (!isPin(pin)) {
      setPinMissing(true);
      pinInput.current?.focus();
      return;
    }
    setPinMissing(false);
    setBusy(true);
    const result = await invokeRaw('sale:refundExcess', { pin });
    setBusy(false);
    setPin('');
    if (result.ok) {
      setError(null);
      onSale(result.value);
    } else {
      setError(result.error);
    }
  };

  return (
    <form
      className="panel excess"
      data-testid="excess-panel"
      data-kind={cash ? 'change' : 'refund'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="excess-title">
        {t(cash ? 'excess.changeDue' : 'excess.refundDue', { amount: money(sale.overpaidCents, sale.currency) })}
      </p>
      <p className="hint">{t(cash ? 'excess.changeHint' : 'excess.refundHint')}</p>
      <div className="excess-row">
        <PinField testId="excess-pin" value={pin} onChange={setPin} disabled={busy} inputRef={pinInput} />
        <button type="submit" className="btn btn-primary btn-lg" data-testid="refund-excess" disabled={busy}>
          {t(cash ? 'excess.giveChange' : 'excess.refund')}
        </button>
      </div>
      {pinMissing && !error ? (
        <p className="pin-error" role="alert">
          {t('approve.pinNeeded')}
        </p>
      ) : null}
      <RefusalLine error={error} testId="excess-error" />
    </form>
  );
}
