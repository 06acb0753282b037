// An on-screen keypad for touch tills: appends to a text value the caller owns (cash tendered, PIN).
import { useApp } from './app-context.js';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Extra key left of 0: "." for amounts, nothing for a PIN. */
  decimal?: boolean;
  maxLength?: number;
  disabled?: boolean;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function NumPad({ value, onChange, decimal = false, maxLength = 12, disabled }: Props) {
  const { t } = useApp();
  const press = (key: string) => {
    if (value.length >= maxLength) return;
    if (key === '.' && value.includes('.')) return;
    onChange(value + key);
  };
  return (
    <div className="numpad" role="group" aria-label={t('common.keypad')}>
      {DIGITS.map((d) => (
        <button key={d} type="button" className="btn numpad-key" disabled={disabled} onClick={() => press(d)}>
          {d}
        </button>
      ))}
      {decimal ? (
        <button type="button" className="btn numpad-key" disabled={disabled} onClick={() => press('.')}>
          .
        </button>
      ) : (
        <button type="button" className="btn numpad-key" disabled={disabled} onClick={() => onChange('')} aria-label={t('common.clear')}>
          C
        </button>
      )}
      <button type="button" className="btn numpad-key" disabled={disabled} onClick={() => press('0')}>
        0
      </button>
      <button type="button" className="btn numpad-key" disabled={disabled} onClick={() => onChange(value.slice(0, -1))} aria-label={t('common.backspace')}>
        ⌫
      </button>
    </div>
  );
}
