// Manager → Settings, "Tax rates" (docs/register.md "Rate overrides"): the store province's taxes, the table's rate
// beside the one a sale opened now is charged, the manager's overrides (in force, starting later, replaced, removed),
// a form to override one tax's rate from a store day with why, and removing an override with why. Every amount and
// date is main's; the rate typed here is sent as parts per 100 000 (tax-rate-input.ts).
import { useEffect, useState } from 'react';
import type { ChannelResponse } from '../../preload/contract.js';
import { useApp } from '../shared/app-context.js';
import { formatTaxRate } from '../shared/money.js';
import { pushToast } from '../shared/toast-store.js';
import { useManagerCall } from './manager-api.js';
import { parsePercentRate } from './tax-rate-input.js';

type Rates = ChannelResponse<'tax:rates'>;
type Override = Rates['overrides'][number];
type TaxCode = Rates['taxes'][number]['code'];

export function TaxRatesForm() {
  const { t, locale } = useApp();
  const mcall = useManagerCall();
  const [rates, setRates] = useState<Rates | null>(null);
  const [code, setCode] = useState('');
  const [rate, setRate] = useState('');
  const [from, setFrom] = useState('');
  const [reason, setReason] = useState('');
  const [removing, setRemoving] = useState<number | null>(null);
  const [removeReason, setRemoveReason] = useState('');
  const [busy, setBusy] = useState(false);

  const show = (r: Rates) => {
    setRates(r);
    setCode((c) => (r.taxes.some((x) => x.code === c) ? c : (r.taxes[0]?.code ?? '')));
    setFrom((f) => f || r.today);
  };

  useEffect(() => {
    void mcall('tax:rates', {}).then((r) => r && show(r));
  }, [mcall]);

  if (!rates) return <p className="hint">{t('common.loading')}</p>;

  const pct = (per100k: number) => formatTaxRate(per100k, locale);
  const taxName = (c: TaxCode) => t(`tax.${c}`);

  const submit = async () => {
    const per100k = parsePercentRate(rate);
    if (per100k === null) return pushToast(t('taxRates.rateInvalid'));
    if (reason.trim() === '') return pushToast(t('taxRates.reasonRequired'));
    const tax = rates.taxes.find((x) => x.code === code);
    if (!tax) return;
    setBusy(true);
    const saved = await mcall('tax:override', { code: tax.code, ratePer100k: per100k, effectiveFrom: from || rates.today, reason: reason.trim() });
    setBusy(false);
    if (saved) {
      show(saved);
      setRate('');
      setReason('');
      pushToast(t('taxRates.saved', { tax: taxName(tax.code), rate: pct(per100k), date: from || rates.today }), 'info');
    }
  };

  const remove = async (o: Override) => {
    if (removeReason.trim() === '') return pushToast(t('taxRates.reasonRequired'));
    setBusy(true);
    const saved = await mcall('tax:removeOverride', { id: o.id, reason: removeReason.trim() });
    setBusy(false);
    if (saved) {
      show(saved);
      setRemoving(null);
      setRemoveReason('');
      pushToast(t('taxRates.removed'), 'info');
    }
  };

  const status = (o: Override) =>
    o.status === 'removed' ? t('taxRates.status.removed', { who: o.removedBy ?? '', reason: o.removalReason ?? '' })
      : o.status === 'scheduled' ? t('taxRates.status.scheduled', { date: o.effectiveFrom })
        : t(`taxRates.status.${o.status}`);

  return (
    <section className="panel tax-rates" data-testid="tax-rates">
      <h3>{t('taxRates.title')}</h3>
      <p className="hint">{t('taxRates.note', { province: t(`province.${rates.province}`) })}</p>
      <table className="table" data-testid="tax-rates-table">
        <thead>
          <tr>
            <th>{t('taxRates.tax')}</th>
            <th>{t('taxRates.tableRate')}</th>
            <th>{t('taxRates.chargedRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rates.taxes.map((x) => (
            <tr key={x.code} data-testid="tax-rate-row" data-code={x.code} className={x.ratePer100k !== x.tableRatePer100k ? 'is-active' : undefined}>
              <td>{taxName(x.code)}</td>
              <td data-testid="tax-rate-table">{pct(x.tableRatePer100k)}</td>
              <td data-testid="tax-rate-charged"><strong>{pct(x.ratePer100k)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="settings-form"
        data-testid="tax-override-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h4 className="tax-rates-wide">{t('taxRates.overrideTitle')}</h4>
        <label className="field-label">
          {t('taxRates.tax')}
          <select className="field" data-testid="tax-override-code" value={code} onChange={(e) => setCode(e.target.value)}>
            {rates.taxes.map((x) => (
              <option key={x.code} value={x.code}>
                {taxName(x.code)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-label">
          {t('taxRates.rate')}
          <input className="field" data-testid="tax-override-rate" inputMode="decimal" maxLength={7} value={rate} onChange={(e) => setRate(e.target.value)} autoComplete="off" />
        </label>
        <label className="field-label">
          {t('taxRates.from')}
          <input className="field" data-testid="tax-override-from" type="date" min={rates.today} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field-label">
          {t('taxRates.reason')}
          <input className="field" data-testid="tax-override-reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="btn btn-primary btn-lg" data-testid="tax-override-save" disabled={busy || rate.trim() === '' || reason.trim() === ''}>
          {t('taxRates.submit')}
        </button>
      </form>
      <h4>{t('taxRates.overrides')}</h4>
      {rates.overrides.length === 0 ? <p className="hint" data-testid="tax-overrides-none">{t('taxRates.none')}</p> : null}
      <ul className="tax-overrides" data-testid="tax-overrides">
        {rates.overrides.map((o) => (
          <li key={o.id} data-testid="tax-override-row" data-status={o.status}>
            <div>
              <strong>{t('taxRates.line', { tax: taxName(o.code), rate: pct(o.ratePer100k), date: o.effectiveFrom, tableRate: pct(o.tableRatePer100k) })}</strong>
              {' · '}
              <span data-testid="tax-override-status">{status(o)}</span>
            </div>
            <div className="hint">{t('taxRates.by', { who: o.createdBy, reason: o.reason })}</div>
            {o.status === 'removed' ? null : removing === o.id ? (
              <div className="row">
                <input className="field" data-testid="tax-override-remove-reason" aria-label={t('taxRates.removeReason')} placeholder={t('taxRates.removeReason')} maxLength={200} value={removeReason} onChange={(e) => setRemoveReason(e.target.value)} autoComplete="off" />
                <button type="button" className="btn btn-lg" data-testid="tax-override-remove-confirm" disabled={busy || removeReason.trim() === ''} onClick={() => void remove(o)}>
                  {t('taxRates.removeConfirm')}
                </button>
                <button type="button" className="btn btn-lg" onClick={() => setRemoving(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            ) : (
              <button type="button" className="btn btn-lg" data-testid="tax-override-remove" onClick={() => setRemoving(o.id)}>
                {t('taxRates.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
