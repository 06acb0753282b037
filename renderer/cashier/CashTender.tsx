// Cash: what the customer handed over (quick notes or keypad), then the change to give back. What cash pays is
// rounded to 5¢ (CAD; docs/register.md "Cash rounding"), shown as its own line; main rounds the same way.
import { useState } from 'react';
import { roundCashCents } from '../../preload/money-limits.js';
import { useApp } from '../shared/app-context.js';
import { cashSuggestions, fractionDigits, parseAmountToCents, signedMoney } from '../shared/money.js';
import { NumPad } from '../shared/NumPad.js';
import { pushToast } from '../shared/toast-store.js';

interface Props {
  /** What this cash tender pays toward the sale, before rounding. */
  amountCents: number;
  busy: boolean;
  onPay: (tenderedCents: number) => void;
  onBack: () => void;
}

export function CashTender({ amountCents: paysCents, busy, onPay, onBack }: Props) {
  const { t, money, info } = useApp();
  const [tendered, setTendered] = useState('');
  const tenderedCents = parseAmountToCents(tendered, fractionDigits(info.currency));
  // The cash to take: what it pays, rounded to 5¢.
  const amountCents = roundCashCents(paysCents, info.currency);
  const rounding = amountCents - paysCents;
  const short = tenderedCents !== null && tenderedCents < amountCents;

  const confirm = (cents: number | null) => {
    // Nothing handed over is right only when the last 1¢ or 2¢ round to nothing in cash (docs/register.md).
    if (cents === null || cents < 0 || (cents === 0 && amountCents > 0)) {
      pushToast(t('error.amountInvalid'));
      return;
    }
    if (cents < amountCents) {
      pushToast(t('cash.notEnough', { amount: money(amountCents) }));
      return;
    }
    onPay(cents);
  };

  return (
    <section className="panel cash-tender" aria-label={t('tender.cash')}>
      <div className="panel-head">
        <button type="button" className="btn" onClick={onBack}>
          ← {t('common.back')}
        </button>
        <h2>
          {t('cash.charge')} <span className="money-strong" data-testid="cash-for">{money(paysCents)}</span>
        </h2>
      </div>
      {rounding !== 0 ? (
        <div className="cash-roundings" data-testid="cash-rounding-panel">
          <p className="cash-rounding">
            <span>{t('cash.rounding')}</span> <span data-testid="cash-rounding">{signedMoney(rounding, (c) => money(c))}</span>
          </p>
          <p className="cash-rounding cash-rounding-total">
            <span>{t('cash.roundedTotal')}</span> <span data-testid="cash-rounded-total">{money(amountCents)}</span>
          </p>
        </div>
      ) : null}
      <div className="cash-quick">
        {(amountCents === 0 ? [0] : cashSuggestions(amountCents)).map((cents) => (
          <button key={cents} type="button" className="btn btn-quick" disabled={busy} onClick={() => confirm(cents)}>
            {cents === amountCents ? t('cash.exact') : money(cents)}
          </button>
        ))}
      </div>
      <form
        className="cash-entry"
        onSubmit={(e) => {
          e.preventDefault();
          confirm(tenderedCents);
        }}
      >
        <label className="field-label">
          {t('cash.tendered')}
          <input
            className="field field-money field-xl"
            data-testid="cash-tendered"
            inputMode="decimal"
            autoFocus
            value={tendered}
            onChange={(e) => setTendered(e.target.value)}
          />
        </label>
        {tenderedCents !== null && !short ? (
          <p className="cash-preview">
            {t('cash.changePreview')} <strong>{money(tenderedCents - amountCents)}</strong>
          </p>
        ) : null}
        <NumPad value={tendered} onChange={setTendered} decimal disabled={busy} />
        <button type="submit" className="btn btn-primary btn-xl" data-testid="cash-confirm" disabled={busy || tenderedCents === null || short}>
          {t('cash.confirm')}
        </button>
      </form>
    </section>
  );
}
