// The drawer's shift at the till (docs/staff.md "Shifts and the drawer"): open it with the float counted by
// denomination; pay-ins and pay-outs with a reason; close it by counting the drawer, shown as expected against
// counted and the variance. A variance beyond the store's threshold asks for a manager's PIN (cash-variance).
import { useEffect, useState } from 'react';
import type { DenominationCounts } from '../../preload/cash-denominations.js';
import type { ChannelResponse, IpcError } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { DenominationCount } from '../shared/DenominationCount.js';
import { invokeRaw } from '../shared/invoke.js';
import { fractionDigits, parseAmountToCents } from '../shared/money.js';
import { RefusalLine } from '../shared/RefusalLine.js';
import { PinField, isPin } from './PinField.js';
import '../shared/staff.css';

type Shift = ChannelResponse<'shift:open'>;
type View = { kind: 'loading' } | { kind: 'none' } | { kind: 'open'; shift: Shift } | { kind: 'closing'; shift: Shift } | { kind: 'closed'; shift: Shift };

function Figure({ label, cents, testId, over }: { label: string; cents: number; testId: string; over?: boolean }) {
  const { money } = useApp();
  return (
    <div className={`shift-figure${over ? ' is-over' : ''}`}>
      <span>{label}</span>
      <strong data-testid={testId}>{money(cents)}</strong>
    </div>
  );
}

export function ShiftPanel({ onClose }: { onClose: () => void }) {
  const { t, info } = useApp();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [counts, setCounts] = useState<DenominationCounts>({});
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [move, setMove] = useState<{ kind: 'pay_in' | 'pay_out'; amount: string; reason: string }>({ kind: 'pay_in', amount: '', reason: '' });
  const [pin, setPin] = useState('');
  const [needsPin, setNeedsPin] = useState(false);

  useEffect(() => {
    void invokeRaw('shift:current', {}).then((r) => setView(r.ok && r.value ? { kind: 'open', shift: r.value } : { kind: 'none' }));
  }, []);

  const run = async <T,>(go: () => Promise<{ ok: true; value: T } | { ok: false; error: IpcError }>, then: (v: T) => void) => {
    setBusy(true);
    const r = await go();
    setBusy(false);
    if (r.ok) {
      setError(null);
      then(r.value);
    } else {
      if (r.error.code === 'CASH_VARIANCE_NEEDS_APPROVAL') setNeedsPin(true);
      setError(r.error);
    }
  };

  const figures = (s: Shift) => (
    <div className="shift-figures">
      <Figure label={t('shift.float')} cents={s.floatCents} testId="shift-float" />
      <Figure label={t('shift.cashSales')} cents={s.cashSalesCents} testId="shift-cash-sales" />
      <Figure label={t('shift.cashRefunds')} cents={s.cashRefundsCents} testId="shift-cash-refunds" />
      <Figure label={t('shift.payIns')} cents={s.payInsCents} testId="shift-pay-ins" />
      <Figure label={t('shift.payOuts')} cents={s.payOutsCents} testId="shift-pay-outs" />
      <Figure label={t('shift.expected')} cents={s.expectedCents} testId="shift-expected" />
    </div>
  );

  const body = () => {
    switch (view.kind) {
      case 'loading':
        return null;
      case 'none':
        return (
          <>
            <h2 id="shift-title">{t('shift.openTitle')}</h2>
            <p className="hint">{t('shift.none')}</p>
            <DenominationCount counts={counts} onChange={setCounts} disabled={busy} />
            <RefusalLine error={error} testId="shift-error" />
            <button type="button" className="btn btn-primary btn-lg" data-testid="shift-open" disabled={busy} onClick={() => void run(() => invokeRaw('shift:open', { counts }), (s) => { setCounts({}); setView({ kind: 'open', shift: s }); })}>
              {t('shift.open')}
            </button>
          </>
        );
      case 'open': {
        const cents = parseAmountToCents(move.amount, fractionDigits(info.currency));
        const canMove = cents !== null && cents > 0 && move.reason.trim().length >= 2;
        return (
          <>
            <h2 id="shift-title">{t('shift.title')}</h2>
            <p className="hint">{t('shift.openedBy', { name: view.shift.openedBy })}</p>
            {figures(view.shift)}
            <div className="row">
              <div className="row" role="radiogroup">
                {(['pay_in', 'pay_out'] as const).map((k) => (
                  <button key={k} type="button" role="radio" aria-checked={move.kind === k} data-testid={`move-${k}`} className={`btn${move.kind === k ? ' btn-primary' : ''}`} onClick={() => setMove({ ...move, kind: k })}>
                    {t(k === 'pay_in' ? 'shift.payIn' : 'shift.payOut')}
                  </button>
                ))}
              </div>
              <label className="field-label">
                {t('shift.amount')}
                <input className="field field-money" data-testid="move-amount" inputMode="decimal" value={move.amount} onChange={(e) => setMove({ ...move, amount: e.target.value })} />
              </label>
              <label className="field-label field-grow">
                {t('shift.reason')}
                <input className="field" data-testid="move-reason" maxLength={200} value={move.reason} onChange={(e) => setMove({ ...move, reason: e.target.value })} />
              </label>
              <button type="button" className="btn btn-lg" data-testid="move-record" disabled={busy || !canMove} onClick={() => void run(() => invokeRaw('shift:moveCash', { kind: move.kind, amountCents: cents ?? 0, reason: move.reason }), (s) => { setMove({ ...move, amount: '', reason: '' }); setView({ kind: 'open', shift: s }); })}>
                {t('shift.record')}
              </button>
            </div>
            <RefusalLine error={error} testId="shift-error" />
            <button type="button" className="btn btn-danger-outline btn-lg" data-testid="shift-start-close" onClick={() => { setError(null); setView({ kind: 'closing', shift: view.shift }); }}>
              {t('shift.close')}
            </button>
          </>
        );
      }
      case 'closing':
        return (
          <>
            <h2 id="shift-title">{t('shift.closeTitle')}</h2>
            <DenominationCount counts={counts} onChange={setCounts} disabled={busy} />
            {needsPin ? <PinField testId="shift-approve-pin" value={pin} onChange={setPin} autoFocus disabled={busy} /> : null}
            {needsPin ? <p className="hint">{t('shift.managerPin')}</p> : null}
            <RefusalLine error={error} testId="shift-error" />
            <div className="row row-stretch">
              <button type="button" className="btn btn-lg" onClick={() => setView({ kind: 'open', shift: view.shift })}>{t('common.back')}</button>
              <button type="button" className="btn btn-primary btn-lg" data-testid="shift-close" disabled={busy || (needsPin && !isPin(pin))} onClick={() => void run(() => invokeRaw('shift:close', { counts, ...(needsPin && isPin(pin) ? { pin } : {}) }), (s) => { setPin(''); setView({ kind: 'closed', shift: s }); })}>
                {t('shift.close')}
              </button>
            </div>
          </>
        );
      case 'closed': {
        const s = view.shift;
        return (
          <>
            <h2 id="shift-title" data-testid="shift-closed">{t('shift.closed')}</h2>
            {figures(s)}
            <div className="shift-figures">
              <Figure label={t('shift.countTotal')} cents={s.countedCents ?? 0} testId="shift-counted" />
              <Figure label={t('shift.variance')} cents={s.varianceCents ?? 0} testId="shift-variance" over={(s.varianceCents ?? 0) !== 0} />
            </div>
          </>
        );
      }
    }
  };

  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="shift-title">
      <div className="modal shift-modal" data-testid="shift-panel">
        {body()}
        <button type="button" className="btn btn-lg" data-testid="shift-dismiss" onClick={onClose}>{t('shift.back')}</button>
      </div>
    </div>
  );
}
