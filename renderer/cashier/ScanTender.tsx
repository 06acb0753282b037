// Merchant-scan: the cashier scans the customer's wallet code (the wedge handles that anywhere on screen) or
// types the digits under the barcode when the scanner cannot read a cracked phone screen.
import { useState } from 'react';
import { useApp } from '../shared/app-context.js';

interface Props {
  amountCents: number;
  busy: boolean;
  onCharge: (code: string) => void;
  onBack: () => void;
}

export function ScanTender({ amountCents, busy, onCharge, onBack }: Props) {
  const { t, money } = useApp();
  const [code, setCode] = useState('');
  const digits = code.replace(/\s+/g, '');
  const valid = /^\d{8,64}$/.test(digits);
  return (
    <section className="panel scan-tender" aria-label={t('tender.scanCode')}>
      <div className="panel-head">
        <button type="button" className="btn" onClick={onBack}>
          ← {t('common.back')}
        </button>
        <h2>
          {t('scan.charge')} <span className="money-strong">{money(amountCents)}</span>
        </h2>
      </div>
      <p className="hint hint-lg">{t('scan.instructions')}</p>
      <form
        className="scan-entry"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onCharge(digits);
        }}
      >
        <input
          className="field field-xl"
          data-testid="scan-code-input"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          placeholder={t('scan.placeholder')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-label={t('scan.codeLabel')}
        />
        <button type="submit" className="btn btn-primary btn-xl" data-testid="scan-code-submit" disabled={busy || !valid}>
          {t('scan.submit')}
        </button>
      </form>
    </section>
  );
}
