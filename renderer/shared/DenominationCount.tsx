// Counting a drawer by denomination (docs/staff.md): one field per Canadian coin and note, what each row comes to,
// and the running total of what has been entered. Never the expected cash: the close is counted blind.
import { CAD_DENOMINATIONS, countedCents, type DenominationCounts } from '../../preload/cash-denominations.js';
import { useApp } from './app-context.js';
import './staff.css';

export function DenominationCount({ counts, onChange, disabled }: { counts: DenominationCounts; onChange: (next: DenominationCounts) => void; disabled?: boolean }) {
  const { t, money } = useApp();
  return (
    <div>
      <div className="count-grid">
        {CAD_DENOMINATIONS.map((cents) => {
          const key = `${cents}` as const;
          return (
            <label key={cents} className="count-cell">
              {money(cents)}
              <input
                className="field field-money"
                data-testid={`count-${cents}`}
                inputMode="numeric"
                aria-label={`${t('shift.count')} ${money(cents)}`}
                disabled={disabled}
                value={counts[key] === undefined ? '' : String(counts[key])}
                onChange={(e) => {
                  const digits = e.target.value.replace(/\D/g, '').slice(0, 5);
                  const next = { ...counts };
                  if (digits === '') delete next[key];
                  else next[key] = Number(digits);
                  onChange(next);
                }}
              />
              <span className="count-line" data-testid={`count-line-${cents}`}>{counts[key] ? money(cents * counts[key]) : ' '}</span>
            </label>
          );
        })}
      </div>
      <p className="hint-lg count-running" aria-live="polite">
        {t('shift.countSoFar')}: <strong data-testid="count-total">{money(countedCents(counts) ?? 0)}</strong>
      </p>
    </div>
  );
}
