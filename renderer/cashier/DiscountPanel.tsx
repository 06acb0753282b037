// The till's discount panel (docs/register.md "Discounts"): a line or the whole sale, a percentage or an amount off,
// or a line's new price. It only says what the cashier asked for; main decides who may give it. Above the store's
// threshold, and for every new price, main answers DISCOUNT_NEEDS_APPROVAL / PRICE_OVERRIDE_NEEDS_APPROVAL and the
// cart's manager prompt (use-approval.ts) sends the same change again with the PIN.
import { useState } from 'react';
import type { SaleView } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { discountText, parsePercentToBp } from '../shared/discount-format.js';
import type { MessageKey } from '../shared/i18n/translate.js';
import { fractionDigits, parseAmountToCents } from '../shared/money.js';
import type { DiscountEdit } from './use-approval.js';

export type DiscountTarget = { lineNo: number } | 'sale';
type Mode = 'pct' | 'amount' | 'price';

const QUICK_PERCENTS = [5, 10, 15, 20, 25, 50];
const ENTER: Record<Mode, MessageKey> = { pct: 'discount.enterPct', amount: 'discount.enterAmount', price: 'discount.enterPrice' };
const INVALID: Record<Mode, MessageKey> = { pct: 'discount.invalidPct', amount: 'discount.invalidAmount', price: 'discount.invalidPrice' };

interface Props {
  sale: SaleView;
  target: DiscountTarget;
  busy: boolean;
  onClose: () => void;
  /** Sends the change through the till's approval flow. */
  onSubmit: (edit: DiscountEdit) => void;
}

export function DiscountPanel({ sale, target, busy, onClose, onSubmit }: Props) {
  const { t, money, locale } = useApp();
  const [mode, setMode] = useState<Mode>('pct');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const line = target === 'sale' ? undefined : sale.lines.find((l) => l.lineNo === target.lineNo);
  if (target !== 'sale' && !line) return null;
  const m = (c: number) => money(c, sale.currency);
  // What the discount is taken off: the line's total, or the sale's lines after their own discounts.
  const base = line ? line.lineTotalCents : sale.lines.reduce((s, l) => s + l.lineTotalCents - (l.lineDiscount?.cents ?? 0), 0);
  const existing = line ? line.lineDiscount : sale.saleDiscount;
  const modes: Mode[] = line ? ['pct', 'amount', 'price'] : ['pct', 'amount'];
  const why = reason.trim() ? { reason: reason.trim() } : {};

  const submit = () => {
    if (busy) return;
    const value = mode === 'pct' ? parsePercentToBp(text) : parseAmountToCents(text, fractionDigits(sale.currency));
    if (value === null || (mode !== 'price' && value <= 0)) {
      setInvalid(true);
      return;
    }
    if (mode === 'price' && line) onSubmit({ channel: 'sale:overridePrice', request: { lineNo: line.lineNo, unitPriceCents: value, ...why } });
    else if (line) onSubmit({ channel: 'sale:discountLine', request: { lineNo: line.lineNo, kind: mode === 'pct' ? 'pct' : 'amount', value, ...why } });
    else onSubmit({ channel: 'sale:discountSale', request: { kind: mode === 'pct' ? 'pct' : 'amount', value, ...why } });
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="discount-title">
      <form
        className="modal approve discount-panel"
        data-testid="discount-panel"
        data-target={line ? `line-${line.lineNo}` : 'sale'}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id="discount-title">{line ? t('discount.titleLine', { name: line.name }) : t('discount.titleSale')}</h2>
        <p className="muted">
          {t('discount.of', { amount: m(base) })}
          {existing ? <> · {t('discount.line')} {discountText(existing, m, locale)}</> : null}
        </p>
        <div className="row discount-modes" role="group">
          {modes.map((x) => (
            <button
              key={x}
              type="button"
              className={`btn${mode === x ? ' btn-primary' : ''}`}
              data-testid={`discount-mode-${x}`}
              aria-pressed={mode === x}
              onClick={() => {
                setMode(x);
                setText('');
                setInvalid(false);
              }}
            >
              {t(`discount.${x}`)}
            </button>
          ))}
        </div>
        {mode === 'pct' ? (
          <div className="row discount-quick">
            {QUICK_PERCENTS.map((p) => (
              <button key={p} type="button" className="btn" data-testid={`discount-quick-${p}`} onClick={() => setText(String(p))}>
                {p}%
              </button>
            ))}
          </div>
        ) : null}
        <label className="field-label">
          {t(ENTER[mode])}
          <input
            className="field"
            data-testid="discount-value"
            inputMode="decimal"
            autoComplete="off"
            autoFocus
            value={text}
            maxLength={10}
            onChange={(e) => {
              setText(e.target.value);
              setInvalid(false);
            }}
          />
        </label>
        <label className="field-label">
          {t('discount.reason')}
          <input className="field" data-testid="discount-reason" autoComplete="off" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        {invalid ? (
          <p className="pin-error" role="alert" data-testid="discount-invalid">
            {t(INVALID[mode])}
          </p>
        ) : (
          <p className="muted discount-hint">{t('discount.managerHint')}</p>
        )}
        <div className="row row-stretch">
          {existing ? (
            <button
              type="button"
              className="btn btn-danger-outline btn-lg"
              data-testid="discount-remove"
              disabled={busy}
              onClick={() => onSubmit({ channel: 'sale:removeDiscount', request: line ? { lineNo: line.lineNo } : {} })}
            >
              {t('discount.remove')}
            </button>
          ) : null}
          <button type="button" className="btn btn-lg" data-testid="discount-cancel" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary btn-lg" data-testid="discount-apply" disabled={busy || text.trim() === ''}>
            {t('discount.apply')}
          </button>
        </div>
      </form>
    </div>
  );
}
