// A manager's PIN typed at the till to approve one action there (an override, a change below what was paid,
// paying back an excess). Digits only, never kept after the call.
import type { Ref } from 'react';
import { useApp } from '../shared/app-context.js';

interface Props {
  testId: string;
  value: string;
  onChange: (pin: string) => void;
  autoFocus?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Whose PIN it asks for, when not a manager's (an exchange: a supervisor's or a manager's). */
  label?: string;
}

export const isPin = (pin: string): boolean => /^\d{4,8}$/.test(pin);

export function PinField({ testId, value, onChange, autoFocus, disabled, inputRef, label }: Props) {
  const { t } = useApp();
  return (
    <label className="field-label">
      {label ?? t('approve.pin')}
      <input
        className="field field-pin"
        data-testid={testId}
        ref={inputRef}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        autoFocus={autoFocus}
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      />
    </label>
  );
}
