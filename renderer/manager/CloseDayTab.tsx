// Day close: the manager counts the drawer, main computes expected cash and issues the Z report.
import { ZShifts } from './ZShifts.js';
import { useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { fractionDigits, parseAmountToCents } from '../shared/money.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';
import { ParkedAtClose } from './ParkedAtClose.js';
import { RegisterTotals } from './RegisterTotals.js';
import { PrintZButton } from './PrintZButton.js';

export function CloseDayTab() {
  const { t, money, info } = useApp();
  const mcall = useManagerCall();
  const [counted, setCounted] = useState('');
  const [date, setDate] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [z, setZ] = useState<ChannelResponse<'report:closeDay'> | null>(null);
  const countedCents = parseAmountToCents(counted, fractionDigits(info.currency));

  const close = async () => {
    if (countedCents === null) {
      pushToast(t('error.amountInvalid'));
      return;
    }
    setBusy(true);
    const result = await mcall('report:closeDay', date ? { date, countedCashCents: countedCents } : { countedCashCents: countedCents });
    setBusy(false);
    setConfirming(false);
    if (result) {
      setZ(result);
      setCounted('');
    }
  };

  return (
    <section className="tab-body narrow">
      <label className="field-label">
        {t('manager.storeDayOptional')}
        <input type="date" className="field" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label className="field-label">
        {t('manager.countedCash')}
        <input className="field field-money field-xl" data-testid="counted-cash" inputMode="decimal" value={counted} onChange={(e) => setCounted(e.target.value)} />
      </label>
      {confirming ? (
        <div className="row">
          <button type="button" className="btn btn-lg" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger btn-lg" data-testid="close-day-confirm" disabled={busy} onClick={() => void close()}>
            {t('manager.closeDayConfirm')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-primary btn-lg" data-testid="close-day" disabled={countedCents === null} onClick={() => setConfirming(true)}>
          {t('manager.closeDay')}
        </button>
      )}
      {z ? (
        <dl className="z-report" data-testid="z-report">
          <dt>{t('manager.zNumber')}</dt>
          <dd>Z{z.zNumber}</dd>
          <dt>{t('manager.storeDay')}</dt>
          <dd>{z.storeDay}</dd>
          <dt>{t('manager.expectedCash')}</dt>
          <dd>{money(z.expectedCashCents, z.cashCurrency)}</dd>
          <dt>{t('manager.countedCash')}</dt>
          <dd>{money(z.countedCashCents, z.cashCurrency)}</dd>
          <dt>{t('manager.difference')}</dt>
          <dd className={z.differenceCents === 0 ? 'ok' : 'bad'} data-testid="z-difference">
            {z.differenceCents > 0 ? '+' : z.differenceCents < 0 ? '−' : ''}
            {money(Math.abs(z.differenceCents), z.cashCurrency)}
          </dd>
        </dl>
      ) : null}
      {z?.zQueued ? <p className="hint" data-testid="z-printed-at-close">{t('printer.zAtClose')}</p> : null}
      {z ? <PrintZButton zNumber={z.zNumber} /> : null}
      {z ? <RegisterTotals register={z.register} testId="z-register" /> : null}
      {z ? <ParkedAtClose parked={z.parkedSales} /> : null}
      {z ? <ZShifts shifts={z.shifts ?? []} /> : null}
    </section>
  );
}
